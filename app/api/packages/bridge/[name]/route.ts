import { getScormBridgeScript } from "@/lib/packages/scorm-bridge-script";

/** The SCORM run-time of a package's frame (scorm-again and the bridge to the player); the same for everyone. */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }) {
  const { name } = await context.params;
  const standard = name === "scorm12.js" ? "scorm12" : name === "scorm2004.js" ? "scorm2004" : null;
  if (!standard) return new Response(null, { status: 404 });
  return new Response(await getScormBridgeScript(standard), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
