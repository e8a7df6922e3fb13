import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { createHandComputedDataSet } from "../../testing/hand-computed-data-set";
import { createUserWithRoles } from "../../testing/fixtures";
import { collectOutput } from "./render-progress-report";
import { exportProgressReport, writeProgressReport } from "./export-progress-report";
import { requestProgressExport } from "./request-progress-export";
import { countProgressRows, listProgressRows, pageProgressRows } from "./list-progress-rows";

const MARCH = { from: "2026-03-01", to: "2026-03-31", breakdown: "none" as const };
let data: Awaited<ReturnType<typeof createHandComputedDataSet>>;
beforeAll(async () => {
  data = await createHandComputedDataSet();
  await db.user.update({ where: { id: data.users.u1.id }, data: { name: '=HYPERLINK("http://evil.test","x")' } });
});

const officerOf = (institutionId: string) =>
  createUserWithRoles({ institutionId, roles: [{ role: "TRAINING_OFFICER", institutionId }] });

describe("progress-report exports (real database)", () => {
  it("an officer's rows are their institution's only, with the indicators' hours", async () => {
    const rows = await listProgressRows(await officerOf(data.a.id), MARCH, "report.export");
    // institution A: e1 (u1), e2 (u2), e6 (u2), u1's in-person session
    expect(rows).toHaveLength(4);
    expect(rows.reduce((sum, row) => sum + row.hours, 0)).toBe(10.5); // = the R1 training hours of indicators.test.ts
    expect(rows.find((row) => row.status === "ATTENDED")!.hours).toBe(6.5); // 3 h + 3.5 h
  });

  it("counts the rows an export would hold without listing them (a two-slot session is one row), within the same rights", async () => {
    const officerA = await officerOf(data.a.id);
    expect(await countProgressRows(officerA, MARCH, "report.export")).toBe(4);
    const officerB = await officerOf(data.b.id);
    expect(await countProgressRows(officerB, MARCH, "report.export")).toBe(
      (await listProgressRows(officerB, MARCH, "report.export")).length,
    );
    await expect(
      countProgressRows(officerA, { ...MARCH, institutionId: data.b.id }, "report.export"),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a LIMIT probe counts no further than asked, so a huge institution is not counted in the request", async () => {
    const officerA = await officerOf(data.a.id);
    expect(await countProgressRows(officerA, MARCH, "report.export", { atMost: 2 })).toBe(2);
    expect(await countProgressRows(officerA, MARCH, "report.export", { atMost: 10 })).toBe(4);
    await expect(
      countProgressRows(officerA, { ...MARCH, institutionId: data.b.id }, "report.export", { atMost: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages of agents by keyset (name, id): every row once, in order, even when two agents share a name", async () => {
    const officerA = await officerOf(data.a.id);
    const all = await listProgressRows(officerA, MARCH, "report.export");
    await db.user.update({ where: { id: data.users.u2.id }, data: { name: '=HYPERLINK("http://evil.test","x")' } });
    try {
      const pages: Awaited<ReturnType<typeof listProgressRows>>[] = [];
      for await (const page of pageProgressRows(officerA, MARCH, "report.export", { agentsPerPage: 1 }))
        pages.push(page);
      expect(pages).toHaveLength(2); // u1 and u2, one agent per page, same name
      expect(pages.flat()).toHaveLength(all.length);
      expect(new Set(pages.map((page) => new Set(page.map((row) => row.agentEmail)).size))).toEqual(new Set([1]));
      expect(new Set(pages.flat().map((row) => `${row.agentEmail}|${row.course}|${row.status}`)).size).toBe(all.length);
    } finally {
      await db.user.update({ where: { id: data.users.u2.id }, data: { name: "Agent" } });
    }
  });

  it("a written report reports its progress page by page, up to 100", async () => {
    const progress: number[] = [];
    const body = await collectOutput(async (output) => {
      await writeProgressReport(await officerOf(data.a.id), {
        filters: MARCH,
        format: "csv",
        locale: "fr",
        output,
        agentsPerPage: 1,
        onProgress: async (percent) => void progress.push(percent),
      });
    });
    expect(progress).toEqual([50, 100]); // one agent a page: u1 (e1 and a session), then u2 (e2, e6)
    expect(new TextDecoder().decode(body).trim().split("\r\n")).toHaveLength(5);
  });

  it("a PDF above its row limit is refused (400 naming the format) before any job; CSV of the same rows is not", async () => {
    const officerA = await officerOf(data.a.id);
    const before = await db.indicatorJob.count({ where: { ownerId: officerA.userId } });
    await expect(
      requestProgressExport(officerA, { filters: MARCH, format: "pdf", locale: "fr", threshold: 0, maxPdfRows: 3 }),
    ).rejects.toMatchObject({
      code: "INVALID",
      userMessage: expect.stringMatching(/^format: a PDF report holds at most 3 rows/) as unknown,
    });
    expect(await db.indicatorJob.count({ where: { ownerId: officerA.userId } })).toBe(before);
    expect(
      "file" in (await requestProgressExport(officerA, { filters: MARCH, format: "csv", locale: "fr", maxPdfRows: 3 })),
    ).toBe(true);
    expect(
      "file" in (await requestProgressExport(officerA, { filters: MARCH, format: "pdf", locale: "fr", maxPdfRows: 4 })),
    ).toBe(true);
    // The job checks again (the rows may have grown since it was queued), before writing anything.
    const output = new PassThrough();
    await expect(
      writeProgressReport(officerA, { filters: MARCH, format: "pdf", locale: "fr", output, maxPdfRows: 3 }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(output.writableLength).toBe(0);
  });

  it("an officer cannot export another institution, and an agent cannot export at all", async () => {
    const officerA = await officerOf(data.a.id);
    await expect(
      exportProgressReport(officerA, { filters: { ...MARCH, institutionId: data.b.id }, format: "csv", locale: "fr" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const agent = await createUserWithRoles({
      institutionId: data.a.id,
      roles: [{ role: "AGENT", institutionId: data.a.id }],
    });
    await expect(exportProgressReport(agent, { filters: MARCH, format: "csv", locale: "fr" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("CSV: semicolons, BOM, formula neutralized, audited", async () => {
    const officerA = await officerOf(data.a.id);
    const file = await exportProgressReport(officerA, { filters: MARCH, format: "csv", locale: "fr" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(file.body);
    expect(text.startsWith("\uFEFFAgent;Courriel;")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(text).not.toMatch(/(^|;)"?=HYPERLINK/m);
    expect(text.trim().split("\r\n")).toHaveLength(5);
    // French formats: the in-person row's 6.5 hours with a decimal comma, days as dd/mm/yyyy.
    expect(text).toMatch(/;6,5;/);
    expect(text).toMatch(/;\d{2}\/03\/2026;/);
    expect(text).not.toMatch(/2026-03-\d{2}/);
    expect(await db.auditLog.count({ where: { actorId: officerA.userId, action: "report.exported" } })).toBe(1);
  });

  it("XLSX: a real workbook, the formula stored as text", async () => {
    const file = await exportProgressReport(await officerOf(data.a.id), {
      filters: MARCH,
      format: "xlsx",
      locale: "en",
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.body) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).getCell(1).value).toBe("Agent");
    const names = [4, 5, 6, 7].map((row) => sheet.getRow(row).getCell(1).value);
    expect(names).toContain(`'=HYPERLINK("http://evil.test","x")`);
    for (const name of names) expect(typeof name).toBe("string");
    // Real number and date cells, formatted as such: a spreadsheet sorts and sums them.
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    const hoursColumn = headers.indexOf("Hours") + 1;
    const completedColumn = headers.indexOf("Completed") + 1;
    expect(hoursColumn).toBeGreaterThan(0);
    expect(completedColumn).toBeGreaterThan(0);
    const hours = [4, 5, 6, 7].map((row) => sheet.getRow(row).getCell(hoursColumn).value);
    expect(hours.every((value) => typeof value === "number")).toBe(true);
    expect((hours as number[]).reduce((sum, value) => sum + value, 0)).toBe(10.5);
    const completed = [4, 5, 6, 7].map((row) => sheet.getRow(row).getCell(completedColumn));
    const dated = completed.filter((cell) => cell.value !== null);
    expect(dated.length).toBeGreaterThan(0);
    for (const cell of dated) {
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe("yyyy-mm-dd");
    }
  });

  it("PDF: a real document", async () => {
    const file = await exportProgressReport(await officerOf(data.a.id), {
      filters: MARCH,
      format: "pdf",
      locale: "fr",
    });
    expect(file.contentType).toBe("application/pdf");
    expect((await PDFDocument.load(file.body)).getPageCount()).toBe(1);
  });
});
