import type { TTranslate } from "@/lib/i18n/translate";
import type { TJobProgressLabels } from "./job-progress";

/** The progress widget's texts, translated on the server. */
export function jobProgressLabels(t: TTranslate): TJobProgressLabels {
  return {
    progress: t("indicators.jobs.progress"),
    queued: t("indicators.jobs.queued"),
    running: t("indicators.jobs.running"),
    done: t("indicators.jobs.done"),
    failed: t("indicators.jobs.failed"),
    download: t("indicators.jobs.download"),
    lost: t("indicators.jobs.lost"),
  };
}
