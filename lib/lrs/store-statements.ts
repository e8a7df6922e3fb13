import "server-only";
// Stores a batch of statements: all or nothing, in one transaction, together with the voiding
// of their targets, the merged activity definitions and the learning projections. A 200/204
// is only answered after this transaction has committed.
import { randomUUID } from "node:crypto";
import { db, type Prisma, type TTransaction } from "../db";
import { AppError } from "../errors/app-error";
import { assertCanWrite, authorityFor, isInReadScope, resolveStatementInstitutions } from "./lrs-access";
import { extractStatementColumns } from "./statement-columns";
import { beginStatementWrite } from "./statement-horizon";
import { isUniqueViolation } from "./is-unique-violation";
import { isSameStatement } from "./statement-equality";
import type { TJsonObject, TLrsCredentials, TStatementProjection, TStoredStatement } from "./types";
import { parseTimestamp } from "./xapi-formats";
import { validateStatement, VOIDED_VERB } from "./validate-statement";
import { mergeActivityDefinitions } from "./merge-activity-definitions";
import type { TAttachmentContent } from "./statement-attachments";

export type TStoreStatementsOptions = {
  credentials: TLrsCredentials;
  statements: unknown[];
  /** Contents of attachments sent in a multipart request, already matched to the statements. */
  attachments?: TAttachmentContent[];
  /** The version the client declared (X-Experience-API-Version), recorded when a statement has none. */
  version?: string;
  /** Path prefix of error messages: "statements" for a batch, "statement" for one. */
  fieldPrefix?: string;
  /**
   * What Relais derives from the new statements, in the same transaction: learners' progress
   * (lib/learning/project-statements.ts). Required, so that no writer can skip it; the LRS
   * itself knows nothing of courses (the route or use case that stores hands it over).
   */
  project: TStatementProjection;
};

/** §2.4.6.2: the LRS returns each contextActivities entry as an array, even when sent as one object. */
function withContextActivityArrays(statement: TJsonObject): TJsonObject {
  const result = { ...statement };
  const context = statement.context as TJsonObject | undefined;
  const lists = context?.contextActivities as TJsonObject | undefined;
  if (context && lists) {
    result.context = {
      ...context,
      contextActivities: Object.fromEntries(
        Object.entries(lists).map(([key, list]) => [key, Array.isArray(list) ? list : [list]]),
      ),
    };
  }
  const object = statement.object as TJsonObject;
  if (object.objectType === "SubStatement") result.object = withContextActivityArrays(object);
  return result;
}

function prepare(options: TStoreStatementsOptions, stored: string): TStoredStatement[] {
  const prefix = options.fieldPrefix ?? "statements";
  const authority = authorityFor(options.credentials);
  const seen = new Set<string>();
  return options.statements.map((raw, index) => {
    const path = options.statements.length === 1 && prefix === "statement" ? "statement" : `${prefix}[${index}]`;
    validateStatement(raw, path, { version: options.version });
    const id = typeof raw.id === "string" ? raw.id.toLowerCase() : randomUUID();
    if (seen.has(id))
      throw new AppError("INVALID", `${path}.id: the same id appears twice in the batch`, { field: `${path}.id` });
    seen.add(id);
    const timestamp = raw.timestamp === undefined ? stored : (raw.timestamp as string);
    return {
      ...withContextActivityArrays(raw),
      id,
      timestamp,
      stored,
      authority,
      version: (raw.version as string | undefined) ?? options.version ?? "1.0.0",
    } as TStoredStatement;
  });
}

/** Voiding (spec §2.3.2): targets become invisible to queries; a voiding statement cannot be voided. */
async function applyVoiding(
  tx: TTransaction,
  credentials: TLrsCredentials,
  statements: TStoredStatement[],
): Promise<void> {
  const targetIds = statements
    .filter((statement) => statement.verb.id === VOIDED_VERB)
    .map((statement) => (statement.object.id as string).toLowerCase());
  if (targetIds.length === 0) return;
  const batchVoiding = new Set(
    statements.filter((statement) => statement.verb.id === VOIDED_VERB).map((statement) => statement.id),
  );
  const targets = await tx.xapiStatement.findMany({
    where: { id: { in: targetIds } },
    select: { id: true, verbId: true, institutionId: true, actorIfi: true },
  });
  for (const target of targets) {
    if (target.verbId === VOIDED_VERB)
      throw new AppError(
        "INVALID",
        `statement.object.id: ${target.id} is a voiding statement, which cannot be voided`,
        { field: "object.id" },
      );
    if (!isInReadScope(credentials, target))
      throw new AppError("FORBIDDEN", `statement.object.id: you may not void statement ${target.id}`);
  }
  for (const id of targetIds)
    if (batchVoiding.has(id))
      throw new AppError("INVALID", `statement.object.id: ${id} is a voiding statement, which cannot be voided`, {
        field: "object.id",
      });
  await tx.xapiStatement.updateMany({
    where: { id: { in: targets.map((target) => target.id) } },
    data: { isVoided: true },
  });
}

const INSERT_COLUMNS = `"id","statement","actorIfi","verbId","objectActivityId","objectStatementId","registration","timestamp","stored","isVoided","relatedAgents","relatedActivities","lrsClientId","writerUserId","institutionId"`;
const RECORD_TYPES = `"id" uuid, "statement" json, "actorIfi" text, "verbId" text, "objectActivityId" text, "objectStatementId" uuid, "registration" uuid, "timestamp" timestamptz, "stored" timestamptz, "isVoided" boolean, "relatedAgents" text[], "relatedActivities" text[], "lrsClientId" text, "writerUserId" text, "institutionId" text`;

/**
 * One INSERT per batch, its rows sent as ONE JSON parameter unpacked by json_to_recordset: a
 * 100-statement batch as 1,500 bind parameters cost more to build, send and parse than
 * PostgreSQL spends storing the rows (BENCHMARKS.md). A `json` column keeps the text verbatim.
 */
async function insertStatements(
  tx: TTransaction,
  statements: TStoredStatement[],
  rowFields: (
    statement: TStoredStatement,
    index: number,
  ) => { isVoided: boolean; lrsClientId: string | null; writerUserId: string | null; institutionId: string | null },
): Promise<void> {
  const rows = statements.map((statement, index) => ({
    id: statement.id,
    statement,
    ...extractStatementColumns(statement),
    timestamp: parseTimestamp(statement.timestamp)!.toISOString(),
    stored: statement.stored,
    ...rowFields(statement, index),
  }));
  // The same statement fills XapiStatementActivity (one row per related activity, by `seq`).
  await tx.$executeRawUnsafe(
    `WITH inserted AS (INSERT INTO "XapiStatement" (${INSERT_COLUMNS}) SELECT ${INSERT_COLUMNS} FROM json_to_recordset($1::json) AS r(${RECORD_TYPES}) RETURNING "seq", "relatedActivities")
     INSERT INTO "XapiStatementActivity" ("activityId", "seq") SELECT unnest("relatedActivities"), "seq" FROM inserted`,
    JSON.stringify(rows),
  );
}

async function storeInTransaction(
  tx: TTransaction,
  options: TStoreStatementsOptions,
  validated: TStoredStatement[],
): Promise<TStoredStatement[]> {
  // `stored` is stamped here, by the database clock, after this writer announced itself to
  // readers (statement-horizon.ts), so that no reader's Consistent-Through can pass it.
  const stored = await beginStatementWrite(tx);
  const prepared = validated.map((statement, index) => ({
    ...statement,
    stored,
    timestamp: (options.statements[index] as TJsonObject).timestamp === undefined ? stored : statement.timestamp,
  }));
  // One round trip: the batch's ids already stored, and the voiding statements already targeting them.
  const ids = prepared.map((statement) => statement.id);
  const known = await tx.$queryRaw<
    { id: string; statement: Prisma.JsonValue; target: string | null; verbId: string }[]
  >`
    SELECT "id"::text AS id, "statement", "objectStatementId"::text AS target, "verbId" FROM "XapiStatement"
    WHERE "id" = ANY(${ids}::uuid[]) OR ("objectStatementId" = ANY(${ids}::uuid[]) AND "verbId" = ${VOIDED_VERB})`;
  const batchIds = new Set(ids);
  const existing = known.filter((row) => batchIds.has(row.id));
  const voidedIds = new Set(
    known
      .filter((row) => row.verbId === VOIDED_VERB && row.target !== null && batchIds.has(row.target))
      .map((row) => row.target),
  );
  const existingById = new Map(existing.map((row) => [row.id, row.statement as TJsonObject]));
  const fresh = prepared.filter((statement, index) => {
    const previous = existingById.get(statement.id);
    if (!previous) return true;
    // Same id, same content: an idempotent retry. Same id, other content: 409 (spec §2.2).
    if (!isSameStatement(previous, withContextActivityArrays(options.statements[index] as TJsonObject))) {
      throw new AppError("CONFLICT", `statement ${statement.id} already exists with different content`, {
        id: statement.id,
      });
    }
    return false;
  });
  if (fresh.length === 0) return [];
  const institutions = await resolveStatementInstitutions(
    tx,
    options.credentials,
    fresh.map((statement) => statement.actor),
  );
  await applyVoiding(tx, options.credentials, fresh);
  // A statement may arrive after the statement that voids it (voidedIds above).
  await insertStatements(tx, fresh, (statement, index) => ({
    isVoided: voidedIds.has(statement.id) && statement.verb.id !== VOIDED_VERB,
    lrsClientId: options.credentials.kind === "client" ? options.credentials.clientId : null,
    writerUserId: options.credentials.kind === "learner" ? options.credentials.userId : null,
    institutionId: institutions[index] ?? null,
  }));
  if (options.attachments && options.attachments.length > 0) {
    await tx.xapiAttachment.createMany({
      data: options.attachments.map((attachment) => ({
        sha2: attachment.sha2,
        contentType: attachment.contentType,
        content: new Uint8Array(attachment.content),
      })),
      skipDuplicates: true,
    });
  }
  await mergeActivityDefinitions(tx, fresh);
  await options.project(tx, fresh);
  return fresh;
}

/** Validates and stores statements (whole batch or nothing); returns their ids in order. */
export async function storeStatements(options: TStoreStatementsOptions): Promise<string[]> {
  assertCanWrite(options.credentials);
  const prepared = prepare(options, new Date().toISOString());
  for (let attempt = 0; ; attempt++) {
    try {
      await db.$transaction((tx) => storeInTransaction(tx, options, prepared));
      return prepared.map((statement) => statement.id);
    } catch (error) {
      // A concurrent request stored the same id between our check and our insert: check again.
      if (!isUniqueViolation(error) || attempt > 0) throw error;
    }
  }
}

/**
 * Stores statements inside the caller's transaction (Relais's own statements that must commit
 * with the records they describe, e.g. an attended statement voided with the presence it stood
 * for). No retry here: a concurrent insert of the same id fails the caller's transaction.
 */
export async function storeStatementsInTransaction(
  tx: TTransaction,
  options: TStoreStatementsOptions,
): Promise<string[]> {
  assertCanWrite(options.credentials);
  const prepared = prepare(options, new Date().toISOString());
  await storeInTransaction(tx, options, prepared);
  return prepared.map((statement) => statement.id);
}
