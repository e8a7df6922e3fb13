import type { NeedDecision, NeedOpinion, NeedPriority, TrainingType } from "../db/generated/enums";

/** Where a need stands, as the agent reads it: the latest step it reached. */
/** COMMISSIONED: a national online module was commissioned for it (lib/needs/commission-module.ts). */
export type TNeedStage = "WITHDRAWN" | "ANSWERED" | "COMMISSIONED" | NeedDecision | "OPINION_GIVEN" | "SUBMITTED";

export function needStage(need: {
  withdrawnAt: Date | null;
  answeredBySessionId: string | null;
  answeredByCommissionId?: string | null;
  decision: NeedDecision | null;
  opinion: NeedOpinion | null;
}): TNeedStage {
  if (need.withdrawnAt) return "WITHDRAWN";
  if (need.answeredBySessionId) return "ANSWERED";
  if (need.answeredByCommissionId) return "COMMISSIONED";
  if (need.decision) return need.decision;
  if (need.opinion) return "OPINION_GIVEN";
  return "SUBMITTED";
}

/** The select every needs list shares, and its rows as pages show them. */
export const NEED_ROW_SELECT = {
  id: true,
  title: true,
  courseId: true,
  trainingType: true,
  priority: true,
  justification: true,
  opinion: true,
  opinionReason: true,
  decision: true,
  decisionReason: true,
  withdrawnAt: true,
  answeredBySessionId: true,
  answeredByCommissionId: true,
  createdAt: true,
  theme: { select: { nameFr: true, nameEn: true } },
  course: {
    select: {
      versions: {
        where: { status: "PUBLISHED" },
        orderBy: { number: "desc" },
        take: 1,
        select: { title: true, titleEn: true },
      },
    },
  },
  user: { select: { id: true, name: true } },
} as const;

export type TNeedRow = {
  id: string;
  label: { fr: string; en: string | null };
  theme: { fr: string; en: string };
  trainingType: TrainingType;
  priority: NeedPriority;
  justification: string;
  opinion: NeedOpinion | null;
  opinionReason: string | null;
  decision: NeedDecision | null;
  decisionReason: string | null;
  stage: TNeedStage;
  agentName: string;
  answeredBySessionId: string | null;
  createdAt: Date;
};

type TSelected = {
  id: string;
  title: string;
  trainingType: TrainingType;
  priority: NeedPriority;
  justification: string;
  opinion: NeedOpinion | null;
  opinionReason: string | null;
  decision: NeedDecision | null;
  decisionReason: string | null;
  withdrawnAt: Date | null;
  answeredBySessionId: string | null;
  answeredByCommissionId?: string | null;
  createdAt: Date;
  theme: { nameFr: string; nameEn: string };
  course: { versions: { title: string; titleEn: string | null }[] } | null;
  user: { id: string; name: string };
};

export function toNeedRow(need: TSelected): TNeedRow {
  const version = need.course?.versions[0];
  return {
    id: need.id,
    label: version ? { fr: version.title, en: version.titleEn } : { fr: need.title, en: null },
    theme: { fr: need.theme.nameFr, en: need.theme.nameEn },
    trainingType: need.trainingType,
    priority: need.priority,
    justification: need.justification,
    opinion: need.opinion,
    opinionReason: need.opinionReason,
    decision: need.decision,
    decisionReason: need.decisionReason,
    stage: needStage(need),
    agentName: need.user.name,
    answeredBySessionId: need.answeredBySessionId,
    createdAt: need.createdAt,
  };
}
