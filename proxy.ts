// Runs before every page and route handler (Next.js "proxy", formerly middleware). It refuses
// requests no route could read; it does not secure: authorization stays in lib/auth at every boundary.
import type { NextRequest } from "next/server";
import { refuseMalformedAction } from "./lib/input/refuse-malformed-action";
import { refuseMalformedUrl } from "./lib/input/refuse-malformed-url";

export async function proxy(request: NextRequest): Promise<Response | undefined> {
  return refuseMalformedUrl(request) ?? (await refuseMalformedAction(request));
}

export const config = {
  // Everything but Next's own static assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
