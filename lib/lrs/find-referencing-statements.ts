import "server-only";
// Spec part three §2.1.4: a filtered query also returns the statements that *target* a
// matching statement through a StatementRef (voiding statements included), even when the target
// itself is voided. The agent/verb/activity/registration filters apply to the target; since,
// until, the cursor and the reader's scope apply to the referencing statement.
import { db, Prisma } from "../db";

export type TTargetFilters = { actorIfi?: string; relatedAgent?: string; verbId?: string; objectActivityId?: string; relatedActivity?: string; registration?: string };

export function hasTargetFilters(filters: TTargetFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

export async function findReferencingStatements(options: {
  filters: TTargetFilters;
  since?: Date;
  until?: Date;
  after: bigint | null;
  /** The reader's horizon (statement-horizon.ts). */
  upTo: bigint;
  isAscending: boolean;
  scope: { institutionId?: string; actorIfi?: string };
  take: number;
}): Promise<{ seq: bigint; statement: Prisma.JsonValue }[]> {
  const { filters, scope } = options;
  const conditions: Prisma.Sql[] = [Prisma.sql`r."isVoided" = false`];
  if (filters.actorIfi !== undefined) conditions.push(Prisma.sql`t."actorIfi" = ${filters.actorIfi}`);
  if (filters.relatedAgent !== undefined) conditions.push(Prisma.sql`t."relatedAgents" @> ARRAY[${filters.relatedAgent}]::text[]`);
  if (filters.verbId !== undefined) conditions.push(Prisma.sql`t."verbId" = ${filters.verbId}`);
  if (filters.objectActivityId !== undefined) conditions.push(Prisma.sql`t."objectActivityId" = ${filters.objectActivityId}`);
  if (filters.relatedActivity !== undefined) conditions.push(Prisma.sql`t."relatedActivities" @> ARRAY[${filters.relatedActivity}]::text[]`);
  if (filters.registration !== undefined) conditions.push(Prisma.sql`t."registration" = ${filters.registration}::uuid`);
  if (options.since) conditions.push(Prisma.sql`r."stored" > ${options.since}`);
  if (options.until) conditions.push(Prisma.sql`r."stored" <= ${options.until}`);
  if (options.after !== null) conditions.push(options.isAscending ? Prisma.sql`r."seq" > ${options.after}` : Prisma.sql`r."seq" < ${options.after}`);
  conditions.push(Prisma.sql`r."seq" <= ${options.upTo}`);
  if (scope.institutionId !== undefined) conditions.push(Prisma.sql`r."institutionId" = ${scope.institutionId}`);
  if (scope.actorIfi !== undefined) conditions.push(Prisma.sql`r."actorIfi" = ${scope.actorIfi}`);
  const order = options.isAscending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return db.$queryRaw<{ seq: bigint; statement: Prisma.JsonValue }[]>`
    SELECT r."seq", r."statement" FROM "XapiStatement" r JOIN "XapiStatement" t ON t."id" = r."objectStatementId"
    WHERE ${Prisma.join(conditions, " AND ")} ORDER BY r."seq" ${order} LIMIT ${options.take}`;
}
