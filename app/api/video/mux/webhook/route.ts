import { jsonError } from "@/lib/auth/with-actor";
import { handleMuxWebhook } from "@/lib/video/handle-mux-webhook";

/** Mux's webhook: no session (Mux calls it); trusted only through the signature, checked on the raw body. */
export async function POST(request: Request): Promise<Response> {
  try {
    const result = await handleMuxWebhook({ body: await request.text(), headers: request.headers });
    return Response.json(result);
  } catch (error) {
    return jsonError(error);
  }
}
