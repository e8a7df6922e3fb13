import type { TIndicator } from "./indicator";
import { accessRate, agentsInPost } from "./measures/access-rate";
import { averageScore } from "./measures/average-score";
import { completionRate, completions } from "./measures/completions";
import { enrolments } from "./measures/enrolments";
import { effectiveness, satisfaction, surveyResponses } from "./measures/surveys";
import {
  trainingDays,
  trainingHours,
  hoursPerAgent,
  shareHybrid,
  shareInPerson,
  shareOnline,
} from "./measures/training-volume";
import { trainees } from "./measures/trainees";
import { kmAvoided, missionCostsAvoided, tripsAvoided } from "./measures/travel-avoided";

/**
 * Every national indicator, in the order the dashboards (tables, charts, the indicator picker)
 * show them; both computations (raw rows and rollups) run over this list. Open data and the
 * progress exports do not read it: open data publishes trainees and hours
 * (lib/opendata/build-raw-cells.ts), exports list per-agent rows (lib/reports/progress-report-columns.ts).
 */
export const ALL_INDICATORS: readonly TIndicator[] = [
  trainees,
  agentsInPost,
  accessRate,
  enrolments,
  completions,
  completionRate,
  trainingHours,
  trainingDays,
  hoursPerAgent,
  averageScore,
  shareOnline,
  shareInPerson,
  shareHybrid,
  satisfaction,
  effectiveness,
  surveyResponses,
  tripsAvoided,
  kmAvoided,
  missionCostsAvoided,
];

export type TIndicatorKey = (typeof ALL_INDICATORS)[number]["key"];

export function getIndicator(key: string): TIndicator | undefined {
  return ALL_INDICATORS.find((indicator) => indicator.key === key);
}
