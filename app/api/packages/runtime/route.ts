import { withActor } from "@/lib/auth/with-actor";
import { commitPackageRuntime } from "@/lib/packages/commit-package-runtime";

/** A SCORM commit relayed by the player (the learner's session): kept, and turned into xAPI statements. */
export const POST = withActor(async (actor, request) => {
  const result = await commitPackageRuntime(actor, await request.json());
  return Response.json(result);
});
