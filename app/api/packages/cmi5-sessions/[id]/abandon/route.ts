import { withActor } from "@/lib/auth/with-actor";
import { abandonCmi5Session } from "@/lib/packages/abandon-cmi5-session";

/** Declares a cmi5 session abandoned. */
export const POST = withActor(async (actor, _request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return Response.json(await abandonCmi5Session(actor, { sessionId: id }));
});
