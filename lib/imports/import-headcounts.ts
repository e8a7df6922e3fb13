import "server-only";
import { db } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { MAX_IMPORT_BYTES } from "../security/body-limits";
import { assertImportSize, type TLineError } from "./parse-csv";
import { parseHeadcountsCsv, type THeadcountLine } from "./parse-headcounts-csv";

export { MAX_IMPORT_BYTES };

export type THeadcountImportResult = {
  rows: THeadcountLine[];
  errors: TLineError[];
  created: number;
  updated: number;
  isImported: boolean;
};

/**
 * Headcounts of the officer's institution. A dry run previews; otherwise, only when every line is
 * valid, one set-based upsert writes every cell (a re-import updates, never duplicates) with its
 * audit row in the same transaction. One statement whatever the file's size: a 2,511-line job on
 * a busy machine no longer runs out of an interactive transaction's 5 s, and the budget is explicit.
 */
export async function importHeadcounts(
  actor: TActor,
  options: { institutionId: string; bytes: Uint8Array; isDryRun: boolean },
): Promise<THeadcountImportResult> {
  const { institutionId, bytes, isDryRun } = options;
  assertCan(actor, "headcount.import", { institutionId });
  assertImportSize(bytes);
  const { rows, errors } = parseHeadcountsCsv(bytes);
  if (isDryRun || errors.length > 0) return { rows, errors, created: 0, updated: 0, isImported: false };
  // A cell given twice keeps its last line (as a re-import would): one upsert cannot touch a row twice.
  const lastByCell = new Map(rows.map((row) => [`${row.annee}|${row.categorie}|${row.population}|${row.sexe}`, row]));
  const cells = JSON.stringify(
    [...lastByCell.values()].map((row) => ({
      year: row.annee,
      category: row.categorie,
      population: row.population,
      sex: row.sexe,
      count: row.effectif,
    })),
  );
  const { created, updated } = await db.$transaction(
    async (tx) => {
      const written = await tx.$queryRaw<{ isCreated: boolean }[]>`
        INSERT INTO "Headcount" ("id", "institutionId", "year", "staffCategory", "population", "sex", "count", "updatedAt")
        SELECT gen_random_uuid()::text, ${institutionId}, r.year, r.category::"StaffCategory",
               r.population::"StaffPopulation", r.sex::"Sex", r.count, now()
        FROM jsonb_to_recordset(${cells}::jsonb) AS r(year int, category text, population text, sex text, count int)
        ON CONFLICT ("institutionId", "year", "staffCategory", "population", "sex")
        DO UPDATE SET "count" = EXCLUDED."count", "updatedAt" = now()
        RETURNING (xmax = 0) AS "isCreated"`;
      const createdCount = written.filter((row) => row.isCreated).length;
      const updatedCount = written.length - createdCount;
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "headcount.imported",
          entityType: "Institution",
          entityId: institutionId,
          institutionId,
          data: { lines: rows.length, created: createdCount, updated: updatedCount },
        },
      });
      return { created: createdCount, updated: updatedCount };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { rows, errors, created, updated, isImported: true };
}
