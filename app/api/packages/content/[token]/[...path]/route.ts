import { localizedJsonError } from "@/lib/auth/with-actor";
import { openPackageFile } from "@/lib/packages/open-package-file";

/**
 * A package's file, for its sandboxed frame: no session here (the frame's opaque origin gets no
 * cookie); the path's content token is the capability (lib/packages/package-content-token.ts).
 * Its sandboxing CSP, framing and referrer rules come from next.config.ts.
 */
export async function GET(request: Request, context: { params: Promise<{ token: string; path: string[] }> }) {
  try {
    const { token, path } = await context.params;
    const result = await openPackageFile({
      token,
      path: path.map((part) => decodeURIComponent(part)).join("/"),
      rangeHeader: request.headers.get("range"),
      ifNoneMatch: request.headers.get("if-none-match"),
    });
    return new Response(result.body as BodyInit | null, { status: result.status, headers: result.headers });
  } catch (error) {
    return localizedJsonError(error);
  }
}
