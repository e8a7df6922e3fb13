import { withActor } from "@/lib/auth/with-actor";
import { getVideoProvider } from "@/lib/video/video-provider";

/** Where the trainer's browser should send a video: Relais itself (local) or a Mux direct-upload URL. */
export const POST = withActor(async (actor, request) => {
  const upload = await getVideoProvider().createUpload(actor, { corsOrigin: new URL(request.url).origin });
  return Response.json(upload, { status: 201 });
});
