import { withActor } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { saveCourseDraft } from "@/lib/authoring/save-course-draft";

type TContext = { params: Promise<{ courseId: string }> };

/** Autosave: PUT { versionId, revision, draft } → { revision }; a stale revision answers 409. */
export const PUT = withActor<TContext>(async (actor, request, { params }) => {
  const { courseId } = await params;
  const body = (await request.json().catch(() => null)) as {
    versionId?: unknown;
    revision?: unknown;
    draft?: unknown;
  } | null;
  if (!body) throw new AppError("INVALID", "body: a JSON object is required");
  const result = await saveCourseDraft(actor, {
    courseId,
    versionId: String(body.versionId ?? ""),
    revision: Number(body.revision),
    draft: body.draft,
  });
  return Response.json(result);
});
