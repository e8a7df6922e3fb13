import "server-only";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { z } from "zod";
import { db } from "../db";
import { LOCALES } from "../i18n/config";
import { ZIndicatorFilters } from "../indicators/scope";
import { deleteJobFile, jobFilePath, prepareJobFile } from "../job-queue/job-file-storage";
import type { TIndicatorJobHandler } from "../job-queue/run-indicator-job";
import { writeProgressReport } from "./export-progress-report";
import { REPORT_FORMATS } from "./render-progress-report";

const ZExportParams = z.object({ filters: ZIndicatorFilters, format: z.enum(REPORT_FORMATS), locale: z.enum(LOCALES) });

/**
 * A queued progress export: written to the data folder page by page
 * (lib/job-queue/job-file-storage.ts), renamed into place when complete; the row keeps its path,
 * size and sha256. A retry after a crash rewrites the file from the start.
 */
export const runExportJob: TIndicatorJobHandler = async (job, { actor, setProgress }) => {
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
    where: { id: job.id },
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
};
