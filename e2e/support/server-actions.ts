import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E } from "../../scripts/e2e-settings";

/** A server action's id in the build under test (its server-reference manifest), to call it over HTTP. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(E2E.distDir, "server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`${exportedName} not found in the server-reference manifest`);
  return entry[0];
}

/**
 * The body React's encodeReply sends for `action(previousState, formData)`: the arguments as
 * JSON in part "0", the FormData as "$K1" with its fields prefixed "_1_".
 */
export function actionStateReply(fields: Record<string, string | File>): FormData {
  const body = new FormData();
  // Order matters: the FormData's fields, then the root (a JS object would put "0" first).
  for (const [name, value] of Object.entries(fields)) body.set(`_1_${name}`, value);
  body.set("0", JSON.stringify(["$undefined", "$K1"]));
  return body;
}
