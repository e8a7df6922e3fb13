import { z } from "zod";
import { withActor } from "@/lib/auth/with-actor";
import { getIndicatorJobOrThrow } from "@/lib/job-queue/indicator-job-store";
import { jobErrorText } from "@/lib/job-queue/job-failure";
import { getTranslator } from "@/lib/i18n/server";

type TContext = { params: Promise<{ id: string }> };

const ZJobStatus = z.object({
  id: z.string(),
  kind: z.enum(["STAFF_IMPORT", "HEADCOUNT_IMPORT", "PROGRESS_EXPORT"]),
  status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]),
  progress: z.number().int().min(0).max(100),
  errorMessage: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});

/** GET /api/reports/jobs/:id — a background import or export's progress, for its owner only (404 otherwise). */
export const GET = withActor<TContext>(async (actor, _request, context) => {
  const { id } = await context.params;
  const job = await getIndicatorJobOrThrow(actor, id);
  const { t } = await getTranslator();
  const body = ZJobStatus.parse({
    ...job,
    errorMessage: jobErrorText(job, t),
    downloadUrl: job.status === "DONE" && job.resultName ? `/api/reports/jobs/${job.id}/file` : null,
  });
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
});
