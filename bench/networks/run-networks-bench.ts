// Networks benchmark: 10,000 networks, 200,000 memberships, 1,000,000 posts generated
// in SQL, then, in the same run, each measured path against a baseline:
//   thread page   page 20 of a 1,001-post thread (getThreadPage: positions on one index range)
//                 vs the naive OFFSET over the thread's posts ordered by date;
//   front page    a network's front page (getNetworkPage: kept counters, one index range)
//                 vs counting replies per thread from the posts (no counters);
//   search        ranked French full-text search (searchThreads: generated tsvector + GIN)
//                 vs ILIKE over the same readable posts (the un-indexed path);
//   posting       a reply (replyToThread: thread lock, rate limit, counters, notifications)
//                 vs the same insert with counters recounted from the tables.
// Server time = the call in this process against PostgreSQL (no HTTP), median and p95 of the runs.
//
//   npx tsx --import ./bench/networks/register-hooks.mjs bench/networks/run-networks-bench.ts
// Uses its own database on the kept cluster .data/pg-bench-networks (start it with
// bench/networks/keep-cluster.ts or let this script start it); writes bench/networks/results.json.
// BENCH_REUSE=1 keeps data generated earlier with the same volumes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../../lib/db/local-database";
import { migrateDatabase, recreateDatabase } from "../../lib/db/migrate";

const NETWORKS = Number(process.env.BENCH_NETWORKS ?? 10_000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200_000);
const USERS = Number(process.env.BENCH_USERS ?? 50_000);
const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const handle = await resolveDatabase({
  cluster: "pg-bench-networks",
  database: "relais_bench",
  preferredPort: Number(process.env.BENCH_PG_PORT ?? 54453),
});
process.env.DATABASE_URL = handle.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
const volumes = `networks=${NETWORKS} members=${MEMBERS} users=${USERS} posts=${POSTS}`;
const pg = (await import("pg")).default;

async function adminQuery<T extends object>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: handle.databaseUrl.replace(/\/relais_bench$/, "/postgres") });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
const generated = async () =>
  (
    await adminQuery<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = 'relais_bench'`,
    )
  )[0]?.comment ?? null;
const isReused = process.env.BENCH_REUSE === "1" && (await generated()) === volumes;
if (!isReused) await recreateDatabase(handle.databaseUrl);
await migrateDatabase({ databaseUrl: handle.databaseUrl });
const { db, Prisma } = await import("../../lib/db");
const { loadActor } = await import("../../lib/auth/load-actor");
const { getThreadPage } = await import("../../lib/networks/get-thread-page");
const { getNetworkPage } = await import("../../lib/networks/get-network-page");
const { searchThreads } = await import("../../lib/networks/search-threads");
const { replyToThread } = await import("../../lib/networks/reply-to-thread");
const { readableNetworkSql } = await import("../../lib/networks/network-access");

if (!isReused) {
  const started = Date.now();
  const gin = await db.$queryRaw<{ name: string; definition: string }[]>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes
    WHERE tablename IN ('NetworkPost', 'NetworkThread') AND indexdef LIKE '%USING gin%'`;
  for (const index of gin) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  const sql = readFileSync(path.join(import.meta.dirname, "generate-network-data.sql"), "utf8").replace(
    /:(networks|members|users|posts)\b/g,
    (_, key: string) => String({ networks: NETWORKS, members: MEMBERS, users: USERS, posts: POSTS }[key]),
  );
  const statements = sql
    .split(/;\s*\n/)
    .map((part) => part.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);
  await db.$transaction(
    async (tx) => {
      for (const statement of statements) {
        const t0 = Date.now();
        await tx.$executeRawUnsafe(statement);
        console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s  ${statement.slice(0, 70).replace(/\s+/g, " ")}`);
      }
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
  for (const index of gin) {
    const t0 = Date.now();
    await db.$executeRawUnsafe(index.definition);
    console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s  ${index.definition}`);
  }
  await db.$executeRawUnsafe(`ANALYZE`);
  await adminQuery(`COMMENT ON DATABASE relais_bench IS '${volumes}'`);
  console.log(`generated ${volumes} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const counts = (
  await db.$queryRaw<{ networks: bigint; members: bigint; posts: bigint; threads: bigint }[]>`
    SELECT (SELECT count(*) FROM "Network") AS networks, (SELECT count(*) FROM "NetworkMember") AS members,
           (SELECT count(*) FROM "NetworkPost") AS posts, (SELECT count(*) FROM "NetworkThread") AS threads`
)[0]!;
console.log(counts);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)), runs: samples.length };
}
async function time(runs: number, run: (i: number) => Promise<unknown>) {
  await run(-1); // warm-up (plans, caches), not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const reader = (await loadActor("bench-user-5"))!;
const bigThread = "bench-thread-big";
const results: Record<
  string,
  { measured: ReturnType<typeof stats>; baseline: ReturnType<typeof stats>; what: string }
> = {};

results.threadPage = {
  what: "page 20 (posts 476-500) of a 1,001-post thread",
  measured: await time(RUNS, () => getThreadPage(reader, { threadId: bigThread, page: 20 })),
  baseline: await time(
    RUNS,
    () =>
      db.$queryRaw`SELECT id, body, "authorId", "createdAt" FROM "NetworkPost" WHERE "threadId" = ${bigThread}
                 ORDER BY "createdAt", id OFFSET 475 LIMIT 25`,
  ),
};
results.frontPage = {
  what: "front page of the network with the 1,001-post thread (20 threads, counts, resources, events)",
  measured: await time(RUNS, () => getNetworkPage(reader, { slug: "reseau-0" })),
  baseline: await time(
    RUNS,
    () =>
      db.$queryRaw`SELECT t.id, t.title, count(p.id) - 1 AS replies, max(p."createdAt") AS last
                 FROM "NetworkThread" t JOIN "NetworkPost" p ON p."threadId" = t.id
                 WHERE t."networkId" = 'bench-net-0' GROUP BY t.id, t.title ORDER BY last DESC LIMIT 20`,
  ),
};
const readable = readableNetworkSql(reader);
for (const [key, q, like] of [
  ["searchTypical", "habilitation électrique", "%habilitation%"],
  ["searchCommonWord", "formation", "%formation%"],
] as const) {
  const hits = await searchThreads(reader, { q });
  results[key] = {
    what: `search "${q}" over the threads readable by an agent (${hits.length} shown)`,
    measured: await time(RUNS, () => searchThreads(reader, { q })),
    baseline: await time(Math.min(RUNS, 3), () =>
      db.$queryRaw(Prisma.sql`SELECT DISTINCT p."threadId" FROM "NetworkPost" p JOIN "Network" n ON n.id = p."networkId"
                   WHERE p."bodyText" ILIKE ${like} AND NOT p."isHidden" AND ${readable} LIMIT 20`),
    ),
  };
}
// Posting: each run by another member of network 0 (the rate limit counts per person).
const posters = await Promise.all(Array.from({ length: RUNS + 1 }, (_, i) => loadActor(`bench-user-${100 + i}`)));
const body = JSON.stringify({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Une réponse mesurée par le banc d'essai." }] }],
});
results.posting = {
  what: "a reply in the 1,001-post thread (lock, rate limit, counters, followers' notifications)",
  measured: await time(RUNS, (i) => replyToThread(posters[i + 1]!, { threadId: bigThread, body })),
  baseline: await time(RUNS, (i) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "NetworkPost" (id, "threadId", "networkId", "authorId", position, body, "bodyText")
        SELECT ${`baseline-${Date.now()}-${i}`}, ${bigThread}, 'bench-net-0', 'bench-user-1', max(position) + 1, '{}'::jsonb, 'baseline'
        FROM "NetworkPost" WHERE "threadId" = ${bigThread}`;
      await tx.$executeRaw`UPDATE "Network" SET "threadCount" = (SELECT count(*) FROM "NetworkThread" WHERE "networkId" = 'bench-net-0'),
        "lastActivityAt" = (SELECT max("createdAt") FROM "NetworkPost" WHERE "networkId" = 'bench-net-0') WHERE id = 'bench-net-0'`;
      await tx.$executeRaw`UPDATE "NetworkThread" SET "postCount" = (SELECT count(*) FROM "NetworkPost" WHERE "threadId" = ${bigThread}) WHERE id = ${bigThread}`;
    }),
  ),
};
await db.$executeRaw`DELETE FROM "NetworkPost" WHERE id LIKE 'baseline-%'`;

const load = (await import("node:os")).loadavg()[0]!.toFixed(2);
const output = { volumes: counts, load, runs: RUNS, at: new Date().toISOString(), results };
writeFileSync(
  path.join(import.meta.dirname, "results.json"),
  JSON.stringify(output, (_, value: unknown) => (typeof value === "bigint" ? Number(value) : value), 2),
);
for (const [name, result] of Object.entries(results))
  console.log(
    `${name.padEnd(18)} ${String(result.measured.median).padStart(8)} ms (p95 ${result.measured.p95})   baseline ${result.baseline.median} ms (p95 ${result.baseline.p95})   ${result.what}`,
  );
console.log(`load ${load}`);
await db.$disconnect();
if (!handle.embedded?.isReused) await handle.embedded?.stop();
