import "server-only";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { db } from "../db";
import { absoluteJobFilePath, deleteJobFile } from "../job-queue/job-file-storage";
import type { TIndicatorJobHandler } from "../job-queue/run-indicator-job";
import { importHeadcounts } from "./import-headcounts";
import { importStaff } from "./import-staff";
import { describeRefusedLines, listRefusedLines } from "./translate-line-error";
import { localizedAppError } from "../errors/localized-error";
import { LOCALES } from "../i18n/config";
import { createTranslator } from "../i18n/translate";

// Jobs queued before imports carried the owner's language are read in French, the default.
const ZImportParams = z.object({ institutionId: z.string().min(1), locale: z.enum(LOCALES).default("fr") });

/**
 * A queued staff or headcount import: the uploaded file waits in the data folder until it has
 * run; an invalid file changes nothing and the job lists its first errors line by line.
 */
export const runImportJob: TIndicatorJobHandler = async (job, { actor, setProgress }) => {
  const { institutionId, locale } = ZImportParams.parse(job.params);
  // No file (jobs queued before files left the row, or a data folder lost): never an empty import.
  const bytes = job.inputPath ? await readFile(absoluteJobFilePath(job.inputPath)).catch(() => null) : null;
  if (!bytes)
    throw localizedAppError("CONFLICT", "The uploaded file is no longer available: import it again.", {
      messageKey: "errors.imports.fileGone",
      values: {},
    });
  const options = {
    institutionId,
    bytes: new Uint8Array(bytes),
    isDryRun: false,
    onProgress: (done: number, total: number) => setProgress((100 * done) / total),
  };
  const result =
    job.kind === "STAFF_IMPORT" ? await importStaff(actor, options) : await importHeadcounts(actor, options);
  if (result.errors.length > 0) {
    // The file changed nothing: list the first errors, line by line, as the synchronous import
    // does, in the owner's language (the job page translates the sentence around them).
    throw localizedAppError("INVALID", describeRefusedLines(result.errors, createTranslator("en")), {
      messageKey: "indicators.imports.invalidLines",
      values: { count: result.errors.length, lines: listRefusedLines(result.errors, createTranslator(locale)) },
    });
  }
  await db.indicatorJob.update({
    where: { id: job.id },
    data: {
      status: "DONE",
      progress: 100,
      params: { institutionId, locale, created: result.created, updated: result.updated },
      inputPath: null,
      finishedAt: new Date(),
    },
  });
  if (job.inputPath) await deleteJobFile(job.inputPath);
};
