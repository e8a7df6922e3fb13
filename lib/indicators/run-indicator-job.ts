import "server-only";
import { z } from "zod";
import { db } from "../db";
import { loadActor } from "../auth/actor";
import { AppError, isAppError } from "../errors/app-error";
import { LOCALES } from "../i18n/config";
import { importHeadcounts } from "../imports/import-headcounts";
import { importStaff } from "../imports/import-staff";
import { exportProgressReport } from "../reports/export-progress-report";
import { REPORT_FORMATS } from "../reports/render-progress-report";
import { ZIndicatorFilters } from "./scope";

const ZExportParams = z.object({ filters: ZIndicatorFilters, format: z.enum(REPORT_FORMATS), locale: z.enum(LOCALES) });
const ZImportParams = z.object({ institutionId: z.string().min(1) });

/**
 * The background half of a large import or export (pg-boss worker). The owner's rights are checked
 * again here, by the use cases: they may have changed since the job was queued. A job already
 * finished is left alone, so a redelivered message does nothing twice.
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
      const file = await exportProgressReport(actor, { ...params, onProgress: setProgress });
      await db.indicatorJob.update({
        where: { id: jobId },
        data: { status: "DONE", progress: 100, result: Buffer.from(file.body), resultName: file.filename, resultType: file.contentType, finishedAt: new Date() },
      });
      return;
    }
    const { institutionId } = ZImportParams.parse(job.params);
    const bytes = new Uint8Array(job.input ?? new Uint8Array());
    const options = { institutionId, bytes, isDryRun: false, onProgress: (done: number, total: number) => setProgress((100 * done) / total) };
    const result = job.kind === "STAFF_IMPORT" ? await importStaff(actor, options) : await importHeadcounts(actor, options);
    if (result.errors.length > 0) {
      // The file changed nothing: list the first errors, line by line, as the synchronous import does.
      const lines = result.errors.slice(0, 20).map((error) => `line ${error.line}: ${error.message}`);
      throw new AppError("INVALID", `${result.errors.length} invalid line(s), nothing imported. ${lines.join("; ")}`);
    }
    await db.indicatorJob.update({
      where: { id: jobId },
      data: { status: "DONE", progress: 100, params: { institutionId, created: result.created, updated: result.updated }, input: null, finishedAt: new Date() },
    });
  } catch (error) {
    if (!isAppError(error)) console.error(`Indicator job ${jobId} failed:`, error);
    const message = isAppError(error) ? error.userMessage : "An unexpected error occurred. It has been logged.";
    await db.indicatorJob.update({ where: { id: jobId }, data: { status: "FAILED", errorMessage: message, input: null, finishedAt: new Date() } });
  }
}
