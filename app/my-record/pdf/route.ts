import { withActor } from "@/lib/auth/with-actor";
import { getLocale } from "@/lib/i18n/server";
import { getMyTrainingRecord } from "@/lib/records/get-my-training-record";
import { renderTrainingRecordPdf } from "@/lib/records/render-training-record-pdf";

/** GET /my-record/pdf: the signed-in agent's own record. */
export const GET = withActor(async (actor) => {
  const record = await getMyTrainingRecord(actor);
  const pdf = await renderTrainingRecordPdf(record, await getLocale());
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="mon-parcours-de-formation.pdf"',
      "cache-control": "private, no-store",
    },
  });
});
