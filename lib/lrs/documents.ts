import "server-only";
// The document resources (State, Activity Profile, Agent Profile; spec part three §2.2–2.7):
// opaque documents stored with their content type and an ETag, replaced by PUT, merged by POST
// when both sides are JSON objects, with If-Match / If-None-Match concurrency.
import { createHash } from "node:crypto";
import { db, type Prisma, type TTransaction } from "../db";
import type { XapiDocumentKind } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { isUniqueViolation } from "./is-unique-violation";

/** `scope`: the tenant (institution id of the writer, "" for national writers), see documentScope. */
export type TDocumentKey = {
  scope: string;
  kind: XapiDocumentKind;
  activityId?: string;
  agentIfi?: string;
  registration?: string;
};
export type TDocument = { contentType: string; content: Buffer; etag: string; updatedAt: Date };
export type TPreconditions = { ifMatch: string | null; ifNoneMatch: string | null };

function whereKey(key: TDocumentKey): Prisma.XapiDocumentWhereInput {
  return columnsOf(key);
}

function columnsOf(key: TDocumentKey) {
  return {
    scope: key.scope,
    kind: key.kind,
    activityId: key.activityId ?? "",
    agentIfi: key.agentIfi ?? "",
    registration: key.registration ?? "",
  };
}

function uniqueKey(key: TDocumentKey, documentId: string) {
  return { scope_kind_activityId_agentIfi_registration_documentId: { ...columnsOf(key), documentId } };
}

export function etagOf(content: Buffer): string {
  return createHash("sha1").update(content).digest("hex");
}

function matchesEtag(header: string, etag: string | null): boolean {
  if (etag === null) return false;
  return header.split(",").some((part) => {
    const value = part.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
    return value === "*" || value === etag;
  });
}

/** 412 when a precondition fails; for profiles, 409 when a PUT overwrites without one (spec §2.2 concurrency). */
function checkPreconditions(
  existingEtag: string | null,
  preconditions: TPreconditions,
  options: { isProfile: boolean; isOverwrite: boolean; isVersion2?: boolean },
): void {
  if (preconditions.ifMatch !== null && !matchesEtag(preconditions.ifMatch, existingEtag))
    throw new AppError("PRECONDITION_FAILED", "If-Match: the document has changed (or does not exist).");
  if (
    preconditions.ifNoneMatch !== null &&
    existingEtag !== null &&
    matchesEtag(preconditions.ifNoneMatch, existingEtag)
  ) {
    throw new AppError("PRECONDITION_FAILED", "If-None-Match: the document already exists.");
  }
  // A PUT of a profile must say what it expects: 409 when it would blindly overwrite (1.0.3
  // §2.2), 400 when the header is missing for a new document (as the conformance suite and
  // xAPI 2.0 require). xAPI 2.0 extends the 409 to State documents (2.0 Communication §1.4.1).
  if (options.isOverwrite && preconditions.ifMatch === null && preconditions.ifNoneMatch === null) {
    if (existingEtag !== null && (options.isProfile || options.isVersion2))
      throw new AppError("CONFLICT", "If-Match: the document exists; send If-Match (or If-None-Match) to change it.");
    if (existingEtag === null && options.isProfile)
      throw new AppError("INVALID", "If-Match: a PUT of a profile document needs If-Match or If-None-Match");
  }
}

function parseJsonObject(content: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isJsonType(contentType: string): boolean {
  return contentType.toLowerCase().startsWith("application/json");
}

export async function getDocument(key: TDocumentKey, documentId: string): Promise<TDocument | null> {
  return db.xapiDocument
    .findUnique({
      where: uniqueKey(key, documentId),
      select: { contentType: true, content: true, etag: true, updatedAt: true },
    })
    .then((row) => (row ? { ...row, content: Buffer.from(row.content) } : null));
}

export async function listDocumentIds(key: TDocumentKey, since: Date | null): Promise<string[]> {
  const rows = await db.xapiDocument.findMany({
    where: { ...whereKey(key), ...(since ? { updatedAt: { gt: since } } : {}) },
    select: { documentId: true },
    orderBy: { documentId: "asc" },
  });
  return rows.map((row) => row.documentId);
}

/** PUT (replace) or POST (merge JSON objects, else 400) one document, under preconditions. */
export async function saveDocument(options: {
  key: TDocumentKey;
  documentId: string;
  contentType: string;
  content: Buffer;
  isMerge: boolean;
  preconditions: TPreconditions;
  isVersion2?: boolean;
}): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.$transaction((tx) => saveInTransaction(tx, options));
      return;
    } catch (error) {
      // Two requests created the same new document at once: the loser runs again and now sees
      // the winner's row, so its preconditions (412), merge or overwrite apply as if sequential.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

async function saveInTransaction(
  tx: TTransaction,
  options: {
    key: TDocumentKey;
    documentId: string;
    contentType: string;
    content: Buffer;
    isMerge: boolean;
    preconditions: TPreconditions;
    isVersion2?: boolean;
  },
): Promise<void> {
  const { key, documentId, isMerge } = options;
  const isProfile = key.kind !== "STATE";
  const columns = columnsOf(key);
  // FOR UPDATE: concurrent writers of an existing document queue up, so a merge never loses the
  // other's keys and an If-Match always compares with the latest ETag.
  const [existing] = await tx.$queryRaw<{ id: string; etag: string; contentType: string; content: Uint8Array }[]>`
    SELECT "id", "etag", "contentType", "content" FROM "XapiDocument"
    WHERE "scope" = ${columns.scope} AND "kind" = ${columns.kind}::"XapiDocumentKind" AND "activityId" = ${columns.activityId}
      AND "agentIfi" = ${columns.agentIfi} AND "registration" = ${columns.registration} AND "documentId" = ${documentId}
    FOR UPDATE`;
  checkPreconditions(existing?.etag ?? null, options.preconditions, {
    isProfile,
    isOverwrite: !isMerge,
    isVersion2: options.isVersion2,
  });
  let content = options.content;
  let contentType = options.contentType;
  if (isMerge && existing) {
    const incoming = isJsonType(contentType) ? parseJsonObject(content) : null;
    const previous = isJsonType(existing.contentType) ? parseJsonObject(Buffer.from(existing.content)) : null;
    if (!incoming || !previous)
      throw new AppError(
        "INVALID",
        "content: POST merges JSON objects only; both documents must be application/json objects",
      );
    content = Buffer.from(JSON.stringify({ ...previous, ...incoming }));
    contentType = "application/json";
  } else if (isMerge && isJsonType(contentType) && !parseJsonObject(content)) {
    throw new AppError("INVALID", "content: POST of an application/json document needs a JSON object");
  }
  const data = { contentType, content: new Uint8Array(content), etag: etagOf(content), updatedAt: new Date() };
  if (existing) await tx.xapiDocument.update({ where: { id: existing.id }, data });
  else await tx.xapiDocument.create({ data: { ...columns, documentId, ...data } });
}

/** DELETE one document (with If-Match), or every document under the key when documentId is null (State only). */
export async function deleteDocuments(options: {
  key: TDocumentKey;
  documentId: string | null;
  preconditions: TPreconditions;
}): Promise<void> {
  if (options.documentId === null) {
    await db.xapiDocument.deleteMany({ where: whereKey(options.key) });
    return;
  }
  const existing = await db.xapiDocument.findUnique({
    where: uniqueKey(options.key, options.documentId),
    select: { id: true, etag: true },
  });
  checkPreconditions(existing?.etag ?? null, options.preconditions, { isProfile: false, isOverwrite: false });
  if (existing) await db.xapiDocument.delete({ where: { id: existing.id } });
}
