import { withActor } from "@/lib/auth/with-actor";
import { openDocument } from "@/lib/uploads/open-document";

type TContext = { params: Promise<{ fileId: string }> };

/** A course document (FILE activity), for those who may see the course. */
export const GET = withActor<TContext>(async (actor, _request, { params }) => {
  const { body, headers } = await openDocument(actor, (await params).fileId);
  return new Response(new Uint8Array(body), { headers });
});
