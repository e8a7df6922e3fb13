import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { clientAddress } from "./client-address";
import { hitRateLimit, longestRetryAfter, peekRateLimit, undoRateLimitHit } from "./rate-limit";

const rule = (limit: number, windowSeconds = 60) => ({ name: `test-${randomUUID()}`, limit, windowSeconds });

describe("rate limits counted in PostgreSQL", () => {
  it("concurrent hits are all counted (one atomic upsert each), as from several replicas", async () => {
    const limit = rule(10);
    const states = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit(limit, "subject")));
    expect(states.map((state) => state.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(states.filter((state) => !state.isOver)).toHaveLength(10);
    const peek = await peekRateLimit(limit, "subject");
    expect(peek).toMatchObject({ count: 40, isExhausted: true, isOver: true });
    expect(peek.retryAfterSeconds).toBeGreaterThan(0);
    expect(peek.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await peekRateLimit(limit, "someone else")).toMatchObject({ count: 0, isExhausted: false });
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
