import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { storeStatements } from "../lrs/store-statements";
import { projectStatements } from "../learning/project-statements";
import { absoluteJobFilePath, jobFilePath, writeJobFile } from "../job-queue/job-file-storage";
import { applyRetention } from "./apply-retention";
import { DAY_MS, RETENTION_DAYS } from "./retention-policy";

const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

describe("applyRetention (the daily privacy job)", () => {
  it("deletes notifications past their period and keeps recent ones", async () => {
    const { userId } = await createUserWithRoles({ roles: [{ role: "AGENT" }] });
    const old = await db.notification.create({
      data: { userId, kind: "t", title: "old", body: "", createdAt: daysAgo(RETENTION_DAYS.notifications + 1) },
    });
    const recent = await db.notification.create({
      data: { userId, kind: "t", title: "recent", body: "", createdAt: daysAgo(RETENTION_DAYS.notifications - 1) },
    });
    await applyRetention({ now: NOW });
    expect(await db.notification.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.notification.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });

  it("deletes audit rows past their period and keeps recent ones", async () => {
    const entityId = randomUUID();
    const create = (days: number) =>
      db.auditLog.create({ data: { action: "test", entityType: "Test", entityId, createdAt: daysAgo(days) } });
    const old = await create(RETENTION_DAYS.auditLog + 1);
    const recent = await create(RETENTION_DAYS.auditLog - 1);
    await applyRetention({ now: NOW });
    expect(await db.auditLog.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.auditLog.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });

  it("deletes a stuck import's uploaded CSV after 7 days and old finished job rows after a year", async () => {
    const institution = await createInstitution();
    const { userId } = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
    });
    const stuckId = randomUUID();
    const inputPath = jobFilePath("imports", stuckId, "csv");
    await writeJobFile(inputPath, new TextEncoder().encode("email;nom\n"));
    await db.indicatorJob.create({
      data: {
        id: stuckId,
        kind: "STAFF_IMPORT",
        ownerId: userId,
        params: {},
        inputPath,
        status: "QUEUED",
        createdAt: daysAgo(8),
      },
    });
    const oldJob = await db.indicatorJob.create({
      data: {
        kind: "PROGRESS_EXPORT",
        ownerId: userId,
        params: {},
        status: "DONE",
        createdAt: daysAgo(RETENTION_DAYS.indicatorJobs + 1),
        finishedAt: daysAgo(RETENTION_DAYS.indicatorJobs + 1),
      },
    });
    const recentJob = await db.indicatorJob.create({
      data: {
        kind: "PROGRESS_EXPORT",
        ownerId: userId,
        params: {},
        status: "DONE",
        createdAt: daysAgo(30),
        finishedAt: daysAgo(30),
      },
    });
    expect(existsSync(absoluteJobFilePath(inputPath))).toBe(true);
    await applyRetention({ now: NOW });
    expect(existsSync(absoluteJobFilePath(inputPath))).toBe(false);
    expect(await db.indicatorJob.findUniqueOrThrow({ where: { id: stuckId } })).toMatchObject({
      status: "FAILED",
      inputPath: null,
    });
    expect(await db.indicatorJob.findUnique({ where: { id: oldJob.id } })).toBeNull();
    expect(await db.indicatorJob.findUnique({ where: { id: recentJob.id } })).not.toBeNull();
  });

  it("deletes the pseudonymised statements of people erased more than a year ago, with their index rows", async () => {
    const erased = async (days: number) => {
      const pseudonym = randomUUID();
      const { userId } = await createUserWithRoles({ roles: [] });
      await db.user.update({ where: { id: userId }, data: { pseudonym, erasedAt: daysAgo(days) } });
      const [id] = await storeStatements({
        credentials: { kind: "relais" },
        project: projectStatements,
        statements: [
          {
            actor: {
              objectType: "Agent",
              account: {
                homePage: process.env.RELAIS_XAPI_BASE_URL ?? process.env.NEXTAUTH_URL ?? "http://localhost:3000",
                name: pseudonym,
              },
            },
            verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
            object: { id: `http://example.org/retention/${pseudonym}` },
          },
        ],
      });
      return { id: id!, activity: `http://example.org/retention/${pseudonym}` };
    };
    const old = await erased(RETENTION_DAYS.erasedPeopleStatements + 1);
    const recent = await erased(10);
    const first = await applyRetention({ now: NOW });
    expect(first.erasedPeopleStatements).toBeGreaterThanOrEqual(1);
    expect(await db.xapiStatement.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.xapiStatementActivity.count({ where: { activityId: old.activity } })).toBe(0);
    expect(await db.xapiStatement.findUnique({ where: { id: recent.id } })).not.toBeNull();
    // Idempotent: a second run finds nothing more of these.
    await applyRetention({ now: NOW });
    expect(await db.xapiStatement.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
