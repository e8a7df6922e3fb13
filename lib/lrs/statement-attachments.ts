import "server-only";
// Attachments of statements (spec part two §2.4.11, part three §1.5.2) and signed statements
// (part two §2.6): every attachment without a fileUrl must arrive as a part whose
// X-Experience-API-Hash is its sha2, every part must be declared by a statement, and a signature
// attachment must hold a JWS (RS256/384/512) whose payload is the statement.
import { createHash, createVerify, X509Certificate } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors/app-error";
import { isSameStatement } from "./statement-equality";
import type { TJsonObject } from "./types";
import type { TPart } from "./multipart";

export const SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";
export type TAttachmentContent = { sha2: string; contentType: string; content: Buffer };

function invalid(field: string, rule: string): never {
  throw new AppError("INVALID", `${field}: ${rule}`, { field });
}

function declaredAttachments(statement: TJsonObject): TJsonObject[] {
  const own = Array.isArray(statement.attachments) ? (statement.attachments as TJsonObject[]) : [];
  const object = statement.object as TJsonObject | undefined;
  return object?.objectType === "SubStatement" ? [...own, ...declaredAttachments(object)] : own;
}

function hashOf(content: Buffer, sha2: string): string {
  const algorithm = sha2.length === 96 ? "sha384" : sha2.length === 128 ? "sha512" : "sha256";
  return createHash(algorithm).update(content).digest("hex");
}

/** The attachment parts of a multipart request, checked against the statements' declarations. */
export function matchAttachmentParts(statements: TJsonObject[], parts: TPart[]): TAttachmentContent[] {
  const byHash = new Map<string, TAttachmentContent>();
  parts.forEach((part, index) => {
    const field = `attachment part ${index + 1}`;
    const sha2 = part.headers.get("x-experience-api-hash");
    if (!sha2) invalid(field, "needs an X-Experience-API-Hash header");
    if ((part.headers.get("content-transfer-encoding") ?? "").toLowerCase() !== "binary")
      invalid(field, "needs Content-Transfer-Encoding: binary");
    if (hashOf(part.content, sha2) !== sha2.toLowerCase())
      invalid(field, "the content does not match its X-Experience-API-Hash");
    byHash.set(sha2.toLowerCase(), {
      sha2: sha2.toLowerCase(),
      contentType: part.headers.get("content-type") ?? "application/octet-stream",
      content: part.content,
    });
  });
  const declared = new Set<string>();
  statements.forEach((statement, index) => {
    for (const attachment of declaredAttachments(statement)) {
      const sha2 = String(attachment.sha2).toLowerCase();
      declared.add(sha2);
      if (attachment.fileUrl === undefined && !byHash.has(sha2))
        invalid(`statements[${index}].attachments`, `no part carries the attachment with sha2 ${sha2}`);
    }
  });
  for (const sha2 of byHash.keys())
    if (!declared.has(sha2)) invalid("attachment parts", `the part with hash ${sha2} is not declared by any statement`);
  statements.forEach((statement, index) => verifySignatures(statement, byHash, `statements[${index}]`));
  return [...byHash.values()];
}

/** Statements sent as application/json may only carry attachments by fileUrl. */
export function assertNoInlineAttachments(statements: TJsonObject[]): void {
  statements.forEach((statement, index) => {
    for (const attachment of declaredAttachments(statement)) {
      if (attachment.fileUrl === undefined)
        invalid(
          `statements[${index}].attachments`,
          "an attachment without fileUrl must be sent in a multipart/mixed request",
        );
    }
  });
}

function decodeJson(segment: string, field: string): TJsonObject {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not an object");
    return value as TJsonObject;
  } catch {
    invalid(field, "is not a valid JWS (its JSON does not parse)");
  }
}

function verifySignatures(statement: TJsonObject, byHash: Map<string, TAttachmentContent>, path: string): void {
  for (const attachment of declaredAttachments(statement)) {
    if (attachment.usageType !== SIGNATURE_USAGE) continue;
    const field = `${path}.attachments (signature)`;
    if (attachment.contentType !== "application/octet-stream")
      invalid(field, "a signature attachment has contentType application/octet-stream");
    const part = byHash.get(String(attachment.sha2).toLowerCase());
    if (!part) invalid(field, "the signature must be sent as a part");
    const segments = part.content.toString("utf8").trim().split(".");
    if (segments.length !== 3) invalid(field, "is not a JWS in compact serialization");
    const [headerSegment, payloadSegment, signatureSegment] = segments as [string, string, string];
    const header = decodeJson(headerSegment, field);
    const algorithm = ({ RS256: "RSA-SHA256", RS384: "RSA-SHA384", RS512: "RSA-SHA512" } as Record<string, string>)[
      String(header.alg)
    ];
    if (!algorithm) invalid(field, "the JWS algorithm must be RS256, RS384 or RS512");
    const payload = decodeJson(payloadSegment, field);
    const { attachments: _ignored, ...unsigned } = statement;
    void _ignored;
    if (!isSameStatement(payload, unsigned)) invalid(field, "the JWS payload is not this statement");
    // With a certificate chain we can check the signature itself; without one only its form.
    const chain = header.x5c;
    if (Array.isArray(chain) && typeof chain[0] === "string") {
      const certificate = new X509Certificate(Buffer.from(chain[0], "base64"));
      const isValid = createVerify(algorithm)
        .update(`${headerSegment}.${payloadSegment}`)
        .verify(certificate.publicKey, Buffer.from(signatureSegment, "base64url"));
      if (!isValid) invalid(field, "the JWS signature does not verify with its x5c certificate");
    }
  }
}

/** The stored contents of the attachments the given statements declare (for GET attachments=true). */
export async function loadAttachments(statements: TJsonObject[]): Promise<TAttachmentContent[]> {
  const hashes = [
    ...new Set(statements.flatMap(declaredAttachments).map((attachment) => String(attachment.sha2).toLowerCase())),
  ];
  if (hashes.length === 0) return [];
  const rows = await db.xapiAttachment.findMany({ where: { sha2: { in: hashes } } });
  return rows.map((row) => ({ sha2: row.sha2, contentType: row.contentType, content: Buffer.from(row.content) }));
}
