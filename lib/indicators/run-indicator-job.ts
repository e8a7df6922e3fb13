import "server-only";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { finished } from "node:stream/promises";
import { z } from "zod";
import { db } from "../db";
import { loadActor } from "../auth/actor";
import { AppError, isAppError } from "../errors/app-error";
import { LOCALES } from "../i18n/config";
import { importHeadcounts } from "../imports/import-headcounts";
import { importStaff } from "../imports/import-staff";
import { describeRefusedLines } from "../imports/translate-line-error";
import { createTranslator, type TMessageKey } from "../i18n/translate";
import { writeProgressReport } from "../reports/export-progress-report";
import { REPORT_FORMATS } from "../reports/render-progress-report";
import { absoluteJobFilePath, deleteJobFile, jobFilePath, prepareJobFile } from "./job-file-storage";
import { ZIndicatorFilters } from "./scope";

const ZExportParams = z.object({ filters: ZIndicatorFilters, format: z.enum(REPORT_FORMATS), locale: z.enum(LOCALES) });
// Jobs queued before imports carried the owner's language are read in French, the default.
const ZImportParams = z.object({ institutionId: z.string().min(1), locale: z.enum(LOCALES).default("fr") });

/** An error carrying a message key (lib/imports) in the owner's language; others as they are. */
function localizedMessage(error: AppError, params: unknown): string {
  const key = error.details?.messageKey;
  if (typeof key !== "string") return error.userMessage;
  const locale = ZImportParams.safeParse(params).data?.locale ?? "fr";
  return createTranslator(locale)(key as TMessageKey, error.details?.values as Record<string, string | number>);
}

/**
 * The background half of a large import or export (pg-boss worker). The owner's rights are checked
 * again here, by the use cases: they may have changed since the job was queued. A job already
 * finished is left alone, so a redelivered message does nothing twice; a retry after a crash
 * rewrites the export from the start. An export is written to the data folder page by page
 * (lib/indicators/job-file-storage.ts), the row keeps its path, size and sha256; an import's
 * uploaded file is deleted once the job ends, whatever the outcome.
 */
export async function runIndicatorJob(jobId: string): Promise<void> {
  const job = await db.indicatorJob.findUnique({ where: { id: jobId } });
  if (!job || job.status === "DONE" || job.status === "FAILED") return;
  await db.indicatorJob.update({ where: { id: jobId }, data: { status: "RUNNING", progress: 0 } });
  const setProgress = async (percent: number) => {
    await db.indicatorJob.update({ where: { id: jobId }, data: { progress: Math.min(99, Math.round(percent)) } });
  };
  try {
    const actor = await loadActor(job.ownerId);
    if (!actor) throw new AppError("FORBIDDEN", "You are not allowed to do this.");
    if (job.kind === "PROGRESS_EXPORT") {
      const params = ZExportParams.parse(job.params);
      const resultPath = jobFilePath("exports", job.id, params.format);
      const target = await prepareJobFile(resultPath);
      const output = createWriteStream(target.partPath);
      const file = await writeProgressReport(actor, { ...params, output, onProgress: setProgress }).catch(
        async (error: unknown) => {
          output.destroy();
          await finished(output).catch(() => undefined); // closed, so no empty part appears after the delete
          await deleteJobFile(resultPath);
          throw error;
        },
      );
      await finished(output);
      const { size, sha256 } = await target.commit();
      await db.indicatorJob.update({
        where: { id: jobId },
        data: {
          status: "DONE",
          progress: 100,
          resultPath,
          resultSize: size,
          resultSha256: sha256,
          resultName: file.filename,
          resultType: file.contentType,
          finishedAt: new Date(),
        },
      });
      return;
    }
    const { institutionId, locale } = ZImportParams.parse(job.params);
    // No file (jobs queued before files left the row, or a data folder lost): never an empty import.
    const bytes = job.inputPath ? await readFile(absoluteJobFilePath(job.inputPath)).catch(() => null) : null;
    if (!bytes) throw new AppError("CONFLICT", "The uploaded file is no longer available. Import it again.");
    const options = {
      institutionId,
      bytes: new Uint8Array(bytes),
      isDryRun: false,
      onProgress: (done: number, total: number) => setProgress((100 * done) / total),
    };
    const result =
      job.kind === "STAFF_IMPORT" ? await importStaff(actor, options) : await importHeadcounts(actor, options);
    if (result.errors.length > 0) {
      // The file changed nothing: list the first errors, line by line, as the synchronous import does,
      // in the owner's language.
      throw new AppError("INVALID", describeRefusedLines(result.errors, createTranslator(locale)));
    }
    await db.indicatorJob.update({
      where: { id: jobId },
      data: {
        status: "DONE",
        progress: 100,
        params: { institutionId, locale, created: result.created, updated: result.updated },
        inputPath: null,
        finishedAt: new Date(),
      },
    });
    if (job.inputPath) await deleteJobFile(job.inputPath);
  } catch (error) {
    if (!isAppError(error)) console.error(`Indicator job ${jobId} failed:`, error);
    const message = isAppError(error)
      ? localizedMessage(error, job.params)
      : "An unexpected error occurred. It has been logged.";
    await db.indicatorJob.update({
      where: { id: jobId },
      data: { status: "FAILED", errorMessage: message, inputPath: null, finishedAt: new Date() },
    });
    if (job.inputPath) await deleteJobFile(job.inputPath);
  }
}
