// The run-time data a SCO starts with: what the last commit saved (suspend data, location,
// status, score), with the learner's identity and entry "resume" once data exists (SCORM 1.2
// cmi.core.entry, 2004 cmi.entry), and the manifest's mastery score for the LMS to apply.
export function buildInitialCmi(options: {
  standard: "SCORM_12" | "SCORM_2004";
  saved: Record<string, unknown> | null;
  learner: { id: string; name: string };
  masteryScore: number | null;
}): Record<string, unknown> {
  const saved = options.saved ?? {};
  const entry = options.saved ? "resume" : "ab-initio";
  if (options.standard === "SCORM_12") {
    const core = (saved.core as Record<string, unknown> | undefined) ?? {};
    return {
      suspend_data: saved.suspend_data ?? "",
      core: {
        lesson_location: core.lesson_location ?? "",
        lesson_status: core.lesson_status ?? "not attempted",
        score: core.score ?? {},
        student_id: options.learner.id,
        student_name: options.learner.name,
        entry,
      },
      student_data: { mastery_score: options.masteryScore === null ? "" : String(options.masteryScore) },
    };
  }
  return {
    suspend_data: saved.suspend_data ?? "",
    location: saved.location ?? "",
    completion_status: saved.completion_status ?? "unknown",
    success_status: saved.success_status ?? "unknown",
    progress_measure: saved.progress_measure ?? "",
    score: saved.score ?? {},
    learner_id: options.learner.id,
    learner_name: options.learner.name,
    entry,
    ...(options.masteryScore === null ? {} : { scaled_passing_score: String(options.masteryScore / 100) }),
  };
}
