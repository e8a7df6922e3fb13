import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteDocuments, getDocument, listDocumentIds, saveDocument, type TDocumentKey } from "./documents";

const NONE = { ifMatch: null, ifNoneMatch: null };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

async function expectError(promise: Promise<unknown>, code: string) {
  const error = (await promise.then(() => null, (caught: unknown) => caught)) as { code?: string } | null;
  expect(error?.code).toBe(code);
}

describe("document resources", () => {
  it("stores state with its content type and ETag, merges JSON on POST, refuses merging non-JSON", async () => {
    const key: TDocumentKey = { kind: "STATE", activityId: `http://example.org/a/${randomUUID()}`, agentIfi: `mbox:mailto:${randomUUID()}@example.org` };
    await saveDocument({ key, documentId: "bookmark", contentType: "application/json", content: json({ page: 1, seen: true }), isMerge: false, preconditions: NONE });
    await saveDocument({ key, documentId: "bookmark", contentType: "application/json", content: json({ page: 2 }), isMerge: true, preconditions: NONE });
    const merged = await getDocument(key, "bookmark");
    expect(JSON.parse(merged!.content.toString())).toEqual({ page: 2, seen: true });
    expect(merged!.etag).toMatch(/^[0-9a-f]{40}$/);
    await saveDocument({ key, documentId: "note", contentType: "text/plain", content: Buffer.from("hello"), isMerge: false, preconditions: NONE });
    await expectError(saveDocument({ key, documentId: "note", contentType: "application/json", content: json({ a: 1 }), isMerge: true, preconditions: NONE }), "INVALID");
    expect(await listDocumentIds(key, null)).toEqual(["bookmark", "note"]);
    await deleteDocuments({ key, documentId: null, preconditions: NONE });
    expect(await listDocumentIds(key, null)).toEqual([]);
  });

  it("applies If-Match / If-None-Match to profiles: 412 on mismatch, 409 on a blind overwrite", async () => {
    const key: TDocumentKey = { kind: "ACTIVITY_PROFILE", activityId: `http://example.org/a/${randomUUID()}` };
    await expectError(saveDocument({ key, documentId: "p", contentType: "application/json", content: json({ v: 0 }), isMerge: false, preconditions: NONE }), "INVALID");
    await saveDocument({ key, documentId: "p", contentType: "application/json", content: json({ v: 1 }), isMerge: false, preconditions: { ifMatch: null, ifNoneMatch: "*" } });
    const { etag } = (await getDocument(key, "p"))!;
    await expectError(saveDocument({ key, documentId: "p", contentType: "application/json", content: json({ v: 2 }), isMerge: false, preconditions: NONE }), "CONFLICT");
    await expectError(saveDocument({ key, documentId: "p", contentType: "application/json", content: json({ v: 2 }), isMerge: false, preconditions: { ifMatch: '"0000"', ifNoneMatch: null } }), "PRECONDITION_FAILED");
    await expectError(saveDocument({ key, documentId: "p", contentType: "application/json", content: json({ v: 2 }), isMerge: false, preconditions: { ifMatch: null, ifNoneMatch: "*" } }), "PRECONDITION_FAILED");
    await saveDocument({ key, documentId: "p", contentType: "application/json", content: json({ v: 2 }), isMerge: false, preconditions: { ifMatch: `"${etag}"`, ifNoneMatch: null } });
    expect(JSON.parse((await getDocument(key, "p"))!.content.toString())).toEqual({ v: 2 });
    await expectError(deleteDocuments({ key, documentId: "p", preconditions: { ifMatch: `"${etag}"`, ifNoneMatch: null } }), "PRECONDITION_FAILED");
  });
});
