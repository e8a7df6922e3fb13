import { withActor } from "@/lib/auth/with-actor";
import { assertCanImportPackage, importPackage } from "@/lib/packages/import-package";
import { savePackageUpload } from "@/lib/packages/save-package-upload";

/**
 * A trainer's SCORM or cmi5 zip, sent as the raw request body (application/zip); ?name= is its
 * file name. A cmi5 course structure alone (text/xml or application/xml) is a cmi5 course whose
 * AUs are hosted elsewhere (cmi5 §14.2).
 */
export const POST = withActor(async (actor, request) => {
  assertCanImportPackage(actor);
  const length = request.headers.get("content-length");
  const upload = await savePackageUpload(request.body, { declaredLength: length ? Number(length) : null });
  try {
    const imported = await importPackage(actor, {
      zipPath: upload.zipPath,
      fileName: new URL(request.url).searchParams.get("name") ?? undefined,
      format: /^(text|application)\/xml\b/i.test(request.headers.get("content-type") ?? "") ? "xml" : "zip",
    });
    return Response.json(imported, { status: 201 });
  } finally {
    await upload.cleanup();
  }
});
