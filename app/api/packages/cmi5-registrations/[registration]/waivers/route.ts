import { withActor } from "@/lib/auth/with-actor";
import { waiveCmi5Au } from "@/lib/packages/waive-cmi5-au";

/** Waives an AU of a cmi5 registration: { auIndex, reason }. */
export const POST = withActor(async (actor, request, context: { params: Promise<{ registration: string }> }) => {
  const { registration } = await context.params;
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  return Response.json(await waiveCmi5Au(actor, { ...body, registration }), { status: 201 });
});
