import "server-only";
// Pages of statements read in SQL, for the filters a Prisma `where` cannot serve well:
// - the statements that *target* a matching statement through a StatementRef (spec part three
//   §2.1.4, voiding statements included), even when the target itself is voided. The agent/
//   verb/activity/registration filters apply to the target; since, until, the cursor and the
//   reader's scope apply to the referencing statement;
// - the statements related to an activity (`activity` + `related_activities`), read newest first
//   along XapiStatementActivity's (activityId, seq) key, so a page costs `limit` index entries
//   whatever the activity's popularity.
import { db, Prisma } from "../db";

export type TTargetFilters = {
  actorIfi?: string;
  relatedAgent?: string;
  verbId?: string;
  objectActivityId?: string;
  relatedActivity?: string;
  registration?: string;
};

type TPageOptions = {
  filters: TTargetFilters;
  since?: Date;
  until?: Date;
  after: bigint | null;
  /** The reader's horizon (statement-horizon.ts). */
  upTo: bigint;
  isAscending: boolean;
  scope: { institutionId?: string; actorIfi?: string };
  take: number;
};

type TStatementRow = { seq: bigint; statement: Prisma.JsonValue };

export function hasTargetFilters(filters: TTargetFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** The filters on one statement of the query, `alias` naming it. */
function filterConditions(alias: Prisma.Sql, filters: TTargetFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.actorIfi !== undefined) conditions.push(Prisma.sql`${alias}."actorIfi" = ${filters.actorIfi}`);
  if (filters.relatedAgent !== undefined)
    conditions.push(Prisma.sql`${alias}."relatedAgents" @> ARRAY[${filters.relatedAgent}]::text[]`);
  if (filters.verbId !== undefined) conditions.push(Prisma.sql`${alias}."verbId" = ${filters.verbId}`);
  if (filters.objectActivityId !== undefined)
    conditions.push(Prisma.sql`${alias}."objectActivityId" = ${filters.objectActivityId}`);
  if (filters.relatedActivity !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementActivity" a WHERE a."activityId" = ${filters.relatedActivity} AND a."seq" = ${alias}."seq")`,
    );
  }
  if (filters.registration !== undefined)
    conditions.push(Prisma.sql`${alias}."registration" = ${filters.registration}::uuid`);
  return conditions;
}

/** since, until, the reader's scope on the returned statement `alias`; the cursor and horizon on `seqColumn`. */
function pageConditions(alias: Prisma.Sql, seqColumn: Prisma.Sql, options: TPageOptions): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`${alias}."isVoided" = false`];
  if (options.since) conditions.push(Prisma.sql`${alias}."stored" > ${options.since}`);
  if (options.until) conditions.push(Prisma.sql`${alias}."stored" <= ${options.until}`);
  if (options.after !== null)
    conditions.push(
      options.isAscending ? Prisma.sql`${seqColumn} > ${options.after}` : Prisma.sql`${seqColumn} < ${options.after}`,
    );
  conditions.push(Prisma.sql`${seqColumn} <= ${options.upTo}`);
  if (options.scope.institutionId !== undefined)
    conditions.push(Prisma.sql`${alias}."institutionId" = ${options.scope.institutionId}`);
  if (options.scope.actorIfi !== undefined)
    conditions.push(Prisma.sql`${alias}."actorIfi" = ${options.scope.actorIfi}`);
  return conditions;
}

export async function findReferencingStatements(options: TPageOptions): Promise<TStatementRow[]> {
  // "IS NOT NULL" is implied by the join; spelled out, it lets PostgreSQL start from the few
  // referencing statements instead of from every statement matching the filters (an activity's
  // tens of thousands at 10 M statements: 1 s against 1 ms, BENCHMARKS.md).
  const conditions = [
    Prisma.sql`r."objectStatementId" IS NOT NULL`,
    ...pageConditions(Prisma.sql`r`, Prisma.sql`r."seq"`, options),
    ...filterConditions(Prisma.sql`t`, options.filters),
  ];
  const order = options.isAscending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return db.$queryRaw<TStatementRow[]>`
    SELECT r."seq", r."statement" FROM "XapiStatement" r JOIN "XapiStatement" t ON t."id" = r."objectStatementId"
    WHERE ${Prisma.join(conditions, " AND ")} ORDER BY r."seq" ${order} LIMIT ${options.take}`;
}

/** The direct matches of a query with `activity` + `related_activities` (filters.relatedActivity set). */
export async function findStatementsRelatedToActivity(
  options: TPageOptions & { filters: { relatedActivity: string } },
): Promise<TStatementRow[]> {
  const { relatedActivity, ...otherFilters } = options.filters;
  const conditions = [
    Prisma.sql`a."activityId" = ${relatedActivity}`,
    ...pageConditions(Prisma.sql`s`, Prisma.sql`a."seq"`, options),
    ...filterConditions(Prisma.sql`s`, otherFilters),
  ];
  const order = options.isAscending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return db.$queryRaw<TStatementRow[]>`
    SELECT s."seq", s."statement" FROM "XapiStatementActivity" a JOIN "XapiStatement" s ON s."seq" = a."seq"
    WHERE ${Prisma.join(conditions, " AND ")} ORDER BY a."seq" ${order} LIMIT ${options.take}`;
}
