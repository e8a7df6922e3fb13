import "server-only";
import { db } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import type { TLineError } from "./parse-csv";
import { parseHeadcountsCsv, type THeadcountLine } from "./parse-headcounts-csv";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type THeadcountImportResult = {
  rows: THeadcountLine[];
  errors: TLineError[];
  created: number;
  updated: number;
  isImported: boolean;
};

/**
 * Headcounts of the officer's institution. A dry run previews; otherwise, only when every line is
 * valid, one transaction upserts each cell (a re-import updates, never duplicates) with its audit row.
 */
export async function importHeadcounts(
  actor: TActor,
  options: { institutionId: string; bytes: Uint8Array; isDryRun: boolean },
): Promise<THeadcountImportResult> {
  const { institutionId, bytes, isDryRun } = options;
  assertCan(actor, "headcount.import", { institutionId });
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 2 MB.");
  const { rows, errors } = parseHeadcountsCsv(bytes);
  if (isDryRun || errors.length > 0) return { rows, errors, created: 0, updated: 0, isImported: false };
  const { created, updated } = await db.$transaction(async (tx) => {
    const existing = await tx.headcount.findMany({
      where: { institutionId, year: { in: [...new Set(rows.map((row) => row.annee))] } },
      select: { year: true, staffCategory: true, population: true, sex: true },
    });
    const known = new Set(existing.map((row) => `${row.year}|${row.staffCategory}|${row.population}|${row.sex}`));
    for (const row of rows) {
      const cell = {
        institutionId,
        year: row.annee,
        staffCategory: row.categorie,
        population: row.population,
        sex: row.sexe,
      };
      await tx.headcount.upsert({
        where: { institutionId_year_staffCategory_population_sex: cell },
        create: { ...cell, count: row.effectif },
        update: { count: row.effectif },
      });
    }
    const updatedCount = rows.filter((row) =>
      known.has(`${row.annee}|${row.categorie}|${row.population}|${row.sexe}`),
    ).length;
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "headcount.imported",
        entityType: "Institution",
        entityId: institutionId,
        institutionId,
        data: { lines: rows.length, updated: updatedCount },
      },
    });
    return { created: rows.length - updatedCount, updated: updatedCount };
  });
  return { rows, errors, created, updated, isImported: true };
}
