import { localizedJsonError } from "@/lib/auth/with-actor";
import { openPackageFile } from "@/lib/packages/open-package-file";
import { packageContentHeaders } from "@/lib/security/security-headers";

/**
 * A package's file, for its sandboxed frame: no session here (the frame's origin, opaque or the
 * package content origin, gets no Relais cookie); the path's content token is the capability
 * (lib/packages/package-content-token.ts). Its sandbox, framing and referrer rules are set here:
 * the documents keep their origin only when asked on the content origin their token was issued
 * for, so a package's script can never open one of its files on Relais's origin with that right.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string; path: string[] }> }) {
  let isolatedFor: string | null = null;
  try {
    const { token, path } = await context.params;
    const result = await openPackageFile({
      token,
      path: path.map((part) => decodeURIComponent(part)).join("/"),
      rangeHeader: request.headers.get("range"),
      ifNoneMatch: request.headers.get("if-none-match"),
    });
    const host = request.headers.get("host");
    if (result.origins && host && new URL(result.origins.content).host === host) isolatedFor = result.origins.player;
    return new Response(result.body as BodyInit | null, {
      status: result.status,
      headers: { ...result.headers, ...packageContentHeaders({ isolatedFor }) },
    });
  } catch (error) {
    const response = await localizedJsonError(error);
    for (const [key, value] of Object.entries(packageContentHeaders({ isolatedFor: null })))
      response.headers.set(key, value);
    return response;
  }
}
