import { randomUUID } from "node:crypto";
import { test, expect, type APIRequestContext } from "@playwright/test";
import { signInAs } from "../support/auth";

const BASIC = `Basic ${Buffer.from("demo:demo-secret").toString("base64")}`;
const XAPI = { "X-Experience-API-Version": "1.0.3" };
const AUTHED = { ...XAPI, Authorization: BASIC };

function statement(actor: object, id = randomUUID()) {
  return {
    id,
    actor,
    verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
    object: { id: `http://example.org/activities/${randomUUID()}` },
  };
}

async function sessionUserId(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get("/api/auth/session")).json()) as { userId: string };
  return session.userId;
}

function learnerAgent(baseURL: string, userId: string) {
  return { objectType: "Agent", account: { homePage: baseURL, name: userId } };
}

test("About is public; the other resources need credentials and the version header", async ({ request }) => {
  const about = await request.get("/api/xapi/about");
  expect(about.status()).toBe(200);
  expect(((await about.json()) as { version: string[] }).version).toContain("1.0.3");
  expect((await request.get("/api/xapi/statements", { headers: XAPI })).status()).toBe(401);
  const wrong = await request.get("/api/xapi/statements", {
    headers: { ...XAPI, Authorization: `Basic ${Buffer.from("demo:nope").toString("base64")}` },
  });
  expect(wrong.status()).toBe(401);
  expect((await request.get("/api/xapi/statements", { headers: { Authorization: BASIC } })).status()).toBe(400);
});

test("a Basic client stores, reads, conflicts and gets field-named 400s over HTTP", async ({ request }) => {
  const sent = statement({ mbox: `mailto:${randomUUID()}@example.org` });
  const put = await request.put(`/api/xapi/statements?statementId=${sent.id}`, { headers: AUTHED, data: sent });
  expect(put.status()).toBe(204);
  expect(
    (await request.put(`/api/xapi/statements?statementId=${sent.id}`, { headers: AUTHED, data: sent })).status(),
  ).toBe(204);
  const conflict = await request.put(`/api/xapi/statements?statementId=${sent.id}`, {
    headers: AUTHED,
    data: { ...sent, verb: { id: "http://example.org/other" } },
  });
  expect(conflict.status()).toBe(409);

  const got = await request.get(`/api/xapi/statements?statementId=${sent.id}`, { headers: AUTHED });
  expect(got.status()).toBe(200);
  expect(got.headers()["x-experience-api-consistent-through"]).toBeTruthy();
  expect(await got.json()).toMatchObject({ id: sent.id, verb: sent.verb, authority: { account: { name: "demo" } } });
  const head = await request.head(`/api/xapi/statements?statementId=${sent.id}`, { headers: AUTHED });
  expect(head.status()).toBe(200);
  expect(await head.text()).toBe("");

  const bad = await request.post("/api/xapi/statements", {
    headers: AUTHED,
    data: [statement({ mbox: "not-an-email" })],
  });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { message: string }).message).toContain("statements[0].actor.mbox");
  const tooLarge = await request.post("/api/xapi/statements", {
    headers: { ...AUTHED, "Content-Type": "application/json" },
    data: "x".repeat(11 * 1024 * 1024),
  });
  expect(tooLarge.status()).toBe(413);
});

test("a learner writes and reads only their own statements through their session", async ({ page, baseURL }) => {
  await signInAs(page, "agent@relais.test");
  const request = page.request;
  const self = learnerAgent(baseURL!, await sessionUserId(request));
  const own = statement(self);
  const posted = await request.post("/api/xapi/statements", { headers: XAPI, data: own });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toEqual([own.id]);

  const someoneElse = statement(learnerAgent(baseURL!, "someone-else"));
  expect((await request.post("/api/xapi/statements", { headers: XAPI, data: someoneElse })).status()).toBe(403);
  const byClient = statement({ mbox: `mailto:${randomUUID()}@example.org` });
  expect((await request.post("/api/xapi/statements", { headers: AUTHED, data: byClient })).status()).toBe(200);

  expect((await request.get(`/api/xapi/statements?statementId=${own.id}`, { headers: XAPI })).status()).toBe(200);
  expect((await request.get(`/api/xapi/statements?statementId=${byClient.id}`, { headers: XAPI })).status()).toBe(404);
  const mine = (await (await request.get("/api/xapi/statements?limit=500", { headers: XAPI })).json()) as {
    statements: { actor: unknown }[];
  };
  expect(mine.statements.length).toBeGreaterThan(0);
  for (const item of mine.statements) expect(item.actor).toMatchObject({ account: self.account });

  const otherState = `/api/xapi/activities/state?activityId=${encodeURIComponent("http://example.org/a")}&agent=${encodeURIComponent(JSON.stringify(someoneElse.actor))}&stateId=bookmark`;
  expect((await request.get(otherState, { headers: XAPI })).status()).toBe(403);
});
