import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/*
 * The SCORM API inside the package's frame. The frame is sandboxed without allow-same-origin,
 * so the SCO cannot reach the player's window.API: scorm-again (ADL-conformant 1.2 and 2004 data
 * models, error codes, read-only elements) runs in the frame itself, loaded with the data to
 * resume from, and each commit and finish is posted to the player, which sends it to Relais
 * with the learner's session (components/player/package-activity.tsx).
 */
const GLUE = `
(function () {
  var boot = window.__RELAIS_SCORM__;
  if (!boot || window.parent === window) return;
  var settings = { lmsCommitUrl: false, autocommit: false, logLevel: 5 };
  var is12 = boot.standard === "SCORM_12";
  var api = is12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(boot.cmi);
  if (is12) window.API = api; else window.API_1484_11 = api;
  var finished = false;
  function send(isTerminating) {
    if (finished) return;
    if (isTerminating) finished = true;
    window.parent.postMessage({ type: "relais-scorm-commit", isTerminating: isTerminating, data: api.renderCommitCMI(isTerminating) }, "*");
  }
  api.on(is12 ? "LMSCommit" : "Commit", function () { send(false); });
  api.on(is12 ? "LMSFinish" : "Terminate", function () { send(true); });
})();
`;

const cache = new Map<string, string>();

export async function getScormBridgeScript(name: "scorm12" | "scorm2004"): Promise<string> {
  const cached = cache.get(name);
  if (cached) return cached;
  const bundle = await readFile(
    path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/scorm-again/dist", `${name}.min.js`),
    "utf8",
  );
  const script = `${bundle}\n${GLUE}`;
  cache.set(name, script);
  return script;
}
