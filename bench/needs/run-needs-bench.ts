// Needs benchmark: a national campaign (BENCH_AGENTS agents, 120 institutions,
// BENCH_NEEDS needs) generated in PostgreSQL, then, in the same run, each view timed through the
// use case pages call against a baseline that loads the rows and groups them in Node:
//   pooling view of one region by course/theme (lib/needs/list-pooled-needs.ts)
//   an institution's campaign: the officer's list of needs to decide (lib/needs/list-institution-needs.ts)
//   a manager's queue (lib/needs/list-team-needs.ts)
//   an institution's training plan with its execution (lib/needs/get-training-plan.ts)
// and the equal-access indicators of one region (lib/indicators/get-needs-access.ts).
//
//   BENCH_AGENTS=250000 BENCH_NEEDS=400000 npx tsx --import ./bench/needs/register-server-only.mjs bench/needs/run-needs-bench.ts
// Own embedded cluster .data/pg-bench-needs (port 54730); results in bench/needs/results.json.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { resolveDatabase } from "../../lib/db/local-database";
import { migrateDatabase, recreateDatabase } from "../../lib/db/migrate";
import type { TActor } from "../../lib/auth/permissions";

const AGENTS = Number(process.env.BENCH_AGENTS ?? 250_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 400_000);
const INSTITUTIONS = 120;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const YEAR = new Date().getUTCFullYear();

const handle = await resolveDatabase({
  cluster: "pg-bench-needs",
  database: "relais_bench",
  preferredPort: Number(process.env.BENCH_PG_PORT ?? 54730),
});
process.env.DATABASE_URL = handle.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench";
// BENCH_REUSE=1 measures again on a database generated earlier with the same volumes.
const isReuse = process.env.BENCH_REUSE === "1";
if (!isReuse) await recreateDatabase(handle.databaseUrl);
await migrateDatabase({ databaseUrl: handle.databaseUrl });
const { db } = await import("../../lib/db");
const existing = isReuse
  ? Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "TrainingNeed"`)[0]!.n)
  : 0;
const { listPooledNeeds } = await import("../../lib/needs/list-pooled-needs");
const { listInstitutionNeeds } = await import("../../lib/needs/list-institution-needs");
const { listTeamNeeds } = await import("../../lib/needs/list-team-needs");
const { getNeedsAccess } = await import("../../lib/indicators/get-needs-access");
const { getTrainingPlan } = await import("../../lib/needs/get-training-plan");

const started = Date.now();
const isGenerated = existing !== NEEDS;
const sql = readFileSync(path.join(import.meta.dirname, "generate-needs-data.sql"), "utf8").replace(
  /:(agents|needs|institutions|year)\b/g,
  (_, key: string) => String({ agents: AGENTS, needs: NEEDS, institutions: INSTITUTIONS, year: YEAR }[key]),
);
if (isGenerated && existing > 0) throw new Error(`BENCH_REUSE: the database holds ${existing} needs, not ${NEEDS}`);
if (isGenerated)
  for (const statement of sql
    .split(/;\s*\n/)
    .map((part) => part.replace(/^--.*$/gm, "").trim())
    .filter(Boolean))
    await db.$executeRawUnsafe(statement);
const generatedSeconds = (Date.now() - started) / 1000;
console.log(`generated in ${generatedSeconds.toFixed(1)} s`);

const actor = (memberships: TActor["memberships"], userId = "bench"): TActor => ({
  userId,
  email: `${userId}@bench.relais`,
  name: userId,
  institutionId: memberships[0]?.institutionId ?? null,
  memberships,
});
const correspondent = actor([
  { role: "REGIONAL_CORRESPONDENT", institutionId: null, relaySiteId: null, regionId: "reg-2" },
]);
const officer = actor([{ role: "TRAINING_OFFICER", institutionId: "inst-1", relaySiteId: null }]);
const manager = actor([{ role: "AGENT", institutionId: "inst-1", relaySiteId: null }], "user-1");

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: connections, plans, cache
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Baselines: the rows the view needs, loaded and grouped in Node (what a first implementation does). */
const baselines = {
  pooling: async () => {
    const rows = await db.trainingNeed.findMany({
      where: {
        decision: "RETAINED",
        withdrawnAt: null,
        answeredBySessionId: null,
        campaign: { year: YEAR, institution: { regionId: "reg-2" } },
      },
      select: { courseId: true, themeId: true, userId: true, institutionId: true, staffCategory: true },
    });
    const groups = new Map<string, Set<string>>();
    for (const row of rows) {
      const key = row.courseId ?? row.themeId;
      groups.set(key, (groups.get(key) ?? new Set()).add(row.userId));
    }
    return groups.size;
  },
  institution: async () =>
    (
      await db.trainingNeed.findMany({
        where: { institutionId: "inst-1", campaign: { year: YEAR } },
        include: { user: true, theme: true },
      })
    ).length,
  // The plan: every retained need and action of the campaign, and every enrolment in the actions'
  // courses, loaded and counted per action in Node.
  plan: async () => {
    const campaign = await db.needsCampaign.findFirstOrThrow({ where: { institutionId: "inst-1", year: YEAR } });
    const [needs, actions] = await Promise.all([
      db.trainingNeed.findMany({ where: { campaignId: campaign.id, decision: "RETAINED", withdrawnAt: null } }),
      db.trainingPlanAction.findMany({ where: { campaignId: campaign.id } }),
    ]);
    const courseIds = actions.flatMap((action) => (action.courseId ? [action.courseId] : []));
    const enrolments = await db.enrolment.findMany({
      where: { courseId: { in: courseIds } },
      include: { user: { select: { institutionId: true } } },
    });
    const trained = new Map<string, Set<string>>();
    for (const enrolment of enrolments)
      if (enrolment.status === "COMPLETED" && enrolment.user.institutionId === "inst-1")
        trained.set(enrolment.courseId, (trained.get(enrolment.courseId) ?? new Set()).add(enrolment.userId));
    return needs.length + [...trained.values()].reduce((sum, users) => sum + users.size, 0);
  },
  manager: async () =>
    (await db.trainingNeed.findMany({ where: { institutionId: "inst-1" }, include: { user: true } })).filter(
      (need) => need.user.managerId === manager.userId,
    ).length,
};

const counts = {
  needs: Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "TrainingNeed"`)[0]!.n),
  agents: Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "User"`)[0]!.n),
  regionNeeds: Number(
    (
      await db.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM "TrainingNeed" n JOIN "Institution" i ON i.id = n."institutionId" WHERE i."regionId" = 'reg-2'`
    )[0]!.n,
  ),
  institutionNeeds: await db.trainingNeed.count({ where: { institutionId: "inst-1" } }),
  teamNeeds: await db.trainingNeed.count({ where: { user: { managerId: manager.userId } } }),
  planActions: await db.trainingPlanAction.count({ where: { institutionId: "inst-1" } }),
  enrolments: await db.enrolment.count(),
};
const pooled = await listPooledNeeds(correspondent, { year: YEAR });
console.log(counts, `pooled groups: ${pooled.groups.length}`);

const loadBefore = os.loadavg();
const results = {
  poolingRegion: await median(() => listPooledNeeds(correspondent, { year: YEAR })),
  poolingRegionBaseline: await median(baselines.pooling),
  institutionCampaign: await median(() => listInstitutionNeeds(officer, { institutionId: "inst-1", year: YEAR })),
  institutionCampaignBaseline: await median(baselines.institution),
  institutionPlan: await median(() => getTrainingPlan(officer, { institutionId: "inst-1", year: YEAR })),
  institutionPlanBaseline: await median(baselines.plan),
  managerQueue: await median(() => listTeamNeeds(manager)),
  managerQueueBaseline: await median(baselines.manager),
  regionIndicators: await median(() => getNeedsAccess(correspondent, { year: YEAR })),
};
const report = {
  at: new Date().toISOString(),
  volumes: { agents: AGENTS, needs: NEEDS, institutions: INSTITUTIONS },
  counts,
  generatedSeconds: isGenerated ? generatedSeconds : "reused",
  loadBefore,
  loadAfter: os.loadavg(),
  medianMs: Object.fromEntries(Object.entries(results).map(([key, ms]) => [key, Math.round(ms * 10) / 10])),
};
console.log(JSON.stringify(report, null, 2));
writeFileSync(path.join(import.meta.dirname, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
await db.$disconnect();
await handle.embedded?.stop();
