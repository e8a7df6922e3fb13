import { withActor } from "@/lib/auth/with-actor";
import { getLocale } from "@/lib/i18n/server";
import { exportCoursePackage } from "@/lib/packages/export-course-package";

/** GET ?format=cmi5|scorm12: the course as a package for another LMS (its authors only). */
export const GET = withActor(async (actor, request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const format = new URL(request.url).searchParams.get("format") ?? "cmi5";
  const { fileName, zip } = await exportCoursePackage(actor, { courseId: id, format }, { locale: await getLocale() });
  return new Response(new Uint8Array(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
