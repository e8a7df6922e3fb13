import { withActor } from "@/lib/auth/with-actor";
import { buildAttendanceSheet } from "@/lib/sessions/build-attendance-sheet";

export const GET = withActor<{ params: Promise<{ id: string }> }>(async (actor, _request, context) => {
  const { id } = await context.params;
  const pdf = await buildAttendanceSheet(actor, id);
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="emargement-${id}.pdf"`,
    },
  });
});
