import { describe, expect, it } from "vitest";
import { navigationFor, navigationLinks, type TNavEntry } from "./navigation";
import type { TActor, TMembership } from "./permissions";

const actor = (memberships: TMembership[]): TActor => ({
  userId: "user-1",
  email: "user-1@x.test",
  name: "User",
  institutionId: "inst-A",
  memberships,
});
const agent = actor([{ role: "AGENT", institutionId: "inst-A", relaySiteId: null }]);
const trainer = actor([{ role: "TRAINER", institutionId: "inst-A", relaySiteId: null }]);
const coordinator = actor([{ role: "SITE_COORDINATOR", institutionId: null, relaySiteId: "site-1" }]);
const officer = actor([{ role: "TRAINING_OFFICER", institutionId: "inst-A", relaySiteId: null }]);
const admin = actor([{ role: "NATIONAL_ADMIN", institutionId: null, relaySiteId: null }]);
const trainerAndAgent = actor([
  { role: "AGENT", institutionId: "inst-A", relaySiteId: null },
  { role: "TRAINER", institutionId: "inst-A", relaySiteId: null },
]);

const hrefs = (entries: TNavEntry[]) => navigationLinks(entries).map((link) => link.href);
const STAFF_ONLY = [
  "/trainer",
  "/library",
  "/coordinator",
  "/sites",
  "/officer",
  "/officer/imports",
  "/admin",
  "/open-data",
];

describe("navigationFor", () => {
  it("an agent sees their learning, never a trainer's, coordinator's, officer's or administrator's entry", () => {
    const links = hrefs(navigationFor(agent));
    expect(links).toEqual(
      expect.arrayContaining(["/learn", "/catalogue", "/sessions", "/check-in", "/my-record", "/needs", "/networks"]),
    );
    for (const href of STAFF_ONLY) expect(links).not.toContain(href);
    expect(links).not.toContain("/approvals");
  });

  it("a manager (an agent with a team) gets “Demandes à valider”; an officer too", () => {
    expect(hrefs(navigationFor(agent, { isApprover: true }))).toContain("/approvals");
    expect(hrefs(navigationFor(officer, { isApprover: true }))).toContain("/approvals");
    // Without enrolment.approve, being told "approver" changes nothing.
    expect(hrefs(navigationFor(trainer, { isApprover: true }))).not.toContain("/approvals");
  });

  it("each role sees its own area, and no learner entries it cannot use", () => {
    expect(hrefs(navigationFor(trainer))).toEqual(expect.arrayContaining(["/trainer", "/library"]));
    expect(hrefs(navigationFor(trainer))).not.toContain("/learn");
    expect(hrefs(navigationFor(coordinator))).toEqual(expect.arrayContaining(["/coordinator", "/sites"]));
    expect(hrefs(navigationFor(coordinator))).not.toContain("/trainer");
    expect(hrefs(navigationFor(officer))).toEqual(
      expect.arrayContaining(["/officer", "/officer/imports", "/officer/lrs-clients", "/officer/privacy"]),
    );
    expect(hrefs(navigationFor(admin))).toEqual(
      expect.arrayContaining(["/admin", "/open-data", "/admin/lrs-clients", "/needs/pooling"]),
    );
    expect(navigationFor(null)).toEqual([]);
  });

  it("stays short enough for one line at 1280 px: at most 7 top-level entries, areas of 3+ links folded into a menu", () => {
    for (const someone of [agent, trainer, coordinator, officer, admin, trainerAndAgent]) {
      const entries = navigationFor(someone, { isApprover: true });
      expect(entries.length).toBeLessThanOrEqual(7);
      const links = hrefs(entries);
      expect(new Set(links).size).toBe(links.length);
    }
    const officerMenu = navigationFor(officer).find((entry) => "items" in entry);
    expect(officerMenu).toMatchObject({ labelKey: "nav.groups.institution" });
    // The catalogue stays one click away for everyone.
    expect(navigationFor(agent).some((entry) => "href" in entry && entry.href === "/catalogue")).toBe(true);
  });
});
