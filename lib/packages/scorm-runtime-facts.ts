// What a SCORM run-time commit means, whatever the version: the CMI object as scorm-again renders
// it ({ cmi: { core: ... } } for 1.2, { cmi: { completion_status ... } } for 2004) read into one
// shape, and the xAPI statements a change of it stands for (after ADL's SCORM-to-xAPI mapping:
// initialized, progressed, completed, passed/failed with the score, terminated with the duration).
import { z } from "zod";
import { parseIsoDurationSeconds } from "../learning/xapi-vocabulary";

export type TScormFacts = {
  completion: "completed" | "incomplete" | "unknown";
  success: "passed" | "failed" | "unknown";
  /** -1..1 */
  scaled: number | null;
  raw: number | null;
  min: number | null;
  max: number | null;
  location: string;
  suspendData: string;
  progressMeasure: number | null;
  sessionSeconds: number | null;
  exit: string;
};

/** Facts with only a completion, success and scaled score known (a rolled-up package, a test). */
export function statusFacts(
  status: Partial<Pick<TScormFacts, "completion" | "success" | "scaled">> | null,
): TScormFacts {
  return {
    completion: status?.completion ?? "unknown",
    success: status?.success ?? "unknown",
    scaled: status?.scaled ?? null,
    raw: null,
    min: null,
    max: null,
    location: "",
    suspendData: "",
    progressMeasure: null,
    sessionSeconds: null,
    exit: "",
  };
}

const ZText = z.string().max(65_536).optional();
const ZScore = z.object({ raw: ZText, min: ZText, max: ZText, scaled: ZText }).partial().optional();
/** SCORM 2004 suspend_data is at most 64,000 characters; 1.2 allows 4,096. */
export const ZScormCmi = z.object({
  cmi: z
    .object({
      core: z
        .object({
          lesson_status: ZText,
          lesson_location: ZText,
          score: ZScore,
          session_time: ZText,
          exit: ZText,
        })
        .partial()
        .optional(),
      suspend_data: ZText,
      completion_status: ZText,
      success_status: ZText,
      location: ZText,
      progress_measure: ZText,
      score: ZScore,
      session_time: ZText,
      exit: ZText,
    })
    .passthrough(),
});

function number(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** "HHHH:MM:SS.SS" (SCORM 1.2 CMITimespan) → seconds. */
function scorm12Seconds(value: string | undefined): number | null {
  const match = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(value ?? "");
  if (!match) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0);
}

export function readScormFacts(standard: "SCORM_12" | "SCORM_2004", value: z.infer<typeof ZScormCmi>): TScormFacts {
  const cmi = value.cmi;
  if (standard === "SCORM_12") {
    const core = cmi.core ?? {};
    const status = core.lesson_status ?? "";
    const raw = number(core.score?.raw);
    const min = number(core.score?.min) ?? 0;
    const max = number(core.score?.max) ?? 100;
    return {
      completion: ["completed", "passed", "failed"].includes(status)
        ? "completed"
        : status === "incomplete"
          ? "incomplete"
          : "unknown",
      success: status === "passed" ? "passed" : status === "failed" ? "failed" : "unknown",
      raw,
      min,
      max,
      scaled: raw !== null && max > min ? Math.max(-1, Math.min(1, (raw - min) / (max - min))) : null,
      location: core.lesson_location ?? "",
      suspendData: cmi.suspend_data ?? "",
      progressMeasure: null,
      sessionSeconds: scorm12Seconds(core.session_time),
      exit: core.exit ?? "",
    };
  }
  const scaled = number(cmi.score?.scaled);
  const progress = number(cmi.progress_measure);
  return {
    completion:
      cmi.completion_status === "completed"
        ? "completed"
        : cmi.completion_status === "incomplete"
          ? "incomplete"
          : "unknown",
    success: cmi.success_status === "passed" ? "passed" : cmi.success_status === "failed" ? "failed" : "unknown",
    scaled: scaled === null ? null : Math.max(-1, Math.min(1, scaled)),
    raw: number(cmi.score?.raw),
    min: number(cmi.score?.min),
    max: number(cmi.score?.max),
    location: cmi.location ?? "",
    suspendData: cmi.suspend_data ?? "",
    progressMeasure: progress === null ? null : Math.max(0, Math.min(1, progress)),
    sessionSeconds: parseIsoDurationSeconds(cmi.session_time),
    exit: cmi.exit ?? "",
  };
}

/**
 * What of a commit is kept to resume the SCO (lib/packages/build-initial-cmi.ts reads it back):
 * status, score, location and suspend data; the rest (interactions, session time...) is sent as
 * statements, not replayed.
 */
export function resumableCmi(
  standard: "SCORM_12" | "SCORM_2004",
  value: z.infer<typeof ZScormCmi>,
): Record<string, unknown> {
  const cmi = value.cmi;
  if (standard === "SCORM_12")
    return {
      suspend_data: cmi.suspend_data ?? "",
      core: {
        lesson_location: cmi.core?.lesson_location ?? "",
        lesson_status: cmi.core?.lesson_status ?? "",
        score: cmi.core?.score ?? {},
      },
    };
  return {
    suspend_data: cmi.suspend_data ?? "",
    location: cmi.location ?? "",
    completion_status: cmi.completion_status ?? "",
    success_status: cmi.success_status ?? "",
    progress_measure: cmi.progress_measure ?? "",
    score: cmi.score ?? {},
  };
}

export type TScormEvent =
  | { verb: "initialized" }
  | { verb: "progressed"; progress: number | null; location: string }
  | { verb: "completed" }
  | { verb: "passed" | "failed" }
  | { verb: "terminated"; seconds: number };

/**
 * The statements a commit stands for, from what changed since the previous one. "completed" is
 * what the course's completion rules count (lib/learning/completion-rules.ts: an activity done):
 * a package is done once it reports itself completed and has not failed — a SCO that reports a
 * failure is not done, as a quiz that is failed is not.
 */
export function scormEvents(options: {
  previous: TScormFacts | null;
  next: TScormFacts;
  isTerminating: boolean;
}): TScormEvent[] {
  const { previous, next } = options;
  const events: TScormEvent[] = [];
  if (!previous) events.push({ verb: "initialized" });
  if (
    (next.location !== (previous?.location ?? "") && next.location !== "") ||
    (next.progressMeasure !== null && next.progressMeasure !== previous?.progressMeasure)
  )
    events.push({ verb: "progressed", progress: next.progressMeasure, location: next.location });
  const wasDone = previous?.completion === "completed" && previous.success !== "failed";
  if (next.completion === "completed" && next.success !== "failed" && !wasDone) events.push({ verb: "completed" });
  if (next.success !== "unknown" && next.success !== previous?.success) events.push({ verb: next.success });
  if (options.isTerminating) events.push({ verb: "terminated", seconds: next.sessionSeconds ?? 0 });
  return events;
}
