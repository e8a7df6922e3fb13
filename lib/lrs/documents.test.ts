import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getState, PUT as putState } from "@/app/api/xapi/activities/state/route";
import { hashSecret } from "../auth/secret-hash";
import { db } from "../db";
import { createInstitution } from "../../testing/fixtures";
import { deleteDocuments, getDocument, listDocumentIds, saveDocument, type TDocumentKey } from "./documents";

const NONE = { ifMatch: null, ifNoneMatch: null };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

async function expectError(promise: Promise<unknown>, code: string) {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { code?: string } | null;
  expect(error?.code).toBe(code);
}

describe("document resources", () => {
  it("stores state with its content type and ETag, merges JSON on POST, refuses merging non-JSON", async () => {
    const key: TDocumentKey = {
      scope: "",
      kind: "STATE",
      activityId: `http://example.org/a/${randomUUID()}`,
      agentIfi: `mbox:mailto:${randomUUID()}@example.org`,
    };
    await saveDocument({
      key,
      documentId: "bookmark",
      contentType: "application/json",
      content: json({ page: 1, seen: true }),
      isMerge: false,
      preconditions: NONE,
    });
    await saveDocument({
      key,
      documentId: "bookmark",
      contentType: "application/json",
      content: json({ page: 2 }),
      isMerge: true,
      preconditions: NONE,
    });
    const merged = await getDocument(key, "bookmark");
    expect(JSON.parse(merged!.content.toString())).toEqual({ page: 2, seen: true });
    expect(merged!.etag).toMatch(/^[0-9a-f]{40}$/);
    await saveDocument({
      key,
      documentId: "note",
      contentType: "text/plain",
      content: Buffer.from("hello"),
      isMerge: false,
      preconditions: NONE,
    });
    await expectError(
      saveDocument({
        key,
        documentId: "note",
        contentType: "application/json",
        content: json({ a: 1 }),
        isMerge: true,
        preconditions: NONE,
      }),
      "INVALID",
    );
    expect(await listDocumentIds(key, null)).toEqual(["bookmark", "note"]);
    await deleteDocuments({ key, documentId: null, preconditions: NONE });
    expect(await listDocumentIds(key, null)).toEqual([]);
  });

  it("applies If-Match / If-None-Match to profiles: 412 on mismatch, 409 on a blind overwrite", async () => {
    const key: TDocumentKey = {
      scope: "",
      kind: "ACTIVITY_PROFILE",
      activityId: `http://example.org/a/${randomUUID()}`,
    };
    await expectError(
      saveDocument({
        key,
        documentId: "p",
        contentType: "application/json",
        content: json({ v: 0 }),
        isMerge: false,
        preconditions: NONE,
      }),
      "INVALID",
    );
    await saveDocument({
      key,
      documentId: "p",
      contentType: "application/json",
      content: json({ v: 1 }),
      isMerge: false,
      preconditions: { ifMatch: null, ifNoneMatch: "*" },
    });
    const { etag } = (await getDocument(key, "p"))!;
    await expectError(
      saveDocument({
        key,
        documentId: "p",
        contentType: "application/json",
        content: json({ v: 2 }),
        isMerge: false,
        preconditions: NONE,
      }),
      "CONFLICT",
    );
    await expectError(
      saveDocument({
        key,
        documentId: "p",
        contentType: "application/json",
        content: json({ v: 2 }),
        isMerge: false,
        preconditions: { ifMatch: '"0000"', ifNoneMatch: null },
      }),
      "PRECONDITION_FAILED",
    );
    await expectError(
      saveDocument({
        key,
        documentId: "p",
        contentType: "application/json",
        content: json({ v: 2 }),
        isMerge: false,
        preconditions: { ifMatch: null, ifNoneMatch: "*" },
      }),
      "PRECONDITION_FAILED",
    );
    await saveDocument({
      key,
      documentId: "p",
      contentType: "application/json",
      content: json({ v: 2 }),
      isMerge: false,
      preconditions: { ifMatch: `"${etag}"`, ifNoneMatch: null },
    });
    expect(JSON.parse((await getDocument(key, "p"))!.content.toString())).toEqual({ v: 2 });
    await expectError(
      deleteDocuments({ key, documentId: "p", preconditions: { ifMatch: `"${etag}"`, ifNoneMatch: null } }),
      "PRECONDITION_FAILED",
    );
  });

  it("creates the same new document from concurrent requests without an error: the later writes see the first", async () => {
    const key: TDocumentKey = {
      scope: "",
      kind: "STATE",
      activityId: `http://example.org/a/${randomUUID()}`,
      agentIfi: `mbox:mailto:${randomUUID()}@example.org`,
    };
    const puts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        saveDocument({
          key,
          documentId: "s",
          contentType: "application/json",
          content: json({ index }),
          isMerge: false,
          preconditions: NONE,
        }),
      ),
    );
    expect(puts.map((put) => put.status)).toEqual(Array.from({ length: 8 }, () => "fulfilled"));
    expect(await db.xapiDocument.count({ where: { activityId: key.activityId!, documentId: "s" } })).toBe(1);

    // Concurrent merges of a new document: every key survives (no lost update).
    const merges = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        saveDocument({
          key,
          documentId: "m",
          contentType: "application/json",
          content: json({ [`k${index}`]: index }),
          isMerge: true,
          preconditions: NONE,
        }),
      ),
    );
    expect(merges.map((merge) => merge.status)).toEqual(Array.from({ length: 8 }, () => "fulfilled"));
    expect(Object.keys(JSON.parse((await getDocument(key, "m"))!.content.toString()) as object).sort()).toEqual([
      "k0",
      "k1",
      "k2",
      "k3",
      "k4",
      "k5",
      "k6",
      "k7",
    ]);

    // "Create only if absent" from concurrent writers: one wins, the others get 412, none a 500.
    const profileKey: TDocumentKey = {
      scope: "",
      kind: "ACTIVITY_PROFILE",
      activityId: `http://example.org/a/${randomUUID()}`,
    };
    const creates = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        saveDocument({
          key: profileKey,
          documentId: "p",
          contentType: "application/json",
          content: json({ index }),
          isMerge: false,
          preconditions: { ifMatch: null, ifNoneMatch: "*" },
        }).then(
          () => "created",
          (error: { code?: string }) => error.code ?? "unexpected",
        ),
      ),
    );
    expect(creates.filter((result) => result === "created")).toHaveLength(1);
    expect(creates.filter((result) => result !== "created")).toEqual(
      Array.from({ length: 5 }, () => "PRECONDITION_FAILED"),
    );
  });

  it("keeps each institution's documents apart: another institution's client neither reads nor overwrites them", async () => {
    const [a, b] = await Promise.all([createInstitution(), createInstitution()]);
    const [headersA, headersB] = await Promise.all(
      ([a, b] as const).map(async (institution) => {
        const key = `doc-${randomUUID()}`;
        await db.lrsClient.create({
          data: { name: key, key, secretHash: await hashSecret("secret"), institutionId: institution.id },
        });
        return {
          authorization: `Basic ${Buffer.from(`${key}:secret`).toString("base64")}`,
          "x-experience-api-version": "1.0.3",
        };
      }),
    );
    const url = `http://localhost/api/xapi/activities/state?${new URLSearchParams({ activityId: `http://example.org/a/${randomUUID()}`, agent: JSON.stringify({ mbox: "mailto:ada@example.org" }), stateId: "bookmark" })}`;
    expect(
      (
        await putState(
          new Request(url, {
            method: "PUT",
            headers: { ...headersA, "content-type": "application/json" },
            body: JSON.stringify({ page: 3 }),
          }),
        )
      ).status,
    ).toBe(204);
    expect((await getState(new Request(url, { headers: headersB }))).status).toBe(404);
    expect(
      (
        await putState(
          new Request(url, {
            method: "PUT",
            headers: { ...headersB, "content-type": "application/json" },
            body: JSON.stringify({ page: 9 }),
          }),
        )
      ).status,
    ).toBe(204);
    expect(await (await getState(new Request(url, { headers: headersA }))).json()).toEqual({ page: 3 });
    expect(await (await getState(new Request(url, { headers: headersB }))).json()).toEqual({ page: 9 });
  });

  it("answers 409 to a State PUT without precondition over an existing document under xAPI 2.0 only", async () => {
    const key: TDocumentKey = {
      scope: "",
      kind: "STATE",
      activityId: `http://example.org/a/${randomUUID()}`,
      agentIfi: `mbox:mailto:${randomUUID()}@example.org`,
    };
    await saveDocument({
      key,
      documentId: "s",
      contentType: "application/json",
      content: json({ v: 1 }),
      isMerge: false,
      preconditions: NONE,
      isVersion2: true,
    });
    await expectError(
      saveDocument({
        key,
        documentId: "s",
        contentType: "application/json",
        content: json({ v: 2 }),
        isMerge: false,
        preconditions: NONE,
        isVersion2: true,
      }),
      "CONFLICT",
    );
    expect(JSON.parse((await getDocument(key, "s"))!.content.toString())).toEqual({ v: 1 });
    await saveDocument({
      key,
      documentId: "s",
      contentType: "application/json",
      content: json({ v: 3 }),
      isMerge: false,
      preconditions: NONE,
    });
    expect(JSON.parse((await getDocument(key, "s"))!.content.toString())).toEqual({ v: 3 });
  });
});
