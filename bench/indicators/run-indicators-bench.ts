// Indicators benchmark (issue 6): the national dashboard for one year broken down by region,
// (A) as the dashboards compute it today — load the period's raw rows (enrolments, present
// slots, surveys, headcounts) and apply the written definitions in lib/indicators — against
// (B) the same headline figures (trainees, hours) aggregated by PostgreSQL in one query. Both
// run in the same process on the same data, and B is checked to equal A.
//
//   BENCH_AGENTS=200000 npx tsx --conditions=react-server bench/indicators/run-indicators-bench.ts
// (react-server: lib/db is marked server-only.) Uses its own database on the embedded cluster
// .data/pg-bench-indicators; writes bench/indicators/results.json.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../../lib/db/local-database";
import { migrateDatabase, recreateDatabase } from "../../lib/db/migrate";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const handle = await resolveDatabase({ cluster: "pg-bench-indicators", database: "relais_bench", preferredPort: Number(process.env.BENCH_PG_PORT ?? 54720) });
process.env.DATABASE_URL = handle.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";

await recreateDatabase(handle.databaseUrl);
await migrateDatabase({ databaseUrl: handle.databaseUrl });
const { db } = await import("../../lib/db");
const { loadIndicatorFacts } = await import("../../lib/indicators/load-indicator-facts");
const { computeIndicators } = await import("../../lib/indicators/compute-indicators");

const started = performance.now();
const sql = readFileSync(path.join(import.meta.dirname, "generate-indicator-data.sql"), "utf8").replaceAll(":agents", String(AGENTS));
for (const statement of sql.split(/;\s*\n/).map((part) => part.replace(/^--.*$/gm, "").trim()).filter(Boolean)) await db.$executeRawUnsafe(statement);
const generationSeconds = (performance.now() - started) / 1000;
const counts = Object.fromEntries(
  await Promise.all(["User", "Enrolment", "Attendance", "SurveyResponse", "Headcount"].map(async (table) => [table, Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n)])),
);
console.log(`generated in ${generationSeconds.toFixed(1)} s`, counts);

const period = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") };

async function dashboardFromRawRows() {
  const facts = await loadIndicatorFacts({ institutionIds: "all", period });
  return computeIndicators(facts, "region");
}

/** Trainees and hours per region, following the same definitions, aggregated in SQL. */
async function dashboardQuery() {
  return db.$queryRaw<{ regionId: string; trainees: bigint; minutes: number }[]>`
    WITH trained AS (
      SELECT e."userId", i."regionId", CASE WHEN c.modality <> 'IN_PERSON' THEN v."declaredDurationMinutes" ELSE 0 END AS minutes
      FROM "Enrolment" e JOIN "User" u ON u.id = e."userId" JOIN "Institution" i ON i.id = u."institutionId"
      JOIN "Course" c ON c.id = e."courseId" JOIN "CourseVersion" v ON v.id = e."courseVersionId"
      WHERE e.status = 'COMPLETED' AND e."completedAt" >= ${period.from} AND e."completedAt" < ${period.to}
      UNION ALL
      SELECT a."userId", i."regionId", CASE WHEN c.modality <> 'ONLINE' THEN extract(epoch FROM s."endsAt" - s."startsAt") / 60 ELSE 0 END
      FROM "Attendance" a JOIN "SessionSlot" s ON s.id = a."slotId" JOIN "TrainingSession" ts ON ts.id = s."sessionId" JOIN "Course" c ON c.id = ts."courseId"
      JOIN "User" u ON u.id = a."userId" JOIN "Institution" i ON i.id = u."institutionId"
      WHERE a."isPresent" AND s."startsAt" >= ${period.from} AND s."startsAt" < ${period.to}
    )
    SELECT "regionId", count(DISTINCT "userId") AS trainees, sum(minutes)::float AS minutes FROM trained GROUP BY "regionId" ORDER BY "regionId"`;
}

async function time<T>(run: () => Promise<T>): Promise<{ medianMs: number; result: T }> {
  const durations: number[] = [];
  let result: T | undefined;
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    result = await run();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { medianMs: Math.round(durations[Math.floor(durations.length / 2)]!), result: result! };
}

const raw = await time(dashboardFromRawRows);
const query = await time(dashboardQuery);
for (const row of query.result) {
  const fromRaw = raw.result.rows.find((candidate) => candidate.key === row.regionId)!.figures;
  if (Number(row.trainees) !== fromRaw.trainees || Math.abs(row.minutes / 60 - fromRaw.trainingHours!) > 1e-6) {
    throw new Error(`SQL and definitions disagree for ${row.regionId}: ${row.trainees}/${row.minutes / 60} vs ${fromRaw.trainees}/${fromRaw.trainingHours}`);
  }
}
const results = {
  agents: AGENTS,
  rows: counts,
  period: "2026",
  runs: RUNS,
  recomputeFromRawRowsMedianMs: raw.medianMs,
  sqlAggregateMedianMs: query.medianMs,
  ratio: Math.round((raw.medianMs / Math.max(1, query.medianMs)) * 10) / 10,
  nationalTrainees2026: raw.result.total.trainees,
  measuredAt: new Date().toISOString(),
};
console.log(results);
writeFileSync(path.join(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
await db.$disconnect();
await handle.embedded?.stop();
