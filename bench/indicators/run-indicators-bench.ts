// Indicators benchmark (BENCHMARKS.md): the national dashboard for one year, in the same run,
// (A) recomputed from the raw rows (enrolments, present slots, surveys, headcounts) with the
// written definitions in lib/indicators — the path used when a year has no rollup yet —,
// (B) the headline figures (trainees, hours per region) aggregated by PostgreSQL in one query,
// (S) the headline figure (trainees per region) recomputed from the xAPI statements themselves
// ("completed" course statements, plus present session slots, which are not statements),
// (C) every figure read from the rollup tables (lib/indicators/load-rollup-indicators.ts), for
// several breakdowns and periods, after one timed refresh of the year's rollups.
// B, S and every figure of C are checked to equal A.
//
//   BENCH_AGENTS=200000 BENCH_STATEMENTS=10000000 npx tsx --conditions=react-server bench/indicators/run-indicators-bench.ts
// (react-server: lib/db is marked server-only.) Uses its own database on the embedded cluster
// .data/pg-bench-indicators; writes bench/indicators/results.json. BENCH_REUSE=1 keeps a database
// generated earlier with the same volumes (generating 10 M statements takes a while).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "../../lib/db/local-database";
import { migrateDatabase, recreateDatabase } from "../../lib/db/migrate";
import { xapiBaseUrl } from "../../lib/lrs/xapi-identifiers";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 200_000);
const STATEMENTS = Number(process.env.BENCH_STATEMENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** A takes minutes at national scale: fewer runs. */
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 1);
/** Enrolments whose statements are inserted per transaction (progress is printed after each). */
const SLICE = 25_000;
const handle = await resolveDatabase({
  cluster: "pg-bench-indicators",
  database: "relais_bench",
  preferredPort: Number(process.env.BENCH_PG_PORT ?? 54720),
});
process.env.DATABASE_URL = handle.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";

const volumes = `agents=${AGENTS} statements=${STATEMENTS}`;
const pg = (await import("pg")).default;
async function generatedVolumes(): Promise<string | null> {
  const client = new pg.Client({ connectionString: handle.databaseUrl.replace(/\/relais_bench$/, "/postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = 'relais_bench'`,
    );
    return rows[0]?.comment ?? null;
  } finally {
    await client.end();
  }
}
const isReused = process.env.BENCH_REUSE === "1" && (await generatedVolumes()) === volumes;
if (!isReused) await recreateDatabase(handle.databaseUrl);
await migrateDatabase({ databaseUrl: handle.databaseUrl });
const { db } = await import("../../lib/db");
const { loadIndicatorFacts } = await import("../../lib/indicators/load-indicator-facts");
const { computeIndicators } = await import("../../lib/indicators/compute-indicators");
const { loadRollupIndicators } = await import("../../lib/indicators/load-rollup-indicators");
const { refreshIndicatorRollups } = await import("../../lib/indicators/refresh-indicator-rollups");
const { periodOf } = await import("../../lib/indicators/scope");

const sqlFile = (name: string, values: Record<string, string | number>) =>
  readFileSync(path.join(import.meta.dirname, name), "utf8").replace(
    /:(agents|statements|homepage|from|to)\b/g,
    (_, key: string) => String(values[key]),
  );
const statementsOf = (sql: string) =>
  sql
    .split(/;\s*\n/)
    .map((part) => part.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);

/**
 * Statements are inserted with the statement table's secondary indexes dropped and rebuilt
 * afterwards (what a bulk load does): the same indexes, minutes instead of hours.
 */
async function generateStatements() {
  const indexes = await db.$queryRaw<{ name: string; definition: string }[]>`
    SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'XapiStatement' AND indexname <> 'XapiStatement_pkey'`;
  for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name}"`);
  const enrolments = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Enrolment"`)[0]!.n);
  // Two slices at a time: one INSERT … SELECT uses one core.
  const slices = Array.from({ length: Math.ceil(enrolments / SLICE) }, (_, index) => index * SLICE);
  const insertSlices = async () => {
    for (let from = slices.shift(); from !== undefined; from = slices.shift()) {
      const started = performance.now();
      await db.$executeRawUnsafe(
        sqlFile("generate-indicator-statements.sql", {
          statements: STATEMENTS,
          homepage: xapiBaseUrl(),
          from,
          to: from + SLICE,
        }),
      );
      console.log(
        `statements of enrolments ${from}-${Math.min(enrolments, from + SLICE)} inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  };
  await Promise.all([insertSlices(), insertSlices()]);
  const rebuildIndexes = async () => {
    for (let index = indexes.shift(); index !== undefined; index = indexes.shift()) {
      const started = performance.now();
      // Sorting 10 M keys in memory rather than in temporary files.
      await db.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '512MB'`);
          await tx.$executeRawUnsafe(index.definition);
        },
        { timeout: 3_600_000 },
      );
      console.log(`${index.name} rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };
  await Promise.all([rebuildIndexes(), rebuildIndexes()]);
}

const started = performance.now();
if (!isReused) {
  for (const statement of statementsOf(sqlFile("generate-indicator-data.sql", { agents: AGENTS })))
    await db.$executeRawUnsafe(statement);
  await generateStatements();
  await db.$executeRawUnsafe(`ANALYZE`);
  await db.$executeRawUnsafe(`COMMENT ON DATABASE relais_bench IS '${volumes}'`);
}
const generationSeconds = (performance.now() - started) / 1000;
const counts = Object.fromEntries(
  await Promise.all(
    ["User", "Enrolment", "Attendance", "SurveyResponse", "Headcount", "XapiStatement"].map(async (table) => [
      table,
      Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n),
    ]),
  ),
);
const databaseSize = (
  await db.$queryRaw<{ size: string }[]>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`
)[0]!.size;
console.log(
  isReused ? "reused the generated database" : `generated in ${generationSeconds.toFixed(1)} s`,
  counts,
  databaseSize,
);

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

/**
 * Trainees per region from the statements: agents with a "completed" statement about a course in
 * the period (the LRS's record of completions), plus agents present at a session slot (attendance
 * is recorded by roll call, not as statements). The actor's account name is the Relais user id.
 */
async function dashboardFromStatements() {
  const account = `account:${xapiBaseUrl()} `;
  return db.$queryRaw<{ regionId: string; trainees: bigint }[]>`
    WITH trained AS (
      SELECT substr(s."actorIfi", ${account.length + 1}) AS "userId"
      FROM "XapiStatement" s
      WHERE s."verbId" = 'http://adlnet.gov/expapi/verbs/completed' AND s."objectActivityId" LIKE ${`${xapiBaseUrl()}/xapi/activities/courses/%`}
        AND s."objectActivityId" NOT LIKE '%/activities/courses/%/%' AND NOT s."isVoided"
        AND s.timestamp >= ${period.from} AND s.timestamp < ${period.to} AND s."actorIfi" LIKE ${`${account}%`}
      UNION
      SELECT a."userId" FROM "Attendance" a JOIN "SessionSlot" sl ON sl.id = a."slotId"
      WHERE a."isPresent" AND sl."startsAt" >= ${period.from} AND sl."startsAt" < ${period.to}
    )
    SELECT i."regionId", count(*) AS trainees FROM trained t JOIN "User" u ON u.id = t."userId" JOIN "Institution" i ON i.id = u."institutionId"
    GROUP BY i."regionId" ORDER BY i."regionId"`;
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
    throw new Error(
      `SQL and definitions disagree for ${row.regionId}: ${row.trainees}/${row.minutes / 60} vs ${fromRaw.trainees}/${fromRaw.trainingHours}`,
    );
  }
}
const fromStatements = await time(dashboardFromStatements, RAW_RUNS);
for (const row of fromStatements.result) {
  const fromRaw = raw.result.rows.find((candidate) => candidate.key === row.regionId)!.figures;
  if (Number(row.trainees) !== fromRaw.trainees)
    throw new Error(`statements and definitions disagree for ${row.regionId}: ${row.trainees} vs ${fromRaw.trainees}`);
}
// C: the dashboard's own query path on rollups, for the year by region (checked against A), and other views.
const year = { institutionIds: "all" as const, period };
const rollupByRegion = await time(() => loadRollupIndicators(year, "region"));
for (const [index, figures] of [
  rollupByRegion.result.total,
  ...rollupByRegion.result.rows.map((row) => row.figures),
].entries()) {
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
  "2026, by staff category": (await time(() => loadRollupIndicators(year, "staffCategory"))).medianMs,
  "2026, by modality": (await time(() => loadRollupIndicators(year, "modality"))).medianMs,
  "Q2 2026, by region": (
    await time(() =>
      loadRollupIndicators(
        { institutionIds: "all", period: periodOf({ from: "2026-04-01", to: "2026-06-30" }) },
        "region",
      ),
    )
  ).medianMs,
  // Not whole months (the default "year to date"): distinct agents from the per-agent day masks.
  "1 January - 15 November 2026, by region": (
    await time(() =>
      loadRollupIndicators(
        { institutionIds: "all", period: periodOf({ from: "2026-01-01", to: "2026-11-15" }) },
        "region",
      ),
    )
  ).medianMs,
  "March 2026, by region": (
    await time(() =>
      loadRollupIndicators(
        { institutionIds: "all", period: periodOf({ from: "2026-03-01", to: "2026-03-31" }) },
        "region",
      ),
    )
  ).medianMs,
  "2025-2026, by staff category": (
    await time(() =>
      loadRollupIndicators(
        { institutionIds: "all", period: periodOf({ from: "2025-01-01", to: "2026-12-31" }) },
        "staffCategory",
      ),
    )
  ).medianMs,
  "2024-2026, by staff category (three years)": (
    await time(() =>
      loadRollupIndicators(
        { institutionIds: "all", period: periodOf({ from: "2024-01-01", to: "2026-12-31" }) },
        "staffCategory",
      ),
    )
  ).medianMs,
  "15 November 2025 - 15 March 2026, by region (two years, not whole months)": (
    await time(() =>
      loadRollupIndicators(
        { institutionIds: "all", period: periodOf({ from: "2025-11-15", to: "2026-03-15" }) },
        "region",
      ),
    )
  ).medianMs,
  "2026, one institution, by sex": (await time(() => loadRollupIndicators({ institutionIds: ["i1"], period }, "sex")))
    .medianMs,
};
const results = {
  agents: AGENTS,
  rows: counts,
  databaseSize,
  generationSeconds: isReused ? null : Math.round(generationSeconds),
  period: "2026",
  runs: RUNS,
  rawRuns: RAW_RUNS,
  rollupRows: { day: refresh.dayRows, trainee: refresh.traineeRows },
  rollupRefreshSeconds: refreshSeconds,
  recomputeFromRawRowsMedianMs: raw.medianMs,
  sqlAggregateMedianMs: query.medianMs,
  statementsRecomputeMedianMs: fromStatements.medianMs,
  rollupMedianMs: views,
  ratioRawToRollup: Math.round((raw.medianMs / Math.max(1, rollupByRegion.medianMs)) * 10) / 10,
  ratioSqlAggregateToRollup: Math.round((query.medianMs / Math.max(1, rollupByRegion.medianMs)) * 10) / 10,
  ratioStatementsToRollup: Math.round((fromStatements.medianMs / Math.max(1, rollupByRegion.medianMs)) * 10) / 10,
  nationalTrainees2026: raw.result.total.trainees,
  loadAverage: (await import("node:os")).loadavg().map((value) => Math.round(value * 10) / 10),
  measuredAt: new Date().toISOString(),
};
console.log(results);
writeFileSync(path.join(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
await db.$disconnect();
await handle.embedded?.stop();
