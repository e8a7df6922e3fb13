import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { clientAddress } from "./client-address";
import { hitRateLimit, knownRefusal, longestRetryAfter, peekRateLimit, undoRateLimitHit } from "./rate-limit";

const rule = (limit: number, windowSeconds = 60) => ({ name: `test-${randomUUID()}`, limit, windowSeconds });

describe("rate limits counted in PostgreSQL", () => {
  it("concurrent hits: exactly the allowance passes; hits this replica knows to be over never reach the database", async () => {
    const limit = rule(10);
    const states = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(limit, "subject")));
    expect(states.filter((state) => !state.isOver)).toHaveLength(10);
    expect(states.filter((state) => state.isOver).every((state) => state.retryAfterSeconds > 0)).toBe(true);
    const peek = await peekRateLimit(limit, "subject");
    expect(peek).toMatchObject({ count: 10, isExhausted: true, isOver: false });
    expect(peek.retryAfterSeconds).toBeGreaterThan(0);
    expect(peek.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(knownRefusal(limit, "subject")).toBeGreaterThan(0);
    expect(await peekRateLimit(limit, "someone else")).toMatchObject({ count: 0, isExhausted: false });
    expect(knownRefusal(limit, "someone else")).toBeNull();
  });

  it("counts made by other replicas are shared: a bucket they filled refuses here too", async () => {
    const limit = rule(3, 120);
    // Another replica has used the whole allowance; this one has never seen the subject.
    await db.rateLimitBucket.create({
      data: { key: `${limit.name}:shared`, count: 3, expiresAt: new Date(Date.now() + 120_000) },
    });
    expect(knownRefusal(limit, "shared")).toBeNull();
    const state = await hitRateLimit(limit, "shared");
    expect(state).toMatchObject({ count: 4, isOver: true });
    expect(knownRefusal(limit, "shared")).toBeGreaterThan(100);
    expect((await hitRateLimit(limit, "shared")).isOver).toBe(true);
    expect(await peekRateLimit(limit, "shared")).toMatchObject({ count: 4 });
  });

  it("a window that has ended starts again at 1; an undone hit is given back", async () => {
    const limit = rule(2, 600);
    await hitRateLimit(limit, "a");
    expect((await hitRateLimit(limit, "a")).isExhausted).toBe(true);
    await undoRateLimitHit(limit, "a");
    expect(await peekRateLimit(limit, "a")).toMatchObject({ count: 1, isExhausted: false });
    await db.rateLimitBucket.update({
      where: { key: `${limit.name}:a` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await peekRateLimit(limit, "a")).toMatchObject({ count: 0 });
    expect(await hitRateLimit(limit, "a")).toMatchObject({ count: 1, isExhausted: false });
    expect((await peekRateLimit(limit, "a")).retryAfterSeconds).toBeGreaterThan(590);
  });

  it("a new bucket sweeps expired ones, so the table does not grow with every address ever seen", async () => {
    const limit = rule(5);
    await db.rateLimitBucket.create({
      data: { key: `${limit.name}:old`, count: 3, expiresAt: new Date(Date.now() - 60_000) },
    });
    await hitRateLimit(limit, "fresh");
    expect(await db.rateLimitBucket.count({ where: { key: `${limit.name}:old` } })).toBe(0);
  });

  it("the longest wait among refused states", () => {
    const state = (isOver: boolean, retryAfterSeconds: number) => ({
      count: 0,
      isExhausted: isOver,
      isOver,
      retryAfterSeconds,
    });
    expect(longestRetryAfter([state(false, 100), state(true, 20), state(true, 40)], (s) => s.isOver)).toBe(40);
    expect(longestRetryAfter([state(false, 100)], (s) => s.isOver)).toBeNull();
  });

  it("the client address is the entry written by the outermost trusted proxy", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), 1)).toBe("::ffff:127.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "<script>" }), 1)).toBe("unknown");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });
});
