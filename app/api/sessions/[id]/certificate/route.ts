import { withActor } from "@/lib/auth/with-actor";
import { certificateResponse } from "@/lib/certificates/certificate-response";
import { getAttendanceCertificate } from "@/lib/sessions/get-attendance-certificate";

/** The agent's attendance certificate (or, for the site's coordinator, ?userId=someone's), issued on first request. */
export const GET = withActor<{ params: Promise<{ id: string }> }>(async (actor, request, context) => {
  const { id } = await context.params;
  const userId = new URL(request.url).searchParams.get("userId") ?? actor.userId;
  return certificateResponse(() => getAttendanceCertificate(actor, { sessionId: id, userId }));
});
