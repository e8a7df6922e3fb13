import { withActor } from "@/lib/auth/with-actor";
import { openIndicatorJobFile } from "@/lib/job-queue/indicator-job-store";

type TContext = { params: Promise<{ id: string }> };

/** GET /api/reports/jobs/:id/file — the finished export, streamed, for the job's owner only (404 otherwise, 409 while running). */
export const GET = withActor<TContext>(async (actor, _request, context) => {
  const { id } = await context.params;
  const { body, headers } = await openIndicatorJobFile(actor, id);
  return new Response(body, { headers });
});
