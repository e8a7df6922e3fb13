import "server-only";
import { db } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { checkStaffImport, type TKnownPerson } from "./check-staff-import";
import { assertImportSize, type TLineError } from "./parse-csv";
import { parseStaffCsv, type TStaffLine } from "./parse-staff-csv";

export type TStaffImportResult = {
  rows: TStaffLine[];
  errors: TLineError[];
  created: number;
  updated: number;
  isImported: boolean;
};

// A few statements whatever the file's size (set-based SQL), so even 15,000 lines end well
// inside this explicit budget instead of Prisma's 5 s default.
const WRITE_TIMEOUT_MS = 120_000;

async function findKnownPeople(emails: string[]): Promise<Map<string, TKnownPerson>> {
  const users = await db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, institutionId: true, memberships: { select: { role: true } } },
  });
  return new Map(
    users.map((user) => [
      user.email,
      { ...user, roles: [...new Set(user.memberships.map((membership) => membership.role))] },
    ]),
  );
}

/**
 * Staff of the officer's institution, matched by e-mail: new agents are created with the AGENT
 * role, known agents of the institution updated; anyone else named in the file refuses the
 * whole import (lib/imports/check-staff-import.ts), line by line. Written with set-based SQL in
 * one transaction whose audit row lists what changed (counts and ids); the same rules are
 * enforced again by the statements themselves, so a role granted meanwhile still stops it.
 */
export async function importStaff(
  actor: TActor,
  options: {
    institutionId: string;
    bytes: Uint8Array;
    isDryRun: boolean;
    onProgress?: (done: number, total: number) => Promise<void>;
  },
): Promise<TStaffImportResult> {
  const { institutionId, bytes, isDryRun } = options;
  assertCan(actor, "staff.import", { institutionId });
  assertImportSize(bytes);
  const { rows, errors } = parseStaffCsv(bytes);
  const emails = [...new Set(rows.flatMap((row) => (row.responsable ? [row.email, row.responsable] : [row.email])))];
  const known = await findKnownPeople(emails);
  errors.push(...checkStaffImport({ institutionId, rows, known }));
  errors.sort((a, b) => a.line - b.line);
  if (isDryRun || errors.length > 0) return { rows, errors, created: 0, updated: 0, isImported: false };
  const { createdIds, updatedIds } = await writeStaff(actor, { institutionId, rows, onProgress: options.onProgress });
  return { rows, errors, created: createdIds.length, updated: updatedIds.length, isImported: true };
}

async function writeStaff(
  actor: TActor,
  options: { institutionId: string; rows: TStaffLine[]; onProgress?: (done: number, total: number) => Promise<void> },
) {
  const { institutionId, rows } = options;
  const people = JSON.stringify(
    rows.map((row) => ({
      email: row.email,
      name: row.nom,
      category: row.categorie,
      population: row.population,
      sex: row.sexe ?? "NOT_RECORDED",
      workplace: row.lieu_de_travail ?? null,
      lat: row.latitude ?? null,
      lng: row.longitude ?? null,
      manager: row.responsable ?? null,
    })),
  );
  const changedMeanwhile = () =>
    new AppError("CONFLICT", "Some accounts changed during the import; nothing was imported.", {
      messageKey: "indicators.imports.changedMeanwhile",
      values: {},
    });
  return db.$transaction(
    async (tx) => {
      // The upsert updates only people already in this institution (WHERE on DO UPDATE): a row
      // of anyone else is neither changed nor returned, and the count check rolls it all back.
      const written = await tx.$queryRaw<{ id: string; isCreated: boolean }[]>`
        WITH input AS (
          SELECT * FROM jsonb_to_recordset(${people}::jsonb) AS r(
            email text, name text, category text, population text, sex text,
            workplace text, lat double precision, lng double precision, manager text))
        INSERT INTO "User" ("id", "email", "name", "institutionId", "staffCategory", "population", "sex",
                            "workplaceLabel", "workplaceLat", "workplaceLng", "updatedAt")
        SELECT gen_random_uuid()::text, email, name, ${institutionId}, category::"StaffCategory",
               population::"StaffPopulation", sex::"Sex", workplace, lat, lng, now()
        FROM input
        ON CONFLICT ("email") DO UPDATE SET
          "name" = EXCLUDED."name", "staffCategory" = EXCLUDED."staffCategory",
          "population" = EXCLUDED."population", "sex" = EXCLUDED."sex",
          "workplaceLabel" = EXCLUDED."workplaceLabel", "workplaceLat" = EXCLUDED."workplaceLat",
          "workplaceLng" = EXCLUDED."workplaceLng", "updatedAt" = now()
        WHERE "User"."institutionId" = ${institutionId}
        RETURNING "id", (xmax = 0) AS "isCreated"`;
      if (written.length !== rows.length) throw changedMeanwhile();
      const ids = written.map((row) => row.id);
      const [{ beyondAgent }] = await tx.$queryRaw<[{ beyondAgent: number }]>`
        SELECT count(*)::int AS "beyondAgent" FROM "RoleMembership"
        WHERE "userId" = ANY(${ids}::text[]) AND "role" <> 'AGENT'`;
      if (beyondAgent > 0) throw changedMeanwhile();
      await options.onProgress?.(1, 3);
      await tx.$executeRaw`
        INSERT INTO "RoleMembership" ("id", "userId", "role", "institutionId", "createdAt")
        SELECT gen_random_uuid()::text, u.id, 'AGENT', ${institutionId}, now()
        FROM unnest(${ids}::text[]) AS u(id)
        WHERE NOT EXISTS (
          SELECT 1 FROM "RoleMembership" m
          WHERE m."userId" = u.id AND m."role" = 'AGENT' AND m."institutionId" = ${institutionId}
            AND m."relaySiteId" IS NULL)`;
      await options.onProgress?.(2, 3);
      // Managers second: they may appear after their reports in the file; only people of the institution.
      await tx.$executeRaw`
        UPDATE "User" u SET "managerId" = (
          SELECT m."id" FROM "User" m WHERE m."email" = r.manager AND m."institutionId" = ${institutionId})
        FROM jsonb_to_recordset(${people}::jsonb) AS r(email text, manager text)
        WHERE u."email" = r.email AND u."institutionId" = ${institutionId}`;
      const createdIds = written.filter((row) => row.isCreated).map((row) => row.id);
      const updatedIds = written.filter((row) => !row.isCreated).map((row) => row.id);
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "staff.imported",
          entityType: "Institution",
          entityId: institutionId,
          institutionId,
          data: { lines: rows.length, created: createdIds.length, updated: updatedIds.length, createdIds, updatedIds },
        },
      });
      await options.onProgress?.(3, 3);
      return { createdIds, updatedIds };
    },
    { timeout: WRITE_TIMEOUT_MS, maxWait: 30_000 },
  );
}
