import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as postStatements } from "@/app/api/xapi/statements/route";
import { hashSecret } from "../auth/secret-hash";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { queryStatements } from "./query-statements";
import { projectStatements } from "../learning/project-statements";
import { storeStatements as storeWithProjection, type TStoreStatementsOptions } from "./store-statements";
import type { TJsonObject, TLrsCredentials } from "./types";
import { xapiAgentForUser } from "./xapi-identifiers";

/** As the statements route stores them: learners' progress projected in the same transaction. */
const storeStatements = (options: Omit<TStoreStatementsOptions, "project">) =>
  storeWithProjection({ ...options, project: projectStatements });

const NATIONAL: TLrsCredentials = {
  kind: "client",
  clientId: "c-national",
  key: "national",
  name: "National",
  institutionId: null,
  canRead: true,
  canWrite: true,
};

function clientOf(
  institutionId: string | null,
  rights: { canRead?: boolean; canWrite?: boolean } = {},
): TLrsCredentials {
  return {
    kind: "client",
    clientId: `c-${randomUUID()}`,
    key: `k-${randomUUID()}`,
    name: "Client",
    institutionId,
    canRead: rights.canRead ?? true,
    canWrite: rights.canWrite ?? true,
  };
}

function statement(overrides: TJsonObject = {}): TJsonObject {
  return {
    actor: { mbox: `mailto:${randomUUID()}@example.org`, name: "Ada" },
    verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed", fr: "a terminé" } },
    object: { id: `http://example.org/activities/${randomUUID()}`, definition: { name: { "en-US": "Module" } } },
    ...overrides,
  };
}

async function query(credentials: TLrsCredentials, params: Record<string, string>, languages: string[] = []) {
  return queryStatements({
    credentials,
    params: new URLSearchParams(params),
    languages,
    basePath: "/api/xapi/statements",
  });
}

async function list(credentials: TLrsCredentials, params: Record<string, string>) {
  const result = await query(credentials, params);
  if (result.kind !== "list") throw new Error("expected a list");
  return result;
}

async function expectError(promise: Promise<unknown>, code: string, message?: RegExp) {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { code?: string; message?: string } | null;
  expect(error?.code).toBe(code);
  if (message) expect(error?.message).toMatch(message);
}

describe("storing statements", () => {
  it("stores a statement with id, stored, timestamp, authority and version set by the LRS, and returns it exactly", async () => {
    const sent = statement();
    const [id] = await storeStatements({ credentials: NATIONAL, statements: [sent] });
    const result = await query(NATIONAL, { statementId: id! });
    expect(result.kind).toBe("single");
    const stored = (result as { statement: TJsonObject }).statement;
    expect(stored).toMatchObject({ ...sent, id, version: "1.0.0", authority: { account: { name: "national" } } });
    expect(stored.timestamp).toBe(stored.stored);
  });

  it("is idempotent for the same id and content and answers CONFLICT for other content", async () => {
    const id = randomUUID();
    const sent = statement({ id });
    await storeStatements({ credentials: NATIONAL, statements: [sent] });
    await expect(storeStatements({ credentials: NATIONAL, statements: [{ ...sent }] })).resolves.toEqual([id]);
    await expectError(
      storeStatements({ credentials: NATIONAL, statements: [{ ...sent, verb: { id: "http://example.org/other" } }] }),
      "CONFLICT",
    );
    expect(await db.xapiStatement.count({ where: { id } })).toBe(1);
  });

  it("stores the same statement sent concurrently once, and acknowledges every copy", async () => {
    const sent = statement({ id: randomUUID() });
    const results = await Promise.all(
      Array.from({ length: 4 }, () => storeStatements({ credentials: NATIONAL, statements: [{ ...sent }] })),
    );
    expect(results).toEqual(Array.from({ length: 4 }, () => [sent.id]));
    expect(await db.xapiStatement.count({ where: { id: sent.id as string } })).toBe(1);
  });

  it("stores a batch whole or not at all", async () => {
    const good = statement({ id: randomUUID() });
    await expectError(
      storeStatements({ credentials: NATIONAL, statements: [good, statement({ actor: { mbox: "ada@example.org" } })] }),
      "INVALID",
      /statements\[1\]\.actor\.mbox/,
    );
    expect(await db.xapiStatement.count({ where: { id: good.id as string } })).toBe(0);
    const duplicate = randomUUID();
    await expectError(
      storeStatements({
        credentials: NATIONAL,
        statements: [statement({ id: duplicate }), statement({ id: duplicate })],
      }),
      "INVALID",
      /twice/,
    );
  });

  it.each([
    [
      { actor: { mbox: "mailto:a@b.org", openid: "http://openid.example.org/a" } },
      /statement\.actor: must have exactly one/,
    ],
    [{ actor: { name: "nobody" } }, /statement\.actor: must have one inverse functional identifier/],
    [{ verb: { id: "not an iri" } }, /statement\.verb\.id/],
    [{ verb: { id: "http://example.org/v", display: { "not a tag!": "x" } } }, /statement\.verb\.display/],
    [{ result: { duration: "1 hour" } }, /statement\.result\.duration/],
    [{ result: { score: { scaled: 1.5 } } }, /statement\.result\.score\.scaled/],
    [{ result: { score: { raw: 11, min: 0, max: 10 } } }, /statement\.result\.score\.raw/],
    [{ timestamp: "2026-11-28T10:00:00-00:00" }, /statement\.timestamp/],
    [{ context: { registration: "nope" } }, /statement\.context\.registration/],
    [
      { object: { objectType: "Agent", mbox: "mailto:b@example.org" }, context: { platform: "web" } },
      /statement\.context\.platform/,
    ],
    [{ version: "0.95" }, /statement\.version/],
    [{ unknown: true }, /statement\.unknown/],
    [{ verb: { id: "http://adlnet.gov/expapi/verbs/voided" } }, /voiding statement's object must be a StatementRef/],
    [
      {
        object: {
          objectType: "SubStatement",
          actor: { mbox: "mailto:a@b.org" },
          verb: { id: "http://example.org/v" },
          object: { objectType: "SubStatement" },
        },
      },
      /must not contain a SubStatement/,
    ],
  ])("refuses an invalid statement with a message naming the field (%j)", async (overrides, message) => {
    await expectError(
      storeStatements({ credentials: NATIONAL, statements: [statement(overrides)], fieldPrefix: "statement" }),
      "INVALID",
      message,
    );
  });

  it("voids a statement: hidden from queries and statementId, found by voidedStatementId; a voiding statement cannot be voided", async () => {
    const target = statement({ id: randomUUID() });
    await storeStatements({ credentials: NATIONAL, statements: [target] });
    const voidingId = randomUUID();
    await storeStatements({
      credentials: NATIONAL,
      statements: [
        statement({
          id: voidingId,
          verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
          object: { objectType: "StatementRef", id: target.id },
        }),
      ],
    });
    await expectError(query(NATIONAL, { statementId: target.id as string }), "NOT_FOUND");
    expect(await query(NATIONAL, { voidedStatementId: target.id as string })).toMatchObject({
      kind: "single",
      statement: { id: target.id },
    });
    // Only the voiding statement, which targets the matching (voided) statement, comes back.
    expect((await list(NATIONAL, { agent: JSON.stringify(target.actor) })).statements.map((item) => item.id)).toEqual([
      voidingId,
    ]);
    await expectError(
      storeStatements({
        credentials: NATIONAL,
        statements: [
          statement({
            verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
            object: { objectType: "StatementRef", id: voidingId },
          }),
        ],
      }),
      "INVALID",
      /cannot be voided/,
    );
  });
});

describe("querying statements", () => {
  it("filters by agent, verb, activity, registration and related agents/activities, and pages with more", async () => {
    const actor = { mbox: `mailto:${randomUUID()}@example.org` };
    const activity = `http://example.org/activities/${randomUUID()}`;
    const parent = `http://example.org/courses/${randomUUID()}`;
    const registration = randomUUID();
    const statements = Array.from({ length: 5 }, () =>
      statement({
        actor,
        object: { id: activity },
        context: { registration, contextActivities: { parent: [{ id: parent }] } },
      }),
    );
    await storeStatements({ credentials: NATIONAL, statements });
    await storeStatements({ credentials: NATIONAL, statements: [statement({ actor })] });
    expect((await list(NATIONAL, { agent: JSON.stringify(actor) })).statements).toHaveLength(6);
    expect((await list(NATIONAL, { agent: JSON.stringify(actor), activity })).statements).toHaveLength(5);
    expect((await list(NATIONAL, { registration })).statements).toHaveLength(5);
    expect((await list(NATIONAL, { activity: parent })).statements).toHaveLength(0);
    expect((await list(NATIONAL, { activity: parent, related_activities: "true" })).statements).toHaveLength(5);
    expect(
      (await list(NATIONAL, { agent: JSON.stringify(actor), verb: "http://example.org/none" })).statements,
    ).toHaveLength(0);

    const first = await list(NATIONAL, { agent: JSON.stringify(actor), limit: "4", ascending: "true" });
    expect(first.statements).toHaveLength(4);
    expect(first.more).toMatch(/^\/api\/xapi\/statements\?more=/);
    const second = await list(NATIONAL, { more: new URL(first.more, "http://x").searchParams.get("more")! });
    expect(second.statements).toHaveLength(2);
    expect(second.more).toBe("");
    const ids = [...first.statements, ...second.statements].map((item) => item.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.slice(0, 5)).toEqual(statements.map((item) => (item as { id?: string }).id ?? expect.any(String)));
  });

  it("returns the statements that target a matching statement, even a voided one (spec part three §2.1.4)", async () => {
    const verb = { id: `http://example.org/verbs/${randomUUID()}` };
    const target = statement({ id: randomUUID(), verb });
    await storeStatements({ credentials: NATIONAL, statements: [target] });
    const [voiding] = await storeStatements({
      credentials: NATIONAL,
      statements: [
        statement({
          verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
          object: { objectType: "StatementRef", id: target.id },
        }),
      ],
    });
    const ids = (await list(NATIONAL, { verb: verb.id })).statements.map((item) => item.id);
    expect(ids).toEqual([voiding]);
  });

  it("answers format=ids and format=canonical", async () => {
    const sent = statement();
    const [id] = await storeStatements({ credentials: NATIONAL, statements: [sent] });
    const ids = (await query(NATIONAL, { statementId: id!, format: "ids" })) as { statement: TJsonObject };
    expect(ids.statement.actor).toEqual({ mbox: (sent.actor as TJsonObject).mbox });
    expect(ids.statement.object).toEqual({ id: (sent.object as TJsonObject).id });
    expect(ids.statement.verb).toEqual({ id: (sent.verb as TJsonObject).id });
    const canonical = (await query(NATIONAL, { statementId: id!, format: "canonical" }, ["fr"])) as unknown as {
      statement: { verb: { display: unknown } };
    };
    expect(canonical.statement.verb.display).toEqual({ fr: "a terminé" });
  });

  it("refuses unknown parameters and bad values with the parameter's name", async () => {
    await expectError(query(NATIONAL, { foo: "bar" }), "INVALID", /^foo/);
    await expectError(query(NATIONAL, { agent: "{}" }), "INVALID", /agent/);
    await expectError(query(NATIONAL, { since: "yesterday" }), "INVALID", /since/);
    await expectError(query(NATIONAL, { statementId: randomUUID(), verb: "http://example.org/v" }), "INVALID", /verb/);
  });
});

describe("xAPI 2.0 context agents and groups", () => {
  const context = {
    contextAgents: [
      {
        objectType: "contextAgent",
        agent: { mbox: "mailto:coach@example.org" },
        relevantTypes: ["http://example.org/types/coach"],
      },
    ],
    contextGroups: [
      { objectType: "contextGroup", group: { objectType: "Group", member: [{ mbox: "mailto:a@example.org" }] } },
    ],
  };

  it("accepts them under 2.0.0 and refuses them in a 1.0.x statement, naming the field", async () => {
    await expect(
      storeStatements({ credentials: NATIONAL, statements: [statement({ context })], version: "2.0.0" }),
    ).resolves.toHaveLength(1);
    await expectError(
      storeStatements({ credentials: NATIONAL, statements: [statement({ context })], version: "1.0.3" }),
      "INVALID",
      /context\.contextAgents: is not a property allowed here/,
    );
    await expectError(
      storeStatements({
        credentials: NATIONAL,
        statements: [
          statement({ context: { contextAgents: [{ objectType: "agent", agent: { mbox: "mailto:c@example.org" } }] } }),
        ],
        version: "2.0.0",
      }),
      "INVALID",
      /contextAgents\[0\]\.objectType/,
    );
  });
});

describe("activity definitions", () => {
  it("merges the language maps of one activity sent twice in the same batch (spec part three §2.5)", async () => {
    const id = `http://example.org/activities/${randomUUID()}`;
    await storeStatements({
      credentials: NATIONAL,
      statements: [
        statement({
          object: { id, definition: { name: { "en-US": "meeting" }, description: { "en-US": "a meeting" } } },
        }),
        statement({ object: { id, definition: { name: { "fr-FR": "réunion" } } } }),
      ],
    });
    const activity = await db.xapiActivity.findUniqueOrThrow({ where: { id } });
    expect(activity.definition).toEqual({
      name: { "en-US": "meeting", "fr-FR": "réunion" },
      description: { "en-US": "a meeting" },
    });
  });
});

describe("paging while batches commit out of seq order", () => {
  it("never skips a statement that took a lower seq but committed later: pages stop at the horizon, Consistent-Through stays before it", async () => {
    const registration = randomUUID();
    const blockedActivity = `http://example.org/activities/${randomUUID()}`;
    const sent = (objectId: string) =>
      statement({
        id: randomUUID(),
        object: { id: objectId, definition: { name: { en: "x" } } },
        context: { registration },
      });
    const [s0, s1, s2, s3] = [
      sent(`http://example.org/activities/${randomUUID()}`),
      sent(blockedActivity),
      sent(`http://example.org/activities/${randomUUID()}`),
      sent(`http://example.org/activities/${randomUUID()}`),
    ];
    await storeStatements({ credentials: NATIONAL, statements: [s0!] });
    // Hold s1's transaction after its INSERT took a seq: its activity-definition upsert waits on this row lock.
    await db.xapiActivity.create({ data: { id: blockedActivity, definition: {} } });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "XapiActivity" WHERE id = ${blockedActivity} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const slow = storeStatements({ credentials: NATIONAL, statements: [s1!] });
    for (let waited = 0; ; waited++) {
      const [row] = await db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'relais-lrs-store:%' AND wait_event_type = 'Lock'`;
      if (row!.n > 0) break;
      if (waited > 200) throw new Error("s1 never reached its INSERT");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await storeStatements({ credentials: NATIONAL, statements: [s2!] });
    await storeStatements({ credentials: NATIONAL, statements: [s3!] });

    // A client walks the pages while s1 is in flight...
    const seen: string[] = [];
    let page = await list(NATIONAL, { registration, ascending: "true", limit: "2" });
    const consistentThrough = page.consistentThrough;
    seen.push(...page.statements.map((item) => item.id as string));
    release();
    await holder;
    await slow;
    while (page.more) {
      page = await list(NATIONAL, { more: new URL(page.more, "http://lrs").searchParams.get("more")! });
      seen.push(...page.statements.map((item) => item.id as string));
    }
    expect(seen).toEqual([s0!.id]);
    // ...then polls for what was stored after the Consistent-Through of its first answer: nothing is lost.
    const next = await list(NATIONAL, { registration, ascending: "true", since: consistentThrough.toISOString() });
    expect([...seen, ...next.statements.map((item) => item.id as string)]).toEqual([s0!.id, s1!.id, s2!.id, s3!.id]);
  });
});

describe("related_activities (read along XapiStatementActivity)", () => {
  it("pages an activity's statements both ways, sub-statements included, combined with other filters, never voided ones nor another institution's", async () => {
    const course = `http://example.org/courses/${randomUUID()}`;
    const [a, b] = await Promise.all([createInstitution(), createInstitution()]);
    const clientA = clientOf(a.id);
    const passed = { id: "http://adlnet.gov/expapi/verbs/passed" };
    const sent = [
      statement({ object: { id: course } }),
      statement({ context: { contextActivities: { grouping: [{ id: course }] } } }),
      statement({
        verb: passed,
        context: { contextActivities: { parent: [{ id: course }], category: [{ id: course }] } },
      }),
      statement({
        object: {
          objectType: "SubStatement",
          actor: { mbox: "mailto:sub@example.org" },
          verb: passed,
          object: { id: course },
        },
      }),
      statement({ verb: passed, context: { contextActivities: { other: [{ id: course }] } } }),
    ];
    const ids: string[] = [];
    for (const item of sent) ids.push(...(await storeStatements({ credentials: clientA, statements: [item] })));
    await storeStatements({ credentials: clientOf(b.id), statements: [statement({ object: { id: course } })] });
    await storeStatements({ credentials: clientA, statements: [statement({ object: { id: `${course}/elsewhere` } })] });
    // A statement related twice to the course (object and parent) comes back once.
    const [twice] = await storeStatements({
      credentials: clientA,
      statements: [statement({ object: { id: course }, context: { contextActivities: { parent: [{ id: course }] } } })],
    });
    ids.push(twice!);
    // A voided statement is left out; the statement voiding it targets a match, so it is in (§2.1.4).
    const [voiding] = await storeStatements({
      credentials: clientA,
      statements: [
        statement({
          verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
          object: { objectType: "StatementRef", id: ids[0] },
        }),
      ],
    });
    const visible = [...ids.slice(1), voiding!];

    const pages = async (params: Record<string, string>) => {
      const seen: string[] = [];
      let page = await list(clientA, { ...params, activity: course, related_activities: "true", limit: "2" });
      for (;;) {
        seen.push(...page.statements.map((item) => item.id as string));
        if (!page.more) return seen;
        page = await list(clientA, { more: new URL(page.more, "http://x").searchParams.get("more")! });
      }
    };
    expect(await pages({})).toEqual([...visible].reverse());
    expect(await pages({ ascending: "true" })).toEqual(visible);
    // The verb filter reads the statement's own verb, not its sub-statement's.
    expect(await pages({ verb: passed.id })).toEqual([ids[4], ids[2]]);
    expect(await pages({ agent: JSON.stringify({ mbox: "mailto:sub@example.org" }) })).toEqual([]);
    // The national client also sees institution B's statement.
    expect((await list(NATIONAL, { activity: course, related_activities: "true" })).statements).toHaveLength(
      visible.length + 1,
    );
    expect(
      (await list(clientA, { activity: `http://example.org/courses/${randomUUID()}`, related_activities: "true" }))
        .statements,
    ).toEqual([]);
  });
});

describe("who may write and read", () => {
  it("a learner writes and reads only their own statements", async () => {
    const institution = await createInstitution();
    const ada = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    const bob = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    const asAda: TLrsCredentials = {
      kind: "learner",
      userId: ada.userId,
      name: ada.name,
      institutionId: ada.institutionId,
    };
    const [own] = await storeStatements({
      credentials: asAda,
      statements: [statement({ actor: xapiAgentForUser({ id: ada.userId }) })],
    });
    await expectError(
      storeStatements({ credentials: asAda, statements: [statement({ actor: xapiAgentForUser({ id: bob.userId }) })] }),
      "FORBIDDEN",
    );
    const [bobs] = await storeStatements({
      credentials: NATIONAL,
      statements: [statement({ actor: xapiAgentForUser({ id: bob.userId }) })],
    });
    expect((await list(asAda, {})).statements.map((item) => item.id)).toEqual([own]);
    await expectError(query(asAda, { statementId: bobs! }), "NOT_FOUND");
    expect(
      (await list(asAda, { agent: JSON.stringify(xapiAgentForUser({ id: bob.userId })) })).statements,
    ).toHaveLength(0);
    // Nor void someone else's statement.
    await expectError(
      storeStatements({
        credentials: asAda,
        statements: [
          statement({
            actor: xapiAgentForUser({ id: ada.userId }),
            verb: { id: "http://adlnet.gov/expapi/verbs/voided" },
            object: { objectType: "StatementRef", id: bobs },
          }),
        ],
      }),
      "FORBIDDEN",
    );
  });

  it("a client of institution A reads A's statements, never B's, and may not write about B's people", async () => {
    const a = await createInstitution();
    const b = await createInstitution();
    const learnerOfB = await createUserWithRoles({
      institutionId: b.id,
      roles: [{ role: "AGENT", institutionId: b.id }],
    });
    const clientA = clientOf(a.id);
    const clientB = clientOf(b.id);
    const [fromA] = await storeStatements({ credentials: clientA, statements: [statement()] });
    const [fromB] = await storeStatements({ credentials: clientB, statements: [statement()] });
    const [aboutB] = await storeStatements({
      credentials: NATIONAL,
      statements: [statement({ actor: xapiAgentForUser({ id: learnerOfB.userId }) })],
    });
    await expect(query(clientA, { statementId: fromA! })).resolves.toMatchObject({ kind: "single" });
    await expectError(query(clientA, { statementId: fromB! }), "NOT_FOUND");
    await expectError(query(clientA, { statementId: aboutB! }), "NOT_FOUND");
    await expect(query(clientB, { statementId: aboutB! })).resolves.toMatchObject({ kind: "single" });
    const seenByA = (await list(clientA, { limit: "500" })).statements.map((item) => item.id);
    expect(seenByA).toContain(fromA);
    expect(seenByA).not.toContain(fromB);
    await expectError(
      storeStatements({
        credentials: clientA,
        statements: [statement({ actor: xapiAgentForUser({ id: learnerOfB.userId }) })],
      }),
      "FORBIDDEN",
    );
  });

  it("a client without write or read permission gets FORBIDDEN", async () => {
    await expectError(
      storeStatements({ credentials: clientOf(null, { canWrite: false }), statements: [statement()] }),
      "FORBIDDEN",
    );
    await expectError(query(clientOf(null, { canRead: false }), {}), "FORBIDDEN");
  });
});

describe("HTTP edge", () => {
  it("accepts the alternate request syntax under 1.0.3 and refuses it under 2.0.0", async () => {
    const key = `alt-${randomUUID()}`;
    await db.lrsClient.create({ data: { name: key, key, secretHash: await hashSecret("secret") } });
    const send = (version: string) =>
      postStatements(
        new Request("http://localhost/api/xapi/statements?method=GET", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            Authorization: `Basic ${Buffer.from(`${key}:secret`).toString("base64")}`,
            "X-Experience-API-Version": version,
            limit: "1",
          }).toString(),
        }),
      );
    expect((await send("1.0.3")).status).toBe(200);
    const refused = await send("2.0.0");
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^method:/);
  });
});
