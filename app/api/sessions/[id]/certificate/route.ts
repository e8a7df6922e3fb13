import { withActor } from "@/lib/auth/with-actor";
import { getAttendanceCertificate } from "@/lib/sessions/get-attendance-certificate";
import { getLocale } from "@/lib/i18n/server";

/** The agent's attendance certificate (or, for the site's coordinator, ?userId=someone's). */
export const GET = withActor<{ params: Promise<{ id: string }> }>(async (actor, request, context) => {
  const { id } = await context.params;
  const userId = new URL(request.url).searchParams.get("userId") ?? actor.userId;
  const { pdf, certificate } = await getAttendanceCertificate(actor, { sessionId: id, userId }, await getLocale());
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="attestation-${certificate.verificationCode}.pdf"`,
    },
  });
});
