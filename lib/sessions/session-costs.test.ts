import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createOpenSession, createSiteWithStaff } from "../../testing/session-fixtures";
import { recordSessionCosts } from "./record-session-costs";
import { getSessionCosts } from "./get-session-costs";
import { createTranslator } from "../i18n/translate";
import { translateAppError } from "../errors/localized-error";
import type { AppError } from "../errors/app-error";

const AMOUNTS = { trainers: "1 200,50", room: "300", catering: "145,9", travel: "0" };

describe("a session's costs", () => {
  it("the site's coordinator and the course institution's training officer record them, in cents, audited", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 10);
    const saved = await recordSessionCosts(context.coordinator, { sessionId: session.id, ...AMOUNTS });
    expect(saved).toMatchObject({ trainersCents: 120050, roomCents: 30000, cateringCents: 14590, travelCents: 0 });
    expect(saved.totalCents).toBe(164640);
    const officer = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: context.institution.id }],
    });
    await recordSessionCosts(officer, { sessionId: session.id, ...AMOUNTS, travel: "80.25" });
    const view = await getSessionCosts(officer, { ...session, course: { institutionId: context.institution.id } });
    expect(view).toMatchObject({ travelCents: 8025, totalCents: 172665, isRecorded: true, canRecord: true });
    const audit = await db.auditLog.findMany({
      where: { entityId: session.id, action: "session.costs.recorded" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.actorId).toBe(officer.userId);
    expect(audit[1]!.data).toMatchObject({ before: { travelCents: 0 }, after: { travelCents: 8025 } });
  });

  it("another institution's officer, another site's coordinator and a trainee are refused; trainees see no costs", async () => {
    const context = await createSiteWithStaff();
    const other = await createSiteWithStaff();
    const session = await createOpenSession(context, 10);
    const stranger = await createUserWithRoles({
      institutionId: other.institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: other.institution.id }],
    });
    const agent = await createUserWithRoles({
      institutionId: context.institution.id,
      roles: [{ role: "AGENT", institutionId: context.institution.id }],
    });
    for (const actor of [stranger, other.coordinator, agent, context.trainer])
      await expect(recordSessionCosts(actor, { sessionId: session.id, ...AMOUNTS })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    expect(await db.sessionCost.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await getSessionCosts(agent, { ...session, course: { institutionId: context.institution.id } })).toBeNull();
    expect(
      await getSessionCosts(stranger, { ...session, course: { institutionId: context.institution.id } }),
    ).toBeNull();
  });

  it("refuses negative, sub-cent and malformed amounts with the field's message, and writes nothing", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 10);
    const fr = createTranslator("fr");
    const cases = [
      [{ room: "-10" }, "Indiquez le coût de la salle en euros (0 ou plus, deux décimales au plus)."],
      [{ catering: "12,345" }, "Indiquez le coût de la restauration en euros (0 ou plus, deux décimales au plus)."],
      [{ trainers: "beaucoup" }, "Indiquez le coût des formateurs en euros (0 ou plus, deux décimales au plus)."],
      [{ travel: "99999999999" }, "Indiquez les déplacements remboursés en euros (0 ou plus, deux décimales au plus)."],
    ] as const;
    for (const [change, message] of cases) {
      const error = await recordSessionCosts(context.coordinator, {
        sessionId: session.id,
        ...AMOUNTS,
        ...change,
      }).catch((caught: unknown) => caught);
      expect(translateAppError(error as AppError, fr)).toBe(message);
    }
    await expect(recordSessionCosts(context.coordinator, { sessionId: "nope", ...AMOUNTS })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.sessionCost.count({ where: { sessionId: session.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: session.id, action: "session.costs.recorded" } })).toBe(0);
  });

  it("an officer of another institution of the same region is refused (the course.s institution decides)", async () => {
    const context = await createSiteWithStaff();
    const session = await createOpenSession(context, 10);
    const otherInstitution = await createInstitution({ regionId: context.institution.regionId });
    const officer = await createUserWithRoles({
      institutionId: otherInstitution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: otherInstitution.id }],
    });
    await expect(recordSessionCosts(officer, { sessionId: session.id, ...AMOUNTS })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
