// Server actions decode their arguments (React's decodeReply) inside Next.js, before any code of
// ours runs: arguments that are not JSON, or nested deeper than a stack can follow, end there as a
// 500. This check runs in proxy.ts on every server action call and answers 400 instead. Texts are
// left to the actions' own guard (lib/auth/authed-action.ts), which answers in the form's language.
import { parseBoundedJson } from "./find-input-problem";

// React's reply: the arguments in field "0", other model chunks in numbered fields; "<n>_<name>" are
// the entries of a FormData argument, sent as typed.
const MODEL_FIELD = /^\d+$/;

function isStructurallyBad(text: string): boolean {
  const parsed = parseBoundedJson(text);
  return !parsed.ok && (parsed.problem.kind === "syntax" || parsed.problem.kind === "too-deep");
}

/** A 400 for a server action call whose arguments cannot be decoded; undefined otherwise. */
export async function refuseMalformedAction(request: Request): Promise<Response | undefined> {
  if (request.method !== "POST" || !request.headers.has("next-action") || !request.body) return undefined;
  const contentType = request.headers.get("content-type") ?? "";
  let isBad = false;
  try {
    if (contentType.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      for (const [name, value] of form)
        if (MODEL_FIELD.test(name) && typeof value === "string" && isStructurallyBad(value)) isBad = true;
    } else if (!contentType.startsWith("application/x-www-form-urlencoded")) {
      // A no-JavaScript form post is urlencoded and carries no JSON; anything else is a JSON reply.
      isBad = isStructurallyBad(await request.clone().text());
    }
  } catch {
    isBad = true;
  }
  if (!isBad) return undefined;
  return Response.json(
    { error: "INVALID", message: "The server action's arguments cannot be decoded." },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}
