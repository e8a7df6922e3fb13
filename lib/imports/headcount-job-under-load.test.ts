import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { jobFilePath, writeJobFile } from "../job-queue/job-file-storage";
import { runIndicatorJob as runJobWith } from "../job-queue/run-indicator-job";
import { runImportJob } from "./run-import-job";

const runIndicatorJob = (jobId: string) =>
  runJobWith(jobId, { STAFF_IMPORT: runImportJob, HEADCOUNT_IMPORT: runImportJob, PROGRESS_EXPORT: runImportJob });
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";

// Issue 12 §5: on a busy machine the 2,511-line headcount import job failed with "a query cannot
// be executed on an expired transaction (5000 ms)". It is now one set-based statement with an
// explicit budget: it must succeed while the database is kept busy by other sessions.
beforeAll(() => {
  process.env.RELAIS_UPLOAD_DIR ??= mkdtempSync(path.join(tmpdir(), "relais-headcount-load-"));
});

function headcountsCsv(): { csv: string; lines: number } {
  const lines = ["annee;categorie;population;sexe;effectif"];
  for (let year = 2000; year < 2093; year++)
    for (const category of ["A", "B", "C"])
      for (const population of ["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"])
        for (const sex of ["FEMALE", "MALE", "NOT_RECORDED"]) lines.push(`${year};${category};${population};${sex};7`);
  return { csv: `${lines.join("\n")}\n`, lines: lines.length - 1 };
}

describe("headcount import job under load", () => {
  it("imports 2,511 lines while six other sessions keep PostgreSQL busy", async () => {
    const institution = await createInstitution();
    const officer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: institution.id }],
    });
    const { csv, lines } = headcountsCsv();
    expect(lines).toBe(2_511);
    const job = await db.indicatorJob.create({
      data: {
        kind: "HEADCOUNT_IMPORT",
        ownerId: officer.userId,
        institutionId: institution.id,
        params: { institutionId: institution.id },
      },
    });
    const inputPath = jobFilePath("imports", job.id, "csv");
    await writeJobFile(inputPath, new TextEncoder().encode(csv));
    await db.indicatorJob.update({ where: { id: job.id }, data: { inputPath } });

    // Load: sessions that each burn CPU in PostgreSQL until the import has ended.
    const loaders = Array.from({ length: 6 }, () => new pg.Client({ connectionString: process.env.DATABASE_URL }));
    await Promise.all(loaders.map((client) => client.connect()));
    let isLoading = true;
    const load = Promise.all(
      loaders.map(async (client) => {
        while (isLoading) await client.query("SELECT count(*) FROM generate_series(1, 2000000) AS g WHERE g % 7 = 0");
      }),
    );
    const started = Date.now();
    try {
      await runIndicatorJob(job.id);
    } finally {
      isLoading = false;
      await load;
      await Promise.all(loaders.map((client) => client.end()));
    }
    const elapsed = Date.now() - started;
    const ended = await db.indicatorJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(ended).toMatchObject({ status: "DONE", errorMessage: null });
    expect(ended.params).toMatchObject({ created: 2_511, updated: 0 });
    expect(await db.headcount.count({ where: { institutionId: institution.id } })).toBe(2_511);
    expect(await db.auditLog.count({ where: { action: "headcount.imported", entityId: institution.id } })).toBe(1);
    console.log(`2,511-line headcount job under load: ${elapsed} ms`);
  });
});
