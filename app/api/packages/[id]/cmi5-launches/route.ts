import { withActor } from "@/lib/auth/with-actor";
import { launchCmi5Test } from "@/lib/packages/launch-cmi5-test";

/** An author's test launch of a cmi5 AU: { auIndex, actor, registration?, launchMode? } → { url, registration, sessionId }. */
export const POST = withActor(async (actor, request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  const launch = await launchCmi5Test(actor, { ...body, packageId: id });
  return Response.json(launch, { status: 201 });
});
