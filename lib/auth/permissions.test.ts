import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  can,
  canSometimes,
  institutionsWhere,
  sitesWhere,
  type TAction,
  type TActor,
  type TMembership,
} from "./permissions";

const actor = (memberships: TMembership[], userId = "user-1"): TActor => ({
  userId,
  email: `${userId}@x.test`,
  name: userId,
  institutionId: "inst-A",
  memberships,
});
const agentA = actor([{ role: "AGENT", institutionId: "inst-A", relaySiteId: null }]);
const trainerA = actor([{ role: "TRAINER", institutionId: "inst-A", relaySiteId: null }]);
const coordinatorS1 = actor([{ role: "SITE_COORDINATOR", institutionId: null, relaySiteId: "site-1" }]);
const officerA = actor([{ role: "TRAINING_OFFICER", institutionId: "inst-A", relaySiteId: null }]);
const nationalAdmin = actor([{ role: "NATIONAL_ADMIN", institutionId: null, relaySiteId: null }]);

const inA = { institutionId: "inst-A" };
const inB = { institutionId: "inst-B" };

// The expected matrix, written independently of PERMISSIONS: [action, resource, allowed per role].
const MATRIX: [
  TAction,
  object,
  { agent: boolean; trainer: boolean; coordinator: boolean; officer: boolean; admin: boolean },
][] = [
  ["catalog.browse", {}, { agent: true, trainer: true, coordinator: true, officer: true, admin: true }],
  ["course.enrol", {}, { agent: true, trainer: false, coordinator: false, officer: false, admin: false }],
  ["course.author", inA, { agent: false, trainer: true, coordinator: false, officer: false, admin: false }],
  ["course.author", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  ["course.create", inA, { agent: false, trainer: true, coordinator: false, officer: false, admin: false }],
  ["course.followLearners", inA, { agent: false, trainer: true, coordinator: false, officer: true, admin: false }],
  ["course.followLearners", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  // The national library: publishing and reuse only for the trainer's own institution.
  ["library.browse", {}, { agent: false, trainer: true, coordinator: false, officer: true, admin: true }],
  ["library.publish", inA, { agent: false, trainer: true, coordinator: false, officer: false, admin: false }],
  ["library.publish", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  ["library.reuse", inA, { agent: false, trainer: true, coordinator: false, officer: false, admin: false }],
  ["library.reuse", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  ["session.register", {}, { agent: true, trainer: false, coordinator: false, officer: false, admin: false }],
  [
    "session.schedule",
    { relaySiteId: "site-1" },
    { agent: false, trainer: false, coordinator: true, officer: false, admin: true },
  ],
  [
    "session.schedule",
    { relaySiteId: "site-2" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: true },
  ],
  [
    "site.manage",
    { relaySiteId: "site-1" },
    { agent: false, trainer: false, coordinator: true, officer: false, admin: true },
  ],
  [
    "registration.manage",
    { relaySiteId: "site-1" },
    { agent: false, trainer: false, coordinator: true, officer: false, admin: false },
  ],
  [
    "attendance.record",
    { relaySiteId: "site-1", institutionId: "inst-A" },
    { agent: false, trainer: true, coordinator: true, officer: false, admin: false },
  ],
  [
    "attendance.record",
    { relaySiteId: "site-2", institutionId: "inst-B" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  [
    "privacy.exportOwn",
    { userId: "user-1" },
    { agent: true, trainer: true, coordinator: true, officer: true, admin: true },
  ],
  [
    "privacy.exportOwn",
    { userId: "someone-else", institutionId: "inst-A" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  ["privacy.erase", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: false }],
  ["privacy.erase", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  [
    "privacy.erase",
    { institutionId: null },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  [
    "calendar.readTrainer",
    { userId: "user-1" },
    { agent: true, trainer: true, coordinator: true, officer: true, admin: true },
  ],
  [
    "calendar.readTrainer",
    { userId: "trainer-2", relaySiteId: "site-1" },
    { agent: false, trainer: false, coordinator: true, officer: false, admin: true },
  ],
  [
    "calendar.readTrainer",
    { userId: "trainer-2", relaySiteId: "site-2" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: true },
  ],
  [
    "enrolment.approve",
    { institutionId: "inst-A", managerId: "user-1" },
    { agent: true, trainer: false, coordinator: false, officer: true, admin: false },
  ],
  [
    "enrolment.approve",
    { institutionId: "inst-B", managerId: "someone-else" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  [
    "record.read",
    { userId: "user-1", institutionId: "inst-A" },
    { agent: true, trainer: false, coordinator: false, officer: true, admin: false },
  ],
  [
    "record.read",
    { userId: "user-2", institutionId: "inst-B" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  ["institution.read", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["institution.read", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["institution.update", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: false }],
  ["institution.update", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  ["staff.import", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: false }],
  ["headcount.import", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  ["report.export", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["report.export", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["indicators.read", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["indicators.national", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["referential.manage", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["opendata.publish", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["lrsClient.manage", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["lrsClient.manage", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["network.participate", {}, { agent: true, trainer: true, coordinator: true, officer: true, admin: true }],
  ["network.createInstitution", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["network.createInstitution", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["network.createThematic", {}, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["network.createRegional", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["network.createNational", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["network.manage", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["network.manage", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["network.manage", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  // Training needs (lib/needs); the regional correspondent's region scope is tested in permissions-region.test.ts.
  ["needs.campaign.manage", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: false }],
  ["needs.campaign.manage", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  [
    "needs.express",
    { userId: "user-1" },
    { agent: true, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  [
    "needs.express",
    { userId: "user-2" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  [
    "needs.opinion",
    { managerId: "user-1" },
    { agent: true, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  [
    "needs.opinion",
    { managerId: "someone-else", institutionId: "inst-A" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  ["needs.decide", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: false }],
  ["needs.decide", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  ["needs.plan", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: false }],
  ["needs.plan", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: false }],
  [
    "needs.pool",
    { regionId: "reg-1" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: true },
  ],
  ["needs.indicators", inA, { agent: false, trainer: false, coordinator: false, officer: true, admin: true }],
  ["needs.indicators", inB, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  // A session's costs: the coordinator of its site, the officer of its course's institution, no one else.
  [
    "session.costs",
    { institutionId: "inst-A", relaySiteId: "site-1" },
    { agent: false, trainer: false, coordinator: true, officer: true, admin: false },
  ],
  [
    "session.costs",
    { institutionId: "inst-B", relaySiteId: "site-2" },
    { agent: false, trainer: false, coordinator: false, officer: false, admin: false },
  ],
  ["missionScales.manage", {}, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
  ["needs.commission", inA, { agent: false, trainer: false, coordinator: false, officer: false, admin: true }],
];

describe("authorization matrix (role × action × scope)", () => {
  const actors = {
    agent: agentA,
    trainer: trainerA,
    coordinator: coordinatorS1,
    officer: officerA,
    admin: nationalAdmin,
  };
  for (const [action, resource, expected] of MATRIX) {
    for (const [name, subject] of Object.entries(actors)) {
      const allowed = expected[name as keyof typeof expected];
      it(`${name} ${allowed ? "may" : "may not"} ${action} on ${JSON.stringify(resource)}`, () => {
        expect(can(subject, action, resource)).toBe(allowed);
      });
    }
  }

  it("covers every action at least once", () => {
    const covered = new Set(MATRIX.map(([action]) => action));
    expect(ACTIONS.filter((action) => !covered.has(action))).toEqual([]);
  });

  it("refuses everything to a signed-out visitor", () => {
    for (const action of ACTIONS) expect(can(null, action, inA)).toBe(false);
  });

  it("never lets a missing resource field match an institution scope (Prisma-undefined trap)", () => {
    expect(can(officerA, "institution.read", {})).toBe(false);
    expect(can(officerA, "institution.read", { institutionId: undefined })).toBe(false);
    expect(can(officerA, "institution.read", { institutionId: null })).toBe(false);
    expect(can(agentA, "record.read", { userId: undefined })).toBe(false);
  });

  it("combines memberships: an officer who is also an agent keeps both sets of rights", () => {
    const both = actor([
      { role: "AGENT", institutionId: "inst-A", relaySiteId: null },
      { role: "TRAINING_OFFICER", institutionId: "inst-A", relaySiteId: null },
    ]);
    expect(can(both, "course.enrol")).toBe(true);
    expect(can(both, "report.export", inA)).toBe(true);
    expect(can(both, "report.export", inB)).toBe(false);
  });

  it("lists the institutions and sites an actor may act on", () => {
    expect(institutionsWhere(officerA, "report.export")).toEqual(["inst-A"]);
    expect(institutionsWhere(nationalAdmin, "report.export")).toBe("all");
    expect(institutionsWhere(agentA, "report.export")).toEqual([]);
    expect(sitesWhere(coordinatorS1, "session.schedule")).toEqual(["site-1"]);
    expect(canSometimes(trainerA, "course.author")).toBe(true);
    expect(canSometimes(agentA, "course.author")).toBe(false);
  });
});
