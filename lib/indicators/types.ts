import type { TMissionScales } from "../mission-costs/mission-scales";
// The rows the indicators are computed from ("facts"), already restricted to one period and to
// what the viewer may see. Pure: no database here, so every definition is testable by hand.
import type {
  EnrolmentStatus,
  Modality,
  Sex,
  StaffCategory,
  StaffPopulation,
  SurveyKind,
  TrainingType,
} from "../db/generated/enums";

/** Who the agent is: the breakdowns of the social database (docs/ARCHITECTURE.md, "The indicators"). */
export type TAgentDims = {
  institutionId: string;
  regionId: string;
  staffCategory: StaffCategory | null;
  population: StaffPopulation | null;
  sex: Sex;
};

export type TCourseDims = { modality: Modality; trainingType: TrainingType; themeId: string };

export type TEnrolmentFact = {
  userId: string;
  agent: TAgentDims;
  course: TCourseDims;
  status: EnrolmentStatus;
  enrolledAt: Date;
  completedAt: Date | null;
  scaledScore: number | null;
  declaredMinutes: number;
  /** One-way distance from the agent's workplace to the nearest relay site (null when the workplace is unknown). */
  nearestSiteKm: number | null;
};

/** One half-day slot where the agent was marked present. */
export type TAttendanceFact = {
  userId: string;
  agent: TAgentDims;
  course: TCourseDims;
  sessionId: string;
  startsAt: Date;
  minutes: number;
  /** One-way distance actually travelled to the relay site (Registration.distanceKm). */
  distanceKm: number | null;
  /** One-way distance to the nearest site of the course's own institution: where it would otherwise be held. */
  referenceKm: number | null;
  /** Distinct days the agent attended this session, in any period: its travel saving is spread over them. */
  sessionDaysAttended: number;
};

export type TSurveyFact = {
  kind: SurveyKind;
  userId: string;
  agent: TAgentDims;
  course: TCourseDims;
  meanAnswer: number;
  submittedAt: Date;
};

export type THeadcountFact = Omit<TAgentDims, "staffCategory" | "population"> & {
  staffCategory: StaffCategory;
  population: StaffPopulation;
  count: number;
};

export type TPeriod = { from: Date; to: Date };

export type TIndicatorFacts = {
  period: TPeriod;
  /** Enrolments opened or completed in the period. */
  enrolments: TEnrolmentFact[];
  /** Present slots starting in the period. */
  attendances: TAttendanceFact[];
  /** Survey answers submitted in the period. */
  surveys: TSurveyFact[];
  /** Headcounts of the period's reference year; empty when none were imported. */
  headcounts: THeadcountFact[];
  headcountYear: number;
  hoursPerDay: number;
  /** The national mission-cost scales the travel indicators follow. */
  missionScales: TMissionScales;
};

/** The group key of an agent whose staff category or population is not recorded. */
export const NOT_RECORDED = "NOT_RECORDED";

export const BREAKDOWNS = [
  "none",
  "institution",
  "region",
  "staffCategory",
  "population",
  "sex",
  "modality",
  "trainingType",
  "theme",
] as const;
export type TBreakdown = (typeof BREAKDOWNS)[number];
