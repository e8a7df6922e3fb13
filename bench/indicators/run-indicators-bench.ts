// Indicators benchmark (issue 6): the national dashboard for one year, in the same run,
// (A) recomputed from the raw rows (enrolments, present slots, surveys, headcounts) with the
// written definitions in lib/indicators — the path used when a year has no rollup yet —,
// (B) the headline figures (trainees, hours per region) aggregated by PostgreSQL in one query,
// (C) every figure read from the rollup tables (lib/indicators/load-rollup-indicators.ts), for
// several breakdowns and periods, after one timed refresh of the year's rollups.
// B and every figure of C are checked to equal A.
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
/** A takes minutes at national scale: fewer runs. */
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 1);
const handle = await resolveDatabase({ cluster: "pg-bench-indicators", database: "relais_bench", preferredPort: Number(process.env.BENCH_PG_PORT ?? 54720) });
process.env.DATABASE_URL = handle.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";

await recreateDatabase(handle.databaseUrl);
await migrateDatabase({ databaseUrl: handle.databaseUrl });
const { db } = await import("../../lib/db");
const { loadIndicatorFacts } = await import("../../lib/indicators/load-indicator-facts");
const { computeIndicators } = await import("../../lib/indicators/compute-indicators");
const { loadRollupIndicators } = await import("../../lib/indicators/load-rollup-indicators");
const { refreshIndicatorRollups } = await import("../../lib/indicators/refresh-indicator-rollups");
const { periodOf } = await import("../../lib/indicators/scope");

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

async function time<T>(run: () => Promise<T>, runs = RUNS): Promise<{ medianMs: number; result: T }> {
  const durations: number[] = [];
  let result: T | undefined;
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    result = await run();
    durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  return { medianMs: Math.round(durations[Math.floor(durations.length / 2)]!), result: result! };
}

const refreshStarted = performance.now();
const refresh = await refreshIndicatorRollups({ year: 2026 });
const refreshSeconds = Math.round((performance.now() - refreshStarted) / 100) / 10;
console.log(`rollups of 2026 rebuilt in ${refreshSeconds} s`, refresh);
await refreshIndicatorRollups({ year: 2025 }); // for the two-year view below

const raw = await time(dashboardFromRawRows, RAW_RUNS);
const query = await time(dashboardQuery);
for (const row of query.result) {
  const fromRaw = raw.result.rows.find((candidate) => candidate.key === row.regionId)!.figures;
  if (Number(row.trainees) !== fromRaw.trainees || Math.abs(row.minutes / 60 - fromRaw.trainingHours!) > 1e-6) {
    throw new Error(`SQL and definitions disagree for ${row.regionId}: ${row.trainees}/${row.minutes / 60} vs ${fromRaw.trainees}/${fromRaw.trainingHours}`);
  }
}
// C: the dashboard's own query path on rollups, for the year by region (checked against A), and other views.
const year = { institutionIds: "all" as const, period };
const rollupByRegion = await time(() => loadRollupIndicators(year, "region"));
for (const [index, figures] of [rollupByRegion.result.total, ...rollupByRegion.result.rows.map((row) => row.figures)].entries()) {
  const expected = index === 0 ? raw.result.total : raw.result.rows[index - 1]!.figures;
  for (const [key, value] of Object.entries(figures)) {
    const want = expected[key] ?? null;
    if (value === null ? want !== null : want === null || Math.abs(value - want) > 1e-6 * Math.max(1, Math.abs(want))) {
      throw new Error(`rollup and raw rows disagree on ${key} (group ${index}): ${value} vs ${want}`);
    }
  }
}
const views = {
  "2026, by region": rollupByRegion.medianMs,
  "2026, national total": (await time(() => loadRollupIndicators(year, "none"))).medianMs,
  "2026, by institution": (await time(() => loadRollupIndicators(year, "institution"))).medianMs,
  "2026, by theme": (await time(() => loadRollupIndicators(year, "theme"))).medianMs,
  "2026, by sex": (await time(() => loadRollupIndicators(year, "sex"))).medianMs,
  "March 2026, by region": (await time(() => loadRollupIndicators({ institutionIds: "all", period: periodOf({ from: "2026-03-01", to: "2026-03-31" }) }, "region"))).medianMs,
  "2025-2026, by staff category": (await time(() => loadRollupIndicators({ institutionIds: "all", period: periodOf({ from: "2025-01-01", to: "2026-12-31" }) }, "staffCategory"))).medianMs,
  "2026, one institution, by sex": (await time(() => loadRollupIndicators({ institutionIds: ["i1"], period }, "sex"))).medianMs,
};
const results = {
  agents: AGENTS,
  rows: counts,
  period: "2026",
  runs: RUNS,
  rawRuns: RAW_RUNS,
  rollupRows: { day: refresh.dayRows, trainee: refresh.traineeRows },
  rollupRefreshSeconds: refreshSeconds,
  recomputeFromRawRowsMedianMs: raw.medianMs,
  sqlAggregateMedianMs: query.medianMs,
  rollupMedianMs: views,
  ratioRawToRollup: Math.round((raw.medianMs / Math.max(1, rollupByRegion.medianMs)) * 10) / 10,
  ratioSqlAggregateToRollup: Math.round((query.medianMs / Math.max(1, rollupByRegion.medianMs)) * 10) / 10,
  nationalTrainees2026: raw.result.total.trainees,
  loadAverage: (await import("node:os")).loadavg().map((value) => Math.round(value * 10) / 10),
  measuredAt: new Date().toISOString(),
};
console.log(results);
writeFileSync(path.join(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
await db.$disconnect();
await handle.embedded?.stop();
