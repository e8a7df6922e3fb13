// Indicator facts built in memory for the pure tests of lib/indicators and lib/opendata: no
// attendance, survey or headcount unless given, 6 hours a day, the default mission-cost scales.
import { DEFAULT_MISSION_SCALES } from "../lib/mission-costs/mission-scales";
import type { TIndicatorFacts } from "../lib/indicators/types";

export function indicatorFacts(facts: Pick<TIndicatorFacts, "period"> & Partial<TIndicatorFacts>): TIndicatorFacts {
  return {
    enrolments: [],
    attendances: [],
    surveys: [],
    headcounts: [],
    headcountYear: facts.period.to.getUTCFullYear(),
    hoursPerDay: 6,
    missionScales: DEFAULT_MISSION_SCALES,
    ...facts,
  };
}
