// LRS benchmark (BENCHMARKS.md): with PREFILL statements already stored, ingestion throughput of
// POST /api/xapi/statements in batches of 1, 10 and 100 over HTTP, against the physical limit
// measured in the same run: multi-row INSERTs of the same kind of rows straight into PostgreSQL
// (same table, same indexes). Then GET by agent + activity (p50/p95) and EXPLAIN plans.
//
//   LRS_BENCH_PREFILL=10000000 npx tsx bench/lrs/run-lrs-bench.ts
// starts everything itself: the embedded cluster .data/pg-bench-lrs (kept between runs, so a
// prefill is paid once; no test recreates it), the demo LRS client (demo/demo-secret), and
// `next start` on a production build in .next-bench (delete that folder to rebuild after code
// changes). To measure a server you run yourself instead, set LRS_BENCH_URL and
// LRS_BENCH_DATABASE_URL (the server's database, with the demo LRS client).
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { extractStatementColumns } from "../../lib/lrs/statement-columns";
import type { TStoredStatement } from "../../lib/lrs/types";
import { createGenerator, type TBenchStatement } from "./generate-statements";
import { startLrsBenchServer } from "./start-lrs-bench-server";

const server = process.env.LRS_BENCH_URL
  ? undefined
  : await startLrsBenchServer({
      appPort: Number(process.env.LRS_BENCH_PORT ?? 3260),
      pgPort: Number(process.env.LRS_BENCH_PG_PORT ?? 54730),
    });
const BASE_URL = server?.baseUrl ?? process.env.LRS_BENCH_URL!;
const DATABASE_URL = server?.databaseUrl ?? process.env.LRS_BENCH_DATABASE_URL;
if (!DATABASE_URL) throw new Error("LRS_BENCH_DATABASE_URL is required with LRS_BENCH_URL");
const PREFILL = Number(process.env.LRS_BENCH_PREFILL ?? 200_000);
const CONCURRENCY = Number(process.env.LRS_BENCH_CONCURRENCY ?? 8);
const HOME_PAGE = process.env.LRS_BENCH_HOME_PAGE ?? "https://relais.example.fr";
const AUTH = `Basic ${Buffer.from("demo:demo-secret").toString("base64")}`;
const AUTHORITY = {
  objectType: "Agent",
  name: "Bench",
  account: { homePage: `${HOME_PAGE}/lrs-clients`, name: "bench" },
};

const generator = createGenerator({
  seed: 42,
  learners: 50_000,
  courses: 500,
  activitiesPerCourse: 20,
  homePage: HOME_PAGE,
});
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: CONCURRENCY });

function rowValues(statement: TBenchStatement, stored: string): unknown[] {
  const full = { ...statement, stored, authority: AUTHORITY, version: "1.0.3" } as unknown as TStoredStatement;
  const columns = extractStatementColumns(full);
  return [
    full.id,
    JSON.stringify(full),
    columns.actorIfi,
    columns.verbId,
    columns.objectActivityId,
    columns.objectStatementId,
    columns.registration,
    full.timestamp,
    stored,
    columns.relatedAgents,
    columns.relatedActivities,
  ];
}

/** The physical limit: one multi-row INSERT per batch, as the LRS writes the rows (with their XapiStatementActivity rows). */
async function rawInsert(client: pg.PoolClient | pg.Pool, statements: TBenchStatement[]): Promise<void> {
  const stored = new Date().toISOString();
  const values: unknown[] = [];
  const tuples = statements.map((statement, index) => {
    values.push(...rowValues(statement, stored));
    const offset = index * 11;
    return `(${Array.from({ length: 11 }, (_, column) => `$${offset + column + 1}`).join(",")})`;
  });
  await client.query(
    `WITH inserted AS (INSERT INTO "XapiStatement" ("id","statement","actorIfi","verbId","objectActivityId","objectStatementId","registration","timestamp","stored","relatedAgents","relatedActivities") VALUES ${tuples.join(",")} RETURNING "seq", "relatedActivities")
     INSERT INTO "XapiStatementActivity" ("activityId", "seq") SELECT unnest("relatedActivities"), "seq" FROM inserted`,
    values,
  );
}

async function postBatch(statements: TBenchStatement[]): Promise<void> {
  const response = await fetch(`${BASE_URL}/api/xapi/statements`, {
    method: "POST",
    headers: { Authorization: AUTH, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
    body: JSON.stringify(statements),
  });
  if (response.status !== 200) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/** Runs `total / batchSize` batches with CONCURRENCY workers; returns statements per second. */
async function measure(
  total: number,
  batchSize: number,
  send: (batch: TBenchStatement[]) => Promise<void>,
): Promise<number> {
  const batches = Array.from({ length: Math.ceil(total / batchSize) }, () =>
    Array.from({ length: batchSize }, () => generator.next()),
  );
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < batches.length) await send(batches[next++]!);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (batches.length * batchSize) / seconds;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function prefill(): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM "XapiStatement"`);
  let count = Number(rows[0]!.count);
  const started = Date.now();
  while (count < PREFILL) {
    await Promise.all(
      Array.from({ length: 2 }, () =>
        rawInsert(
          pool,
          Array.from({ length: 1000 }, () => generator.next()),
        ),
      ),
    );
    count += 2000;
    if (count % 100_000 === 0)
      console.log(`prefill: ${count} statements (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await pool.query(`VACUUM ANALYZE "XapiStatement"`);
  return count;
}

const stored = await prefill();
console.log(`statements stored before measuring: ${stored}`);
const ingestion: { batch: number; http: number; raw: number; ratio: number }[] = [];
for (const [batch, total] of [
  [1, 2_000],
  [10, 10_000],
  [100, 30_000],
] as const) {
  const http = await measure(total, batch, postBatch);
  const raw = await measure(total, batch, (statements) => rawInsert(pool, statements));
  ingestion.push({ batch, http: Math.round(http), raw: Math.round(raw), ratio: Math.round((http / raw) * 100) / 100 });
  console.log(
    `batch ${batch}: HTTP ${Math.round(http)} st/s, raw INSERT ${Math.round(raw)} st/s, ratio ${(http / raw).toFixed(2)}`,
  );
}

/** p50/p95 of `requests` sequential GETs over HTTP, each with the query `queryOf` builds. */
async function measureGet(
  requests: number,
  queryOf: () => Record<string, string>,
): Promise<{ p50: number; p95: number }> {
  const latencies: number[] = [];
  for (let index = 0; index < requests; index++) {
    const query = new URLSearchParams(queryOf());
    const started = process.hrtime.bigint();
    const response = await fetch(`${BASE_URL}/api/xapi/statements?${query}`, {
      headers: { Authorization: AUTH, "X-Experience-API-Version": "1.0.3" },
    });
    if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
    await response.arrayBuffer();
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50: Math.round(percentile(latencies, 50) * 10) / 10, p95: Math.round(percentile(latencies, 95) * 10) / 10 };
}

const courseOf = (activity: string) => activity.replace(/\/activities\/a-\d+$/, "");
const get = await measureGet(500, () => {
  const pair = generator.samplePair();
  return { agent: JSON.stringify(pair.agent), activity: pair.activity, limit: "50" };
});
console.log(`GET agent+activity: p50 ${get.p50} ms, p95 ${get.p95} ms`);
// A course's statements, its activities' included (a trainer's or a report's query).
const getRelated = await measureGet(200, () => ({
  activity: courseOf(generator.samplePair().activity),
  related_activities: "true",
  limit: "100",
}));
console.log(`GET course + related_activities: p50 ${getRelated.p50} ms, p95 ${getRelated.p95} ms`);
// An activity no statement mentions: the worst case for a plan that walks the seq index.
const getUnknown = await measureGet(20, () => ({
  activity: `${HOME_PAGE}/xapi/activities/courses/unknown-${randomUUID()}`,
  related_activities: "true",
  limit: "100",
}));
console.log(`GET unknown activity + related_activities: p50 ${getUnknown.p50} ms, p95 ${getUnknown.p95} ms`);

const pair = generator.samplePair();
const ifi = `account:${(pair.agent as { account: { homePage: string; name: string } }).account.homePage} ${(pair.agent as { account: { name: string } }).account.name}`;
const explain = async (sql: string, values: unknown[]) =>
  (
    await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS OFF, TIMING OFF, SUMMARY OFF) ${sql}`, values)
  ).rows
    .map((row) => row["QUERY PLAN"])
    .join("\n");
const RELATED_ACTIVITY_SQL = `SELECT s."seq", s."statement" FROM "XapiStatementActivity" a JOIN "XapiStatement" s ON s."seq" = a."seq" WHERE a."activityId" = $1 AND s."isVoided" = false ORDER BY a."seq" DESC LIMIT 101`;
const plans = {
  agentActivity: await explain(
    `SELECT "seq","statement" FROM "XapiStatement" WHERE "isVoided" = false AND "actorIfi" = $1 AND "objectActivityId" = $2 ORDER BY "seq" DESC LIMIT 51`,
    [ifi, pair.activity],
  ),
  // As lib/lrs/find-referencing-statements.ts reads activity + related_activities.
  relatedActivity: await explain(RELATED_ACTIVITY_SQL, [courseOf(pair.activity)]),
  unknownActivity: await explain(RELATED_ACTIVITY_SQL, [`${HOME_PAGE}/xapi/activities/courses/unknown`]),
  verbPage: await explain(
    `SELECT "seq","statement" FROM "XapiStatement" WHERE "isVoided" = false AND "verbId" = $1 ORDER BY "seq" DESC LIMIT 101`,
    ["http://adlnet.gov/expapi/verbs/passed"],
  ),
};
const { rows: sizeRows } = await pool.query<{ table: string; total: string }>(
  `SELECT pg_size_pretty(pg_relation_size('"XapiStatement"')) AS table, pg_size_pretty(pg_total_relation_size('"XapiStatement"')) AS total`,
);
const result = {
  date: new Date().toISOString(),
  storedBeforeMeasuring: stored,
  concurrency: CONCURRENCY,
  ingestion,
  get,
  getRelated,
  getUnknown,
  plans,
  size: sizeRows[0],
};
writeFileSync(path.join(import.meta.dirname, "results.json"), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result, null, 2));
await pool.end();
await server?.stop();
