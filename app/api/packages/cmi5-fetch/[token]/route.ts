import { fetchCmi5AuthToken } from "@/lib/packages/fetch-cmi5-auth-token";

export const dynamic = "force-dynamic";

// The AU runs in a sandboxed document (opaque origin) or on another host: the fetch URL answers any origin.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Cache-Control": "no-store",
};

/** cmi5 §8.2: the fetch URL's POST; the token in the path is the capability, used once. */
export async function POST(_request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const answer =
    token.length > 200 ? { "error-code": "3", "error-text": "Unknown fetch URL." } : await fetchCmi5AuthToken(token);
  return Response.json(answer, { status: 200, headers: CORS });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
