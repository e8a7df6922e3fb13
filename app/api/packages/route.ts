import { withActor } from "@/lib/auth/with-actor";
import { assertCanImportPackage, importPackage } from "@/lib/packages/import-package";
import { savePackageUpload } from "@/lib/packages/save-package-upload";

/** A trainer's SCORM or cmi5 zip, sent as the raw request body (application/zip); ?name= is its file name. */
export const POST = withActor(async (actor, request) => {
  assertCanImportPackage(actor);
  const length = request.headers.get("content-length");
  const upload = await savePackageUpload(request.body, { declaredLength: length ? Number(length) : null });
  try {
    const imported = await importPackage(actor, {
      zipPath: upload.zipPath,
      fileName: new URL(request.url).searchParams.get("name") ?? undefined,
    });
    return Response.json(imported, { status: 201 });
  } finally {
    await upload.cleanup();
  }
});
