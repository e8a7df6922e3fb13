import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getStatements } from "@/app/api/xapi/statements/route";
import { hashSecret, verifySecret } from "../auth/secret-hash";
import { db } from "../db";
import { LRS_FAILURES_PER_ADDRESS, LRS_FAILURES_PER_KEY } from "./authenticate-lrs-request";

// Issue 12 §3: wrong secrets for a public key are throttled per key and per client address,
// counted in PostgreSQL; scrypt never holds the event loop.
function getWith(options: { key: string; secret: string; address: string }) {
  const authorization = `Basic ${Buffer.from(`${options.key}:${options.secret}`).toString("base64")}`;
  return getStatements(
    new Request("http://localhost/api/xapi/statements?limit=1", {
      headers: { authorization, "x-experience-api-version": "1.0.3", "x-forwarded-for": options.address },
    }),
  );
}

const randomAddress = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;

async function createClient() {
  const key = `thr-${randomUUID()}`;
  await db.lrsClient.create({
    data: { name: key, key, secretHash: await hashSecret("right"), canRead: true, canWrite: false },
  });
  return key;
}

describe("LRS Basic authentication throttle", () => {
  it("after the allowance of wrong secrets for a key: 429 with Retry-After, before any scrypt; the verified owner keeps working", async () => {
    const key = await createClient();
    // The real client authenticated once on this replica before the attack.
    expect((await getWith({ key, secret: "right", address: randomAddress() })).status).toBe(200);
    const statuses = [];
    for (let attempt = 0; attempt < LRS_FAILURES_PER_KEY.limit; attempt++)
      statuses.push((await getWith({ key, secret: `wrong-${attempt}`, address: randomAddress() })).status);
    expect(statuses).toEqual(Array.from({ length: LRS_FAILURES_PER_KEY.limit }, () => 401));
    const throttled = await getWith({ key, secret: "wrong-again", address: randomAddress() });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await throttled.json()).toMatchObject({ error: "TOO_MANY_REQUESTS" });
    expect((await getWith({ key, secret: "right", address: randomAddress() })).status).toBe(200);
  });

  it("concurrent guesses cannot all slip under the limit: exactly the allowance is tried", async () => {
    const key = await createClient();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, attempt) => getWith({ key, secret: `w${attempt}`, address: randomAddress() })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LRS_FAILURES_PER_KEY.limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25 - LRS_FAILURES_PER_KEY.limit);
  });

  it("one address trying many keys (unknown ones included) is throttled; another address is not", async () => {
    const address = randomAddress();
    for (let attempt = 0; attempt < LRS_FAILURES_PER_ADDRESS.limit; attempt++)
      expect((await getWith({ key: `nokey-${randomUUID()}`, secret: "x", address })).status).toBe(401);
    const key = await createClient();
    expect((await getWith({ key, secret: "right", address })).status).toBe(429);
    expect((await getWith({ key, secret: "right", address: randomAddress() })).status).toBe(200);
  });

  it("scrypt runs off the event loop: other work proceeds while a secret is verified", async () => {
    const stored = await hashSecret("secret");
    let hasOtherWorkRun = false;
    setImmediate(() => (hasOtherWorkRun = true));
    // scryptSync would finish the whole verification before the event loop turns once.
    expect(await verifySecret("wrong", stored)).toBe(false);
    expect(hasOtherWorkRun).toBe(true);
    expect(await verifySecret("secret", stored)).toBe(true);
  });
});
