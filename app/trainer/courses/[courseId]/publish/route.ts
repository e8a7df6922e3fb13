import { withActor } from "@/lib/auth/with-actor";
import { AppError } from "@/lib/errors/app-error";
import { publishCourseDraft } from "@/lib/authoring/publish-course-draft";

type TContext = { params: Promise<{ courseId: string }> };

export const POST = withActor<TContext>(async (actor, request, { params }) => {
  const { courseId } = await params;
  const body = (await request.json().catch(() => null)) as { versionId?: unknown; revision?: unknown } | null;
  if (!body) throw new AppError("INVALID", "body: a JSON object is required");
  return Response.json(
    await publishCourseDraft(actor, {
      courseId,
      versionId: String(body.versionId ?? ""),
      revision: Number(body.revision),
    }),
  );
});
