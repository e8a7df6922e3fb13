import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/*
 * The SCORM API inside the package's frame. The frame is sandboxed, on an opaque origin or on the
 * package content origin, so the SCO cannot reach the player's window.API: scorm-again (ADL-conformant 1.2 and 2004 data
 * models, error codes, read-only elements) runs in the frame itself, loaded with the data to
 * resume from, and each commit and finish is posted to the player, which sends it to Relais
 * with the learner's session (components/player/package-activity.tsx).
 */
const GLUE = `
(function () {
  var boot = window.__RELAIS_SCORM__;
  if (!boot || window.parent === window) return;
  // A page inside a SCO's own frame (on the package content origin, where frames share an origin)
  // uses the SCO's run-time, found up its parents as SCORM's API discovery does: one run-time per SCO.
  try { if (window.parent.__RELAIS_SCORM__) return; } catch (error) { /* another origin: the SCO's top page */ }
  var is12 = boot.standard === "SCORM_12";
  var nav = boot.nav || { continue: false, previous: false, choice: [] };
  var settings = { lmsCommitUrl: false, autocommit: false, logLevel: 5 };
  // adl.nav.request_valid.choice.{target=...}: the targets Relais would honour (lib/packages/scorm-navigation.ts).
  if (!is12) settings.scoItemIdValidator = function (target) { return nav.choice.indexOf(target) >= 0; };
  var api = is12 ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (is12) api.loadFromJSON(boot.cmi);
  else api.loadFromJSON({ cmi: boot.cmi, adl: { nav: { request_valid: {
    continue: nav.continue ? "true" : "false", previous: nav.previous ? "true" : "false" } } } });
  if (is12) window.API = api; else window.API_1484_11 = api;
  var finished = false;
  var navRequest = "_none_";
  if (!is12) api.on("SetValue.adl.nav.request", function (element, value) { navRequest = String(value); });
  function send(isTerminating) {
    if (finished) return;
    if (isTerminating) finished = true;
    window.parent.postMessage({
      type: "relais-scorm-commit",
      scoId: boot.scoId,
      isTerminating: isTerminating,
      navRequest: isTerminating ? navRequest : undefined,
      data: api.renderCommitCMI(isTerminating)
    }, "*");
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
