import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { can } from "../auth/permissions";
import type { PlanActionKind, TrainingType } from "../db/generated/enums";
import { needsError } from "./needs-error";
import { planActionStatus, planRealisationRate, type TPlanActionStatus } from "./plan-action-status";
import { zonedTimeToUtc } from "../sessions/half-day";

/** A day as yyyy-mm-dd in a time zone (the format of a date field). */
const localDay = (instant: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(instant);

type TExecutionRow = { id: string; trained: number; ongoing: number; sessions: number };

/**
 * One query for the execution of every course-backed action of a campaign: distinct agents of the
 * institution trained in the year (completed enrolment, or present at a half-day of a session of
 * the course), agents under way (active enrolment, confirmed registration), sessions in the year.
 * The actions' enrolments are read once (one scan, joined to the institution's agents) and each
 * set is materialised: re-reading them per action cost 600 ms for a plan at national scale
 * (bench/needs, 250,000 enrolments).
 */
async function readExecution(options: { campaignId: string; institutionId: string; from: Date; to: Date }) {
  const { campaignId, institutionId, from, to } = options;
  const rows = await db.$queryRaw<TExecutionRow[]>`
    WITH a AS MATERIALIZED (
      SELECT id, "courseId" FROM "TrainingPlanAction" WHERE "campaignId" = ${campaignId} AND "courseId" IS NOT NULL
    ), enrolled AS MATERIALIZED (
      SELECT a.id, e."userId",
        (e.status = 'COMPLETED' AND e."completedAt" >= ${from} AND e."completedAt" < ${to}) AS "isTrained",
        (e.status = 'ACTIVE') AS "isOngoing"
      FROM a
        JOIN "Enrolment" e ON e."courseId" = a."courseId" AND e.status IN ('COMPLETED', 'ACTIVE')
        JOIN "User" u ON u.id = e."userId" AND u."institutionId" = ${institutionId}
    ), trained AS MATERIALIZED (
      SELECT id, "userId" FROM enrolled WHERE "isTrained"
      UNION
      SELECT a.id, at."userId" FROM a
        JOIN "TrainingSession" s ON s."courseId" = a."courseId"
        JOIN "SessionSlot" sl ON sl."sessionId" = s.id AND sl."startsAt" >= ${from} AND sl."startsAt" < ${to}
        JOIN "Attendance" at ON at."slotId" = sl.id AND at."isPresent"
        JOIN "User" u ON u.id = at."userId" AND u."institutionId" = ${institutionId}
    ), ongoing AS MATERIALIZED (
      SELECT id, "userId" FROM enrolled WHERE "isOngoing"
      UNION
      SELECT a.id, r."userId" FROM a
        JOIN "TrainingSession" s ON s."courseId" = a."courseId" AND s.status <> 'CANCELLED'
        JOIN "Registration" r ON r."sessionId" = s.id AND r.status = 'CONFIRMED'
        JOIN "User" u ON u.id = r."userId" AND u."institutionId" = ${institutionId}
      WHERE EXISTS (SELECT 1 FROM "SessionSlot" sl WHERE sl."sessionId" = s.id AND sl."startsAt" >= ${from} AND sl."startsAt" < ${to})
    )
    SELECT a.id,
      (SELECT count(*) FROM trained t WHERE t.id = a.id)::int AS trained,
      (SELECT count(*) FROM (
         SELECT o."userId" FROM ongoing o WHERE o.id = a.id
         EXCEPT SELECT t."userId" FROM trained t WHERE t.id = a.id) AS still)::int AS ongoing,
      (SELECT count(*) FROM "TrainingSession" s WHERE s."courseId" = a."courseId" AND s.status <> 'CANCELLED'
         AND EXISTS (SELECT 1 FROM "SessionSlot" sl WHERE sl."sessionId" = s.id
           AND sl."startsAt" >= ${from} AND sl."startsAt" < ${to}))::int AS sessions
    FROM a`;
  return new Map(rows.map((row) => [row.id, row]));
}

export type TPlanAction = {
  id: string;
  title: string;
  kind: PlanActionKind;
  courseId: string | null;
  plannedAgents: number;
  needs: number;
  budgetCents: { teaching: number; venue: number; mission: number; total: number };
  trainedAgents: number;
  ongoingAgents: number;
  sessions: number;
  status: TPlanActionStatus;
  /** An external training: when it was marked done, its real cost, who followed it, and whom it may list (its needs' agents). */
  external: {
    doneAt: Date | null;
    /** The day it was marked done, yyyy-mm-dd in the institution's time zone. */
    doneOn: string | null;
    actualCostCents: number | null;
    participantIds: string[];
    candidates: { id: string; name: string }[];
  } | null;
};

export type TPlanGroup = {
  themeId: string;
  theme: { fr: string; en: string };
  trainingType: TrainingType;
  retainedNeeds: number;
  agents: number;
  unplannedNeeds: number;
  actions: TPlanAction[];
};

/**
 * The institution's training plan of a campaign year: the retained needs grouped by theme and
 * training type, each group's planned actions with their budget and execution (planned against
 * done, read from the real enrolments and sessions), and the plan's totals.
 */
export async function getTrainingPlan(actor: TActor, options: { institutionId: string; year?: number }) {
  assertCan(actor, "needs.plan", { institutionId: options.institutionId });
  const institution = await db.institution.findUnique({
    where: { id: options.institutionId },
    select: { id: true, name: true, timeZone: true },
  });
  if (!institution) throw needsError("NOT_FOUND", "needs.errors.notFound");
  const campaigns = await db.needsCampaign.findMany({
    where: { institutionId: institution.id },
    orderBy: { year: "desc" },
    select: { id: true, year: true },
  });
  const campaign = campaigns.find((candidate) => candidate.year === options.year) ?? campaigns[0] ?? null;
  const base = {
    institution,
    campaigns,
    campaign,
    canPlan: can(actor, "needs.plan", { institutionId: institution.id }),
  };
  if (!campaign)
    return {
      ...base,
      groups: [] as TPlanGroup[],
      totals: null,
      courseOptions: [],
      today: localDay(new Date(), institution.timeZone),
    };
  // The plan's year runs from 1 January to 1 January in the institution's time zone (Europe/Paris
  // unless the institution set another): a half-day on 31 December at 23:30 in Nouméa is that year's.
  const from = zonedTimeToUtc(`${campaign.year}-01-01`, "00:00", institution.timeZone);
  const to = zonedTimeToUtc(`${campaign.year + 1}-01-01`, "00:00", institution.timeZone);
  const [needGroups, agentGroups, actions, execution] = await Promise.all([
    db.trainingNeed.groupBy({
      by: ["themeId", "trainingType", "planActionId"],
      where: { campaignId: campaign.id, decision: "RETAINED", withdrawnAt: null },
      _count: { _all: true },
    }),
    db.$queryRaw<{ themeId: string; trainingType: TrainingType; agents: number }[]>`
      SELECT "themeId", "trainingType", count(DISTINCT "userId")::int AS agents FROM "TrainingNeed"
      WHERE "campaignId" = ${campaign.id} AND decision = 'RETAINED' AND "withdrawnAt" IS NULL
      GROUP BY 1, 2`,
    db.trainingPlanAction.findMany({
      where: { campaignId: campaign.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        themeId: true,
        trainingType: true,
        title: true,
        kind: true,
        courseId: true,
        plannedAgents: true,
        teachingBudgetCents: true,
        venueBudgetCents: true,
        missionBudgetCents: true,
        doneAt: true,
        actualCostCents: true,
        participants: { select: { userId: true } },
        // The agents an external training may list as participants; other actions need none
        // (loading every action's agents cost most of a national plan's time, bench/needs).
        needs: {
          where: { withdrawnAt: null, planAction: { kind: "EXTERNAL" } },
          distinct: ["userId"],
          select: { user: { select: { id: true, name: true } } },
        },
        _count: { select: { needs: true } },
      },
    }),
    readExecution({ campaignId: campaign.id, institutionId: institution.id, from, to }),
  ]);
  const themeIds = [...new Set([...needGroups.map((group) => group.themeId), ...actions.map((a) => a.themeId)])];
  const themes = new Map(
    (
      await db.theme.findMany({ where: { id: { in: themeIds } }, select: { id: true, nameFr: true, nameEn: true } })
    ).map((theme) => [theme.id, { fr: theme.nameFr, en: theme.nameEn }]),
  );
  // The courses an action may name: the institution's own and the national catalogue's, of the plan's themes.
  const courses = await db.course.findMany({
    where: {
      themeId: { in: themeIds },
      OR: [{ institutionId: institution.id }, { visibility: "NATIONAL" }],
      versions: { some: { status: "PUBLISHED" } },
    },
    take: 200,
    select: {
      id: true,
      themeId: true,
      versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, take: 1, select: { title: true } },
    },
  });
  const courseOptions = courses.map((course) => ({
    id: course.id,
    themeId: course.themeId,
    title: course.versions[0]?.title ?? "",
  }));
  const groups = new Map<string, TPlanGroup>();
  const groupOf = (themeId: string, trainingType: TrainingType) => {
    const key = `${themeId}|${trainingType}`;
    let group = groups.get(key);
    if (!group) {
      const theme = themes.get(themeId) ?? { fr: "", en: "" };
      group = { themeId, theme, trainingType, retainedNeeds: 0, agents: 0, unplannedNeeds: 0, actions: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const row of needGroups) {
    const group = groupOf(row.themeId, row.trainingType);
    group.retainedNeeds += row._count._all;
    if (row.planActionId === null) group.unplannedNeeds += row._count._all;
  }
  for (const row of agentGroups) groupOf(row.themeId, row.trainingType).agents = row.agents;
  for (const action of actions) {
    const done = execution.get(action.id);
    const isExternal = action.kind === "EXTERNAL" && action.courseId === null;
    const isExternalDone = isExternal && action.doneAt !== null;
    const [trainedAgents, ongoingAgents, sessions] = [
      isExternal ? (isExternalDone ? action.participants.length : 0) : (done?.trained ?? 0),
      done?.ongoing ?? 0,
      done?.sessions ?? 0,
    ];
    const budget = {
      teaching: action.teachingBudgetCents,
      venue: action.venueBudgetCents,
      mission: action.missionBudgetCents,
    };
    groupOf(action.themeId, action.trainingType).actions.push({
      id: action.id,
      title: action.title,
      kind: action.kind,
      courseId: action.courseId,
      plannedAgents: action.plannedAgents,
      needs: action._count.needs,
      budgetCents: { ...budget, total: budget.teaching + budget.venue + budget.mission },
      trainedAgents,
      ongoingAgents,
      sessions,
      status: planActionStatus({
        hasCourse: action.courseId !== null,
        plannedAgents: action.plannedAgents,
        trainedAgents,
        ongoingAgents,
        sessions,
        isExternalDone,
      }),
      external: isExternal
        ? {
            doneAt: action.doneAt,
            doneOn: action.doneAt ? localDay(action.doneAt, institution.timeZone) : null,
            actualCostCents: action.actualCostCents,
            participantIds: action.participants.map((participant) => participant.userId),
            candidates: action.needs.map((need) => need.user).sort((a, b) => a.name.localeCompare(b.name, "fr")),
          }
        : null,
    });
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a.theme.fr.localeCompare(b.theme.fr, "fr") || a.trainingType.localeCompare(b.trainingType),
  );
  const allActions = sorted.flatMap((group) => group.actions);
  const tracked = allActions.filter((action) => action.status !== "NOT_TRACKED");
  const sum = (pick: (action: TPlanAction) => number) => allActions.reduce((total, action) => total + pick(action), 0);
  const totals = {
    retainedNeeds: sorted.reduce((total, group) => total + group.retainedNeeds, 0),
    unplannedNeeds: sorted.reduce((total, group) => total + group.unplannedNeeds, 0),
    actions: allActions.length,
    plannedAgents: sum((action) => action.plannedAgents),
    trainedAgents: sum((action) => action.trainedAgents),
    budgetCents: sum((action) => action.budgetCents.total),
    byStatus: {
      DONE: allActions.filter((action) => action.status === "DONE").length,
      IN_PROGRESS: allActions.filter((action) => action.status === "IN_PROGRESS").length,
      NOT_STARTED: allActions.filter((action) => action.status === "NOT_STARTED").length,
      NOT_TRACKED: allActions.filter((action) => action.status === "NOT_TRACKED").length,
    },
    realisationRate: planRealisationRate(tracked),
  };
  return { ...base, groups: sorted, totals, courseOptions, today: localDay(new Date(), institution.timeZone) };
}

export type TTrainingPlan = Awaited<ReturnType<typeof getTrainingPlan>>;
