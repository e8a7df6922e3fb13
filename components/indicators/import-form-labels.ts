import type { TTranslate } from "@/lib/i18n/translate";
import { MAX_IMPORT_BYTES } from "@/lib/security/body-limits";

/** The words every CSV import form shares (ImportForm), in the reader's language; each form adds its title and columns. */
export function importFormLabels(t: TTranslate) {
  return {
    file: t("indicators.imports.file"),
    preview: t("indicators.imports.preview"),
    confirm: t("indicators.imports.confirm"),
    previewTitle: t("indicators.imports.previewTitle"),
    errorsTitle: t("indicators.imports.errorsTitle"),
    line: t("indicators.imports.line"),
    message: t("indicators.imports.message"),
    done: t("indicators.imports.done"),
    queued: t("indicators.jobs.queuedImport"),
    follow: t("indicators.jobs.follow"),
    tooLarge: t("indicators.imports.tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }),
    steps: [
      t("indicators.imports.steps.choose"),
      t("indicators.imports.steps.check"),
      t("indicators.imports.steps.done"),
    ],
    // Templates: the form fills in the step ({current}, {steps}).
    stepProgress: t("forms.stepper.progress"),
    stepNext: t("forms.stepper.next"),
  };
}
