import ExcelJS from "exceljs";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { requestCsvImport } from "../imports/request-csv-import";
import { requestProgressExport } from "../reports/request-progress-export";
import { createUserWithRoles, uniqueCode } from "../testing/fixtures";
import { createHandComputedDataSet } from "./hand-computed-data-set";
import { getIndicatorJobOrThrow, getIndicatorJobResultOrThrow } from "./indicator-job-store";
import { INDICATOR_QUEUES, registerIndicatorJobs } from "./indicator-jobs";

// Large imports and exports through a real pg-boss on the test database; the threshold is
// lowered to a few rows so that small files take the background path.
const MARCH = { from: "2026-03-01", to: "2026-03-31", breakdown: "none" as const };
const boss = new PgBoss({ connectionString: process.env.DATABASE_URL! });
let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  data = await createHandComputedDataSet();
  await boss.start();
  await registerIndicatorJobs(boss, { schedule: false });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

const officerOf = (institutionId: string) => createUserWithRoles({ institutionId, roles: [{ role: "TRAINING_OFFICER", institutionId }] });

async function waitForEnd(actor: Awaited<ReturnType<typeof officerOf>>, jobId: string) {
  await expect.poll(async () => (await getIndicatorJobOrThrow(actor, jobId)).status, { timeout: 60_000, interval: 200 }).toMatch(/DONE|FAILED/);
  return getIndicatorJobOrThrow(actor, jobId);
}

describe("background exports and imports", () => {
  it("a small export is a file at once; above the threshold it is a job whose file only its owner downloads", async () => {
    const officer = await officerOf(data.a.id);
    const small = await requestProgressExport(officer, { filters: MARCH, format: "csv", locale: "fr" });
    expect("file" in small).toBe(true);
    const large = await requestProgressExport(officer, { filters: MARCH, format: "xlsx", locale: "fr", threshold: 2 });
    if (!("jobId" in large)) throw new Error("expected a job");
    const job = await waitForEnd(officer, large.jobId);
    expect(job).toMatchObject({ status: "DONE", progress: 100, kind: "PROGRESS_EXPORT" });
    const file = await getIndicatorJobResultOrThrow(officer, large.jobId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThanOrEqual(5); // title rows + institution A's 4 rows
    // Another officer — even of the same institution — neither sees the job nor downloads its file.
    const other = await officerOf(data.a.id);
    await expect(getIndicatorJobOrThrow(other, large.jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIndicatorJobResultOrThrow(other, large.jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an export's file is deleted a week after it finished (personal data), by the daily purge job; newer files stay", async () => {
    const officer = await officerOf(data.a.id);
    const queued = await Promise.all([0, 1].map(() => requestProgressExport(officer, { filters: MARCH, format: "csv", locale: "fr", threshold: 0 })));
    const [oldId, newId] = queued.map((result) => ("jobId" in result ? result.jobId : ""));
    await waitForEnd(officer, oldId!);
    await waitForEnd(officer, newId!);
    await db.indicatorJob.update({ where: { id: oldId }, data: { finishedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await boss.send(INDICATOR_QUEUES.purgeJobFiles, {});
    await expect.poll(async () => (await db.indicatorJob.findUniqueOrThrow({ where: { id: oldId } })).result, { timeout: 30_000, interval: 200 }).toBeNull();
    await expect(getIndicatorJobResultOrThrow(officer, oldId!)).rejects.toMatchObject({ code: "NOT_FOUND", userMessage: expect.stringMatching(/deleted 7 days after/) as unknown });
    expect((await getIndicatorJobResultOrThrow(officer, newId!)).body.length).toBeGreaterThan(0);
    expect(await getIndicatorJobOrThrow(officer, oldId!)).toMatchObject({ status: "DONE" });
  });

  it("an export of another institution is refused before anything is queued", async () => {
    const officer = await officerOf(data.a.id);
    const before = await db.indicatorJob.count({ where: { ownerId: officer.userId } });
    await expect(requestProgressExport(officer, { filters: { ...MARCH, institutionId: data.b.id }, format: "pdf", locale: "fr", threshold: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.indicatorJob.count({ where: { ownerId: officer.userId } })).toBe(before);
  });

  it("a large valid staff file is imported by a job; an invalid one is refused at once, nothing queued", async () => {
    const officer = await officerOf(data.b.id);
    const emails = [1, 2, 3, 4].map(() => `${uniqueCode("bulk")}@test.relais`);
    const csv = `email;nom;categorie;population\n${emails.map((email) => `${email};Agent;C;CONTRACT`).join("\n")}\n`;
    const bytes = new TextEncoder().encode(csv);
    const queued = await requestCsvImport(officer, { kind: "staff", institutionId: data.b.id, bytes, isDryRun: false, threshold: 2 });
    if (!("jobId" in queued)) throw new Error("expected a job");
    const job = await waitForEnd(officer, queued.jobId);
    expect(job.status).toBe("DONE");
    expect(await db.user.count({ where: { email: { in: emails }, institutionId: data.b.id } })).toBe(4);
    const bad = new TextEncoder().encode(`email;nom;categorie;population\n${emails[0]};Agent;Z;CONTRACT\n${emails[1]};Agent;C;CONTRACT\n${emails[2]};Agent;C;CONTRACT\n`);
    const refused = await requestCsvImport(officer, { kind: "staff", institutionId: data.b.id, bytes: bad, isDryRun: false, threshold: 1 });
    expect("result" in refused && refused.result.errors[0]?.line).toBe(2);
    expect(await db.indicatorJob.count({ where: { ownerId: officer.userId } })).toBe(1);
  });

  it("an officer cannot queue an import into another institution", async () => {
    const officer = await officerOf(data.a.id);
    const bytes = new TextEncoder().encode(`email;nom;categorie;population\n${uniqueCode("x")}@test.relais;Agent;C;CONTRACT\n`);
    await expect(requestCsvImport(officer, { kind: "staff", institutionId: data.b.id, bytes, isDryRun: false, threshold: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
