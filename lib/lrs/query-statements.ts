import "server-only";
// GET /statements (spec part three §2.1.3): one statement by statementId / voidedStatementId, or
// a filtered page of statements, newest first unless ascending, with an opaque `more` cursor.
// Every filter is an indexed column (lib/lrs/statement-columns.ts); voided statements are
// never returned by a filtered query.
import { db, type Prisma } from "../db";
import { AppError } from "../errors/app-error";
import { agentIfi } from "./agent-ifi";
import {
  findReferencingStatements,
  findStatementsRelatedToActivity,
  hasTargetFilters,
  type TTargetFilters,
} from "./find-referencing-statements";
import { formatStatement, type TStatementFormat } from "./format-statement";
import { statementReadScope } from "./lrs-access";
import { readStatementHorizon } from "./statement-horizon";
import type { TJsonObject, TLrsCredentials, TStoredStatement } from "./types";
import { isIri, isUuid, parseTimestamp } from "./xapi-formats";
import { validateActor } from "./validate-statement";

export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;
const SINGLE_PARAMETERS = ["statementId", "voidedStatementId", "format", "attachments"];
const QUERY_PARAMETERS = [
  "agent",
  "verb",
  "activity",
  "registration",
  "related_activities",
  "related_agents",
  "since",
  "until",
  "limit",
  "format",
  "attachments",
  "ascending",
  "more",
];

export type TStatementsResult =
  | { kind: "single"; statement: TJsonObject }
  | { kind: "list"; statements: TJsonObject[]; more: string; consistentThrough: Date };

function invalid(field: string, rule: string): never {
  throw new AppError("INVALID", `${field}: ${rule}`, { field });
}

function parseBoolean(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null) return false;
  if (value !== "true" && value !== "false") invalid(name, "must be true or false");
  return value === "true";
}

function parseFormat(params: URLSearchParams): TStatementFormat {
  const format = params.get("format") ?? "exact";
  if (format !== "exact" && format !== "ids" && format !== "canonical")
    invalid("format", "must be exact, ids or canonical");
  return format;
}

function parseAgentParameter(value: string): string {
  let agent: unknown;
  try {
    agent = JSON.parse(value);
  } catch {
    invalid("agent", "must be a JSON Agent or identified Group");
  }
  validateActor(agent, "agent");
  const ifi = agentIfi(agent);
  if (!ifi) invalid("agent", "must have an inverse functional identifier");
  return ifi;
}

type TCursor = { params: string; after: string };

function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string): TCursor {
  try {
    const cursor = JSON.parse(Buffer.from(value, "base64url").toString()) as TCursor;
    if (typeof cursor.params !== "string" || !/^\d+$/.test(cursor.after)) throw new Error("bad cursor");
    return cursor;
  } catch {
    invalid("more", "is not a cursor this LRS issued");
  }
}

function buildWhere(params: URLSearchParams, targets: TTargetFilters = {}): Prisma.XapiStatementWhereInput {
  const where: Prisma.XapiStatementWhereInput = { isVoided: false };
  const agent = params.get("agent");
  if (agent !== null) {
    const ifi = parseAgentParameter(agent);
    if (parseBoolean(params, "related_agents")) where.relatedAgents = { has: (targets.relatedAgent = ifi) };
    else where.actorIfi = targets.actorIfi = ifi;
  }
  const verb = params.get("verb");
  if (verb !== null) {
    if (!isIri(verb)) invalid("verb", "must be an IRI");
    where.verbId = targets.verbId = verb;
  }
  const activity = params.get("activity");
  if (activity !== null) {
    if (!isIri(activity)) invalid("activity", "must be an IRI");
    // related_activities is read along XapiStatementActivity (findStatementsRelatedToActivity).
    if (parseBoolean(params, "related_activities")) targets.relatedActivity = activity;
    else where.objectActivityId = targets.objectActivityId = activity;
  }
  const registration = params.get("registration");
  if (registration !== null) {
    if (!isUuid(registration)) invalid("registration", "must be a UUID");
    where.registration = targets.registration = registration.toLowerCase();
  }
  const since = params.get("since");
  const until = params.get("until");
  const stored: Prisma.DateTimeFilter = {};
  if (since !== null) stored.gt = parseTimestamp(since) ?? invalid("since", "must be an ISO 8601 timestamp");
  if (until !== null) stored.lte = parseTimestamp(until) ?? invalid("until", "must be an ISO 8601 timestamp");
  if (since !== null || until !== null) where.stored = stored;
  return where;
}

function checkParameters(params: URLSearchParams): void {
  const keys = [...params.keys()];
  const isSingle = params.has("statementId") || params.has("voidedStatementId");
  const allowed = isSingle ? SINGLE_PARAMETERS : QUERY_PARAMETERS;
  for (const key of keys)
    if (!allowed.includes(key))
      invalid(
        key,
        isSingle
          ? "is not allowed with statementId or voidedStatementId"
          : "is not a parameter of the Statements resource",
      );
  if (params.has("statementId") && params.has("voidedStatementId"))
    invalid("voidedStatementId", "cannot be combined with statementId");
}

async function getOne(
  credentials: TLrsCredentials,
  params: URLSearchParams,
  languages: string[],
): Promise<TStatementsResult> {
  const isVoidedLookup = params.has("voidedStatementId");
  const field = isVoidedLookup ? "voidedStatementId" : "statementId";
  const id = params.get(field)!;
  if (!isUuid(id)) invalid(field, "must be a UUID");
  const row = await db.xapiStatement.findFirst({
    where: { id: id.toLowerCase(), isVoided: isVoidedLookup, ...statementReadScope(credentials) },
    select: { statement: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `No statement ${id}.`);
  return {
    kind: "single",
    statement: formatStatement(row.statement as TStoredStatement, parseFormat(params), languages),
  };
}

/** Answers a GET/HEAD on /statements for these credentials. `url` gives the query string. */
export async function queryStatements(options: {
  credentials: TLrsCredentials;
  params: URLSearchParams;
  languages: string[];
  basePath: string;
}): Promise<TStatementsResult> {
  const { credentials, languages } = options;
  let params = options.params;
  checkParameters(params);
  if (params.has("statementId") || params.has("voidedStatementId")) return getOne(credentials, params, languages);
  let after: bigint | null = null;
  const more = params.get("more");
  if (more !== null) {
    const cursor = decodeCursor(more);
    params = new URLSearchParams(cursor.params);
    after = BigInt(cursor.after);
  }
  // AND, not a spread: the learner's scope (actorIfi) must not replace an agent filter.
  const targets: TTargetFilters = {};
  const filters = buildWhere(params, targets);
  const scope = statementReadScope(credentials);
  const where: Prisma.XapiStatementWhereInput = { AND: [filters, scope] };
  const isAscending = parseBoolean(params, "ascending");
  parseBoolean(params, "attachments");
  const format = parseFormat(params);
  const limitText = params.get("limit") ?? "0";
  if (!/^\d+$/.test(limitText)) invalid("limit", "must be a non-negative integer");
  const limit = Number(limitText) === 0 ? DEFAULT_PAGE_SIZE : Math.min(Number(limitText), MAX_PAGE_SIZE);
  // Never past the horizon: a statement still in flight below it would be skipped by the cursor.
  const horizon = await readStatementHorizon();
  where.seq =
    after === null
      ? { lte: horizon.seq }
      : isAscending
        ? { gt: after, lte: horizon.seq }
        : { lt: after, lte: horizon.seq };
  const stored = filters.stored as Prisma.DateTimeFilter | undefined;
  const pageBounds = {
    since: stored?.gt as Date | undefined,
    until: stored?.lte as Date | undefined,
    after,
    upTo: horizon.seq,
    isAscending,
    scope,
    take: limit + 1,
  };
  const { relatedActivity } = targets;
  // The statements that target a match (§2.1.4) are read in parallel, on another connection.
  const [direct, referencing] = await Promise.all([
    relatedActivity !== undefined
      ? findStatementsRelatedToActivity({ ...pageBounds, filters: { ...targets, relatedActivity } })
      : db.xapiStatement.findMany({
          where,
          orderBy: { seq: isAscending ? "asc" : "desc" },
          take: limit + 1,
          select: { seq: true, statement: true },
        }),
    hasTargetFilters(targets) ? findReferencingStatements({ ...pageBounds, filters: targets }) : Promise.resolve([]),
  ]);
  let rows = direct;
  if (referencing.length > 0) {
    const bySeq = new Map([...rows, ...referencing].map((row) => [row.seq, row]));
    rows = [...bySeq.values()]
      .sort((a, b) => (a.seq === b.seq ? 0 : a.seq < b.seq === isAscending ? -1 : 1))
      .slice(0, limit + 1);
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextMore =
    rows.length > limit && last
      ? `${options.basePath}?more=${encodeCursor({ params: params.toString(), after: last.seq.toString() })}`
      : "";
  return {
    kind: "list",
    statements: page.map((row) => formatStatement(row.statement as TStoredStatement, format, languages)),
    more: nextMore,
    consistentThrough: horizon.consistentThrough,
  };
}
