import { withActor } from "@/lib/auth/with-actor";
import { certificateResponse } from "@/lib/certificates/certificate-response";
import { getCertificatePdf } from "@/lib/certificates/get-certificate-pdf";

/** GET /api/certificates/:id: an issued certificate as PDF, for its holder (or staff who may read their record). */
export const GET = withActor<{ params: Promise<{ id: string }> }>(async (actor, _request, context) => {
  const { id } = await context.params;
  return certificateResponse(() => getCertificatePdf(actor, { certificateId: id }));
});
