import { withActor } from "@/lib/auth/with-actor";
import { inputError } from "@/lib/input/input-errors";
import { commitPackageRuntime } from "@/lib/packages/commit-package-runtime";

/** A SCORM commit relayed by the player (the learner's session): kept, and turned into xAPI statements. */
export const POST = withActor(async (actor, request) => {
  // An empty or non-JSON body (a forged call) is the caller's mistake: 400, never a SyntaxError 500.
  const body: unknown = await request.json().catch(() => {
    throw inputError("syntax", "body");
  });
  const result = await commitPackageRuntime(actor, body);
  return Response.json(result);
});
