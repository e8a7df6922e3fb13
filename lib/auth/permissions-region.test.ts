import { describe, expect, it } from "vitest";
import { can, institutionsWhere, regionsWhere, type TActor } from "./permissions";

const correspondent = (regionId: string): TActor => ({
  userId: "corr-1",
  email: "corr-1@x.test",
  name: "corr-1",
  institutionId: null,
  memberships: [{ role: "REGIONAL_CORRESPONDENT", institutionId: null, relaySiteId: null, regionId }],
});

describe("the regional correspondent is scoped to one region", () => {
  it("pools and reads the needs indicators of their region only", () => {
    const actor = correspondent("reg-1");
    expect(can(actor, "needs.pool", { regionId: "reg-1" })).toBe(true);
    expect(can(actor, "needs.pool", { regionId: "reg-2" })).toBe(false);
    expect(can(actor, "needs.pool", {})).toBe(false);
    expect(can(actor, "needs.indicators", { regionId: "reg-1" })).toBe(true);
    expect(can(actor, "needs.indicators", { regionId: "reg-2", institutionId: "inst-A" })).toBe(false);
    expect(regionsWhere(actor, "needs.pool")).toEqual(["reg-1"]);
  });

  it("decides nothing in an institution, and a region id on another role's resource gives that role nothing", () => {
    const actor = correspondent("reg-1");
    for (const action of ["needs.decide", "needs.campaign.manage", "enrolment.approve", "session.schedule"] as const)
      expect(can(actor, action, { institutionId: "inst-A", regionId: "reg-1" })).toBe(false);
    expect(institutionsWhere(actor, "needs.decide")).toEqual([]);
    const officer: TActor = {
      ...actor,
      memberships: [{ role: "TRAINING_OFFICER", institutionId: "inst-A", relaySiteId: null }],
    };
    expect(can(officer, "needs.pool", { regionId: "reg-1" })).toBe(false);
    expect(regionsWhere(officer, "needs.pool")).toEqual([]);
  });
});
