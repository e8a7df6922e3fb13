import { withActor } from "@/lib/auth/with-actor";
import { getLocale } from "@/lib/i18n/server";
import { exportPersonalData } from "@/lib/privacy/export-personal-data";

/** GET /my-record/export: the signed-in person's own data as a zip, streamed (nothing is stored). */
export const GET = withActor(async (actor) => {
  const { fileName, stream } = await exportPersonalData(actor, { locale: await getLocale() });
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
