import "server-only";
import { db } from "../db";
import { assertCan } from "../auth/assert-can";
import type { TActor } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { MAX_IMPORT_BYTES } from "./import-headcounts";
import type { TLineError } from "./parse-csv";
import { parseStaffCsv, type TStaffLine } from "./parse-staff-csv";

export type TStaffImportResult = {
  rows: TStaffLine[];
  errors: TLineError[];
  created: number;
  updated: number;
  isImported: boolean;
};

/**
 * Staff of the officer's institution, matched by e-mail: new agents are created with the AGENT
 * role, known ones updated. An e-mail that belongs to another institution's agent is an error:
 * an officer must not take over someone else's staff. Managers must be in the file or already
 * in the institution.
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
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 2 MB.");
  const { rows, errors } = parseStaffCsv(bytes);
  const emails = [
    ...new Set([...rows.map((row) => row.email), ...rows.flatMap((row) => (row.responsable ? [row.responsable] : []))]),
  ];
  const known = await db.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, institutionId: true },
  });
  const knownByEmail = new Map(known.map((user) => [user.email, user]));
  const inFile = new Set(rows.map((row) => row.email));
  for (const row of rows) {
    const user = knownByEmail.get(row.email);
    if (user && user.institutionId !== null && user.institutionId !== institutionId)
      errors.push({ line: row.line, message: `${row.email} belongs to another institution.` });
    if (row.responsable) {
      const manager = knownByEmail.get(row.responsable);
      const isKnownHere = manager !== undefined && manager.institutionId === institutionId;
      if (!inFile.has(row.responsable) && !isKnownHere)
        errors.push({
          line: row.line,
          message: `Manager ${row.responsable} is neither in the file nor in the institution.`,
        });
      if (row.responsable === row.email)
        errors.push({ line: row.line, message: "An agent cannot be their own manager." });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  if (isDryRun || errors.length > 0) return { rows, errors, created: 0, updated: 0, isImported: false };
  const created = rows.filter((row) => !knownByEmail.has(row.email)).length;
  await db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      for (const row of rows) {
        const data = {
          name: row.nom,
          institutionId,
          staffCategory: row.categorie,
          population: row.population,
          sex: row.sexe ?? "NOT_RECORDED",
          workplaceLabel: row.lieu_de_travail ?? null,
          workplaceLat: row.latitude ?? null,
          workplaceLng: row.longitude ?? null,
        } as const;
        const user = await tx.user.upsert({
          where: { email: row.email },
          create: { email: row.email, ...data },
          update: data,
          select: { id: true },
        });
        ids.set(row.email, user.id);
        const membership = await tx.roleMembership.findFirst({
          where: { userId: user.id, role: "AGENT", institutionId },
          select: { id: true },
        });
        if (!membership) await tx.roleMembership.create({ data: { userId: user.id, role: "AGENT", institutionId } });
        if (options.onProgress && ids.size % 250 === 0) await options.onProgress(ids.size, rows.length * 2);
      }
      // Managers second: they may appear after their reports in the file.
      for (const row of rows) {
        const managerId = row.responsable ? (ids.get(row.responsable) ?? knownByEmail.get(row.responsable)!.id) : null;
        await tx.user.update({ where: { id: ids.get(row.email)! }, data: { managerId } });
      }
      await options.onProgress?.(rows.length * 2, rows.length * 2);
      await tx.auditLog.create({
        data: {
          actorId: actor.userId,
          action: "staff.imported",
          entityType: "Institution",
          entityId: institutionId,
          institutionId,
          data: { lines: rows.length, created },
        },
      });
      // Thousands of upserts (background imports) take longer than the default 5 s of an interactive transaction.
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return { rows, errors, created, updated: rows.length - created, isImported: true };
}
