import { withActor } from "@/lib/auth/with-actor";
import { getIndicatorJobResultOrThrow } from "@/lib/indicators/indicator-job-store";

type TContext = { params: Promise<{ id: string }> };

/** GET /api/reports/jobs/:id/file — the finished export, for the job's owner only (404 otherwise, 409 while running). */
export const GET = withActor<TContext>(async (actor, _request, context) => {
  const { id } = await context.params;
  const file = await getIndicatorJobResultOrThrow(actor, id);
  return new Response(Buffer.from(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store" },
  });
});
