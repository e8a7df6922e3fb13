import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { requestCsvImport } from "../imports/request-csv-import";
import { requestProgressExport } from "../reports/request-progress-export";
import { createUserWithRoles, uniqueCode } from "../../testing/fixtures";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import {
  getIndicatorJobOrThrow,
  getIndicatorJobResultOrThrow,
  openIndicatorJobFile,
} from "../job-queue/indicator-job-store";
import {
  INDICATOR_JOB_QUEUES,
  registerIndicatorJobWorkers,
  runQueuedIndicatorJob,
} from "./register-indicator-job-workers";
import { absoluteJobFilePath, jobFilePath, writeJobFile } from "../job-queue/job-file-storage";
import { purgeExpiredJobFiles } from "../job-queue/purge-expired-job-files";

// Large imports and exports through a real pg-boss on the test database; the threshold is
// lowered to a few rows so that small files take the background path.
const MARCH = { from: "2026-03-01", to: "2026-03-31", breakdown: "none" as const };
const boss = new PgBoss({ connectionString: process.env.DATABASE_URL! });
let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  data = await createHandComputedDataSet();
  await db.user.update({ where: { id: data.users.u1.id }, data: { name: '=HYPERLINK("http://evil.test","x")' } });
  await boss.start();
  await registerIndicatorJobWorkers(boss, { schedule: false });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
});

const officerOf = (institutionId: string) =>
  createUserWithRoles({ institutionId, roles: [{ role: "TRAINING_OFFICER", institutionId }] });

async function waitForEnd(actor: Awaited<ReturnType<typeof officerOf>>, jobId: string) {
  await expect
    .poll(async () => (await getIndicatorJobOrThrow(actor, jobId)).status, { timeout: 60_000, interval: 200 })
    .toMatch(/DONE|FAILED/);
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
    // The file is on disk under the data folder, not in the row; the row knows its size and sha256.
    const row = await db.indicatorJob.findUniqueOrThrow({ where: { id: large.jobId } });
    expect(row.resultPath).toBe(`exports/${large.jobId}.xlsx`);
    const bytes = readFileSync(path.join(process.env.RELAIS_UPLOAD_DIR!, row.resultPath!));
    expect(row.resultSize).toBe(bytes.byteLength);
    expect(row.resultSha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    // Downloaded as a stream, an attachment with nosniff, the same bytes.
    const download = await openIndicatorJobFile(officer, large.jobId);
    expect(download.headers).toMatchObject({
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-length": String(bytes.byteLength),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(download.headers["content-disposition"]).toMatch(
      /^attachment; filename="rapport-formation-2026-03-01-2026-03-31\.xlsx"/,
    );
    const downloaded = Buffer.from(await new Response(download.body).arrayBuffer());
    expect(downloaded.equals(bytes)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(downloaded as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(7); // title, filters, headers + institution A's 4 rows
    // Written by the streaming writer, still neutralized against formula injection.
    const names = [4, 5, 6, 7].map((index) => sheet.getRow(index).getCell(1).value);
    expect(names).toContain(`'=HYPERLINK("http://evil.test","x")`);
    // Another officer — even of the same institution — neither sees the job nor downloads its file.
    const other = await officerOf(data.a.id);
    await expect(getIndicatorJobOrThrow(other, large.jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIndicatorJobResultOrThrow(other, large.jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openIndicatorJobFile(other, large.jobId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a job rechecks the owner's rights: an export of another institution fails and writes no file", async () => {
    const officer = await officerOf(data.a.id);
    // As if queued while the officer still had the right (the request refuses it today).
    const job = await db.indicatorJob.create({
      data: {
        kind: "PROGRESS_EXPORT",
        ownerId: officer.userId,
        institutionId: data.b.id,
        params: { filters: { ...MARCH, institutionId: data.b.id }, format: "csv", locale: "fr" },
      },
    });
    await runQueuedIndicatorJob(job.id);
    expect(await getIndicatorJobOrThrow(officer, job.id)).toMatchObject({
      status: "FAILED",
      errorMessage: expect.stringMatching(/not allowed/) as unknown,
    });
    expect(existsSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "exports", `${job.id}.csv`))).toBe(false);
    expect(existsSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "exports", `${job.id}.csv.part`))).toBe(false);
  });

  it("a CSV and a PDF export job: neutralized cells, a real PDF", async () => {
    const officer = await officerOf(data.a.id);
    const [csv, pdf] = await Promise.all(
      ["csv" as const, "pdf" as const].map((format) =>
        requestProgressExport(officer, { filters: MARCH, format, locale: "fr", threshold: 0 }),
      ),
    );
    for (const queued of [csv, pdf]) if (!queued || !("jobId" in queued)) throw new Error("expected a job");
    const [csvId, pdfId] = [csv, pdf].map((queued) => (queued as { jobId: string }).jobId) as [string, string];
    expect((await waitForEnd(officer, csvId)).status).toBe("DONE");
    expect((await waitForEnd(officer, pdfId)).status).toBe("DONE");
    const text = readFileSync((await getIndicatorJobResultOrThrow(officer, csvId)).filePath, "utf8");
    expect(text.trim().split("\r\n")).toHaveLength(5);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(text).not.toMatch(/(^|;)"?=HYPERLINK/m);
    const { PDFDocument } = await import("pdf-lib");
    expect(
      (
        await PDFDocument.load(readFileSync((await getIndicatorJobResultOrThrow(officer, pdfId)).filePath))
      ).getPageCount(),
    ).toBe(1);
  });

  it("an import job whose uploaded file is gone fails with a message, importing nothing", async () => {
    const officer = await officerOf(data.a.id);
    const job = await db.indicatorJob.create({
      data: {
        kind: "HEADCOUNT_IMPORT",
        ownerId: officer.userId,
        institutionId: data.a.id,
        params: { institutionId: data.a.id },
        inputPath: jobFilePath("imports", randomUUID(), "csv"),
      },
    });
    await runQueuedIndicatorJob(job.id);
    expect(await getIndicatorJobOrThrow(officer, job.id)).toMatchObject({
      status: "FAILED",
      errorMessage: "The uploaded file is no longer available: import it again.",
    });
  });

  it("job file paths cannot leave the data folder", () => {
    expect(() => absoluteJobFilePath("../../etc/passwd")).toThrow();
    expect(() => absoluteJobFilePath("exports/../../x.csv")).toThrow();
  });

  it("an export's file is deleted a week after it finished (personal data), by the daily purge job; newer files stay", async () => {
    const officer = await officerOf(data.a.id);
    const queued = await Promise.all(
      [0, 1].map(() => requestProgressExport(officer, { filters: MARCH, format: "csv", locale: "fr", threshold: 0 })),
    );
    const [oldId, newId] = queued.map((result) => ("jobId" in result ? result.jobId : ""));
    await waitForEnd(officer, oldId!);
    await waitForEnd(officer, newId!);
    await db.indicatorJob.update({ where: { id: oldId }, data: { finishedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await boss.send(INDICATOR_JOB_QUEUES.purgeJobFiles, {});
    const oldFile = (await getIndicatorJobResultOrThrow(officer, oldId!)).filePath;
    expect(existsSync(oldFile)).toBe(true);
    await expect
      .poll(async () => (await db.indicatorJob.findUniqueOrThrow({ where: { id: oldId } })).resultPath, {
        timeout: 30_000,
        interval: 200,
      })
      .toBeNull();
    expect(existsSync(oldFile)).toBe(false);
    await expect(getIndicatorJobResultOrThrow(officer, oldId!)).rejects.toMatchObject({
      code: "NOT_FOUND",
      userMessage: expect.stringMatching(/deleted 7 days after/) as unknown,
    });
    expect(readFileSync((await getIndicatorJobResultOrThrow(officer, newId!)).filePath).byteLength).toBeGreaterThan(0);
    expect(await getIndicatorJobOrThrow(officer, oldId!)).toMatchObject({ status: "DONE" });
  });

  it("a job that never finished within the retention period is ended and its files deleted (uploaded CSV, half-written export)", async () => {
    const officer = await officerOf(data.a.id);
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    const stuckImport = await db.indicatorJob.create({
      data: {
        kind: "STAFF_IMPORT",
        status: "QUEUED",
        ownerId: officer.userId,
        institutionId: data.a.id,
        params: { institutionId: data.a.id },
        createdAt: eightDaysAgo,
      },
    });
    const inputPath = jobFilePath("imports", stuckImport.id, "csv");
    await writeJobFile(inputPath, new TextEncoder().encode("email;nom\n"));
    await db.indicatorJob.update({ where: { id: stuckImport.id }, data: { inputPath } });
    const stuckExport = await db.indicatorJob.create({
      data: {
        kind: "PROGRESS_EXPORT",
        status: "RUNNING",
        ownerId: officer.userId,
        institutionId: data.a.id,
        params: {},
        createdAt: eightDaysAgo,
      },
    });
    const part = `${absoluteJobFilePath(jobFilePath("exports", stuckExport.id, "pdf"))}.part`;
    mkdirSync(path.dirname(part), { recursive: true });
    writeFileSync(part, "%PDF-1.7 half written");
    const recent = await db.indicatorJob.create({
      data: {
        kind: "STAFF_IMPORT",
        status: "QUEUED",
        ownerId: officer.userId,
        institutionId: data.a.id,
        params: { institutionId: data.a.id },
      },
    });

    expect(await purgeExpiredJobFiles()).toBeGreaterThanOrEqual(2);
    expect(existsSync(absoluteJobFilePath(inputPath))).toBe(false);
    expect(existsSync(part)).toBe(false);
    for (const id of [stuckImport.id, stuckExport.id]) {
      expect(await getIndicatorJobOrThrow(officer, id)).toMatchObject({
        status: "FAILED",
        errorMessage: expect.stringMatching(/did not finish within 7 days/) as unknown,
      });
    }
    expect((await getIndicatorJobOrThrow(officer, recent.id)).status).toBe("QUEUED");
  });

  it("an export of another institution is refused before anything is queued", async () => {
    const officer = await officerOf(data.a.id);
    const before = await db.indicatorJob.count({ where: { ownerId: officer.userId } });
    await expect(
      requestProgressExport(officer, {
        filters: { ...MARCH, institutionId: data.b.id },
        format: "pdf",
        locale: "fr",
        threshold: 0,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.indicatorJob.count({ where: { ownerId: officer.userId } })).toBe(before);
  });

  it("a large valid staff file is imported by a job; an invalid one is refused at once, nothing queued", async () => {
    const officer = await officerOf(data.b.id);
    const emails = [1, 2, 3, 4].map(() => `${uniqueCode("bulk")}@test.relais`);
    const csv = `email;nom;categorie;population\n${emails.map((email) => `${email};Agent;C;CONTRACT`).join("\n")}\n`;
    const bytes = new TextEncoder().encode(csv);
    const queued = await requestCsvImport(officer, {
      kind: "staff",
      institutionId: data.b.id,
      bytes,
      isDryRun: false,
      threshold: 2,
    });
    if (!("jobId" in queued)) throw new Error("expected a job");
    const job = await waitForEnd(officer, queued.jobId);
    expect(job.status).toBe("DONE");
    expect(await db.user.count({ where: { email: { in: emails }, institutionId: data.b.id } })).toBe(4);
    // The uploaded file waited on disk (not in the row) and is gone once imported.
    expect((await db.indicatorJob.findUniqueOrThrow({ where: { id: queued.jobId } })).inputPath).toBeNull();
    const imports = path.join(process.env.RELAIS_UPLOAD_DIR!, "imports");
    // The row says DONE first, then the worker deletes the file: wait for it rather than race it.
    await expect
      .poll(() => (existsSync(imports) ? readdirSync(imports).filter((name) => name.startsWith(queued.jobId)) : []), {
        timeout: 10_000,
      })
      .toEqual([]);
    const bad = new TextEncoder().encode(
      `email;nom;categorie;population\n${emails[0]};Agent;Z;CONTRACT\n${emails[1]};Agent;C;CONTRACT\n${emails[2]};Agent;C;CONTRACT\n`,
    );
    const refused = await requestCsvImport(officer, {
      kind: "staff",
      institutionId: data.b.id,
      bytes: bad,
      isDryRun: false,
      threshold: 1,
    });
    expect("result" in refused && refused.result.errors[0]?.line).toBe(2);
    expect(await db.indicatorJob.count({ where: { ownerId: officer.userId } })).toBe(1);
  });

  it("an officer cannot queue an import into another institution", async () => {
    const officer = await officerOf(data.a.id);
    const bytes = new TextEncoder().encode(
      `email;nom;categorie;population\n${uniqueCode("x")}@test.relais;Agent;C;CONTRACT\n`,
    );
    await expect(
      requestCsvImport(officer, { kind: "staff", institutionId: data.b.id, bytes, isDryRun: false, threshold: 0 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
