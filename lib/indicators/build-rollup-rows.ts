// A year of facts → the rows of the rollup tables. Pure: every contribution goes through the
// same predicates and helpers as the written definitions (lib/indicators/measures), keyed by the
// UTC day it happened, so that summing the days of any period gives that period's figures.
import { isInPeriod } from "./indicator";
import { NOT_RECORDED } from "./compute-indicators";
import { inPersonDayKey, inPersonDayKmAvoided, onlineTravelAvoided } from "./measures/travel-avoided";
import type { TAgentDims, TCourseDims, TIndicatorFacts } from "./types";

export const DAYS_IN_BITMAP = 366;

export type TRollupDims = {
  institutionId: string;
  regionId: string;
  staffCategory: string;
  population: string;
  sex: string;
  modality: string;
  trainingType: string;
  themeId: string;
};

export type TDayRollupRow = TRollupDims & {
  /** YYYY-MM-DD (UTC). */
  day: string;
  enrolments: number;
  openedCompleted: number;
  completions: number;
  scoreSum: number;
  scoreCount: number;
  minutes: number;
  satisfactionSum: number;
  satisfactionCount: number;
  followUpSum: number;
  followUpCount: number;
  trips: number;
  km: number;
};

/** The groups an agent is counted in once: as an agent (agent breakdowns and totals) and per course dimension value. */
export const TRAINEE_DIMENSIONS = ["agent", "modality", "trainingType", "theme"] as const;
export type TTraineeDimension = (typeof TRAINEE_DIMENSIONS)[number];

export type TTraineeRollupRow = Omit<TRollupDims, "modality" | "trainingType" | "themeId"> & {
  year: number;
  dimension: TTraineeDimension;
  value: string;
  userId: string;
  /** Bit m set when trained in month m (0 = January). */
  months: number;
  days: Uint8Array;
};

function dimsOf(agent: TAgentDims, course: TCourseDims): TRollupDims {
  return {
    institutionId: agent.institutionId,
    regionId: agent.regionId,
    staffCategory: agent.staffCategory ?? NOT_RECORDED,
    population: agent.population ?? NOT_RECORDED,
    sex: agent.sex,
    modality: course.modality,
    trainingType: course.trainingType,
    themeId: course.themeId,
  };
}

const dimsKey = (dims: TRollupDims) =>
  `${dims.institutionId}|${dims.regionId}|${dims.staffCategory}|${dims.population}|${dims.sex}|${dims.modality}|${dims.trainingType}|${dims.themeId}`;

export function dayOfYear(date: Date, year: number): number {
  return Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000);
}

/** The rollup rows of one calendar year; `facts` must be that year's (loadIndicatorFacts with the year as period). */
export function buildRollupRows(facts: TIndicatorFacts, year: number): { days: TDayRollupRow[]; trainees: TTraineeRollupRow[] } {
  const period = { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
  const cells = new Map<string, TDayRollupRow>();
  // A cell is created even when it adds nothing (a refused enrolment): the raw path lists a
  // breakdown group for every loaded row, and both paths must list the same groups.
  const cellOf = (date: Date, agent: TAgentDims, course: TCourseDims) => {
    const dims = dimsOf(agent, course);
    const day = date.toISOString().slice(0, 10);
    const key = `${day}|${dimsKey(dims)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { ...dims, day, enrolments: 0, openedCompleted: 0, completions: 0, scoreSum: 0, scoreCount: 0, minutes: 0, satisfactionSum: 0, satisfactionCount: 0, followUpSum: 0, followUpCount: 0, trips: 0, km: 0 };
      cells.set(key, cell);
    }
    return cell;
  };
  const trainees = new Map<string, TTraineeRollupRow>();
  const markTrained = (userId: string, date: Date, agent: TAgentDims, course: TCourseDims) => {
    const { institutionId, regionId, staffCategory, population, sex, modality, trainingType, themeId } = dimsOf(agent, course);
    const values: Record<TTraineeDimension, string> = { agent: "", modality, trainingType, theme: themeId };
    for (const dimension of TRAINEE_DIMENSIONS) {
      const key = `${userId}|${dimension}|${values[dimension]}`;
      let row = trainees.get(key);
      if (!row) {
        row = { institutionId, regionId, staffCategory, population, sex, year, dimension, value: values[dimension], userId, months: 0, days: new Uint8Array(DAYS_IN_BITMAP) };
        trainees.set(key, row);
      }
      row.days[dayOfYear(date, year)] = 1;
      row.months |= 1 << date.getUTCMonth();
    }
  };

  for (const row of facts.enrolments) {
    // Same as openedInPeriod: opened in the period, neither refused nor awaiting approval.
    if (isInPeriod(row.enrolledAt, period)) {
      const cell = cellOf(row.enrolledAt, row.agent, row.course);
      if (row.status !== "REFUSED" && row.status !== "PENDING_APPROVAL") {
        cell.enrolments += 1;
        if (row.status === "COMPLETED") cell.openedCompleted += 1;
      }
    }
    // Same as completedInPeriod.
    if (isInPeriod(row.completedAt, period)) {
      const cell = cellOf(row.completedAt, row.agent, row.course);
      if (row.status !== "COMPLETED") continue;
      cell.completions += 1;
      if (row.scaledScore !== null) {
        cell.scoreSum += row.scaledScore;
        cell.scoreCount += 1;
      }
      if (row.course.modality !== "IN_PERSON") cell.minutes += row.declaredMinutes;
      const travel = onlineTravelAvoided(row, facts.hoursPerDay);
      cell.trips += travel.trips;
      cell.km += travel.km;
      markTrained(row.userId, row.completedAt, row.agent, row.course);
    }
  }
  const daysSaved = new Set<string>();
  for (const row of facts.attendances) {
    const cell = cellOf(row.startsAt, row.agent, row.course);
    if (row.course.modality !== "ONLINE") cell.minutes += row.minutes;
    const saved = inPersonDayKmAvoided(row);
    const dayKey = inPersonDayKey(row);
    if (saved !== null && !daysSaved.has(dayKey)) {
      daysSaved.add(dayKey);
      cell.km += saved;
    }
    markTrained(row.userId, row.startsAt, row.agent, row.course);
  }
  for (const row of facts.surveys) {
    const cell = cellOf(row.submittedAt, row.agent, row.course);
    if (row.kind === "SATISFACTION") {
      cell.satisfactionSum += row.meanAnswer;
      cell.satisfactionCount += 1;
    } else {
      cell.followUpSum += row.meanAnswer;
      cell.followUpCount += 1;
    }
  }
  // Grouped by dimension so that each dimension's rows sit together on disk: a national count
  // then reads about a quarter of the table's pages instead of all of them (bench/indicators).
  const order = (row: TTraineeRollupRow) => TRAINEE_DIMENSIONS.indexOf(row.dimension);
  return { days: [...cells.values()], trainees: [...trainees.values()].sort((a, b) => order(a) - order(b)) };
}
