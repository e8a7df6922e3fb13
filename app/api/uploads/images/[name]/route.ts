import { withActor } from "@/lib/auth/with-actor";
import { openImage } from "@/lib/uploads/open-image";

type TContext = { params: Promise<{ name: string }> };

/** Lesson images and posters, for signed-in people; the content address makes them cacheable forever. */
export const GET = withActor<TContext>(async (_actor, _request, { params }) => {
  const { body, headers } = await openImage((await params).name);
  return new Response(new Uint8Array(body), { headers });
});
