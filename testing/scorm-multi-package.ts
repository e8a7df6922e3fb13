// Multi-SCO SCORM packages built in the tests themselves (zip entries for testing/zip-writer.ts):
// a SCORM 2004 4th edition package with sequencing (a cluster with flow and choice, a hidden SCO,
// rollup rules on request) and a SCORM 1.2 package of three SCOs. Each SCO page uses the API as
// authoring tools do: Initialize, resume from suspend data, an interaction, completion and success,
// then Terminate with a navigation request (2004).
import type { TZipEntryInput } from "./zip-writer";

function sco2004Page(options: { title: string; next: string }): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${options.title}</title>
<script>
function findAPI(win) {
  for (var i = 0; win && i < 10; i++) {
    if (win.API_1484_11) return win.API_1484_11;
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}
var api = null;
function start() {
  api = findAPI(window);
  var status = document.getElementById("status");
  if (!api) { status.textContent = "API SCORM 2004 introuvable"; return; }
  api.Initialize("");
  var entry = api.GetValue("cmi.entry");
  status.textContent = "${options.title} : " + (entry === "resume" ? "reprise " + api.GetValue("cmi.suspend_data") : "premier lancement") +
    " (suivant possible : " + api.GetValue("adl.nav.request_valid.continue") + ")";
  // As authoring tools do: a SCO already completed is not set back to incomplete when revisited.
  if (api.GetValue("cmi.completion_status") !== "completed") api.SetValue("cmi.completion_status", "incomplete");
  api.SetValue("cmi.suspend_data", "vu");
  api.Commit("");
}
function answer() {
  api.SetValue("cmi.interactions.0.id", "q-${options.title.replace(/\W+/g, "-").toLowerCase()}");
  api.SetValue("cmi.interactions.0.type", "choice");
  api.SetValue("cmi.interactions.0.description", "Question de ${options.title}");
  api.SetValue("cmi.interactions.0.correct_responses.0.pattern", "b");
  api.SetValue("cmi.interactions.0.learner_response", "b");
  api.SetValue("cmi.interactions.0.result", "correct");
  api.Commit("");
  document.getElementById("status").textContent = "${options.title} : question répondue";
}
function finish() {
  api.SetValue("cmi.score.scaled", "0.9");
  api.SetValue("cmi.completion_status", "completed");
  api.SetValue("cmi.success_status", "passed");
  api.SetValue("cmi.session_time", "PT1M");
  api.SetValue("cmi.exit", "normal");
  api.SetValue("adl.nav.request", "${options.next}");
  api.Commit("");
  api.Terminate("");
  document.getElementById("status").textContent = "${options.title} : terminé";
}
window.addEventListener("load", start);
</script>
</head>
<body>
<h1>${options.title}</h1>
<p id="status" role="status">Chargement…</p>
<button type="button" onclick="answer()">Répondre à la question</button>
<button type="button" onclick="finish()">Terminer cette partie</button>
</body>
</html>
`;
}

/**
 * SCORM 2004 4th edition: organization (flow and choice) › "Partie 1" (SCO), cluster "Chapitre"
 * (choice="false" for its children when `isChapterChoiceOff`) › "Partie 2" (SCO) and a hidden SCO
 * "Annexe" (isvisible="false", not tracked). Partie 1 ends with "continue", Partie 2 with "exitAll".
 */
export function scorm2004MultiScoEntries(options: { isChapterChoiceOff?: boolean; rollupRules?: string } = {}) {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="relais-test-multi-2004" version="1.0"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-golf">
    <organization identifier="org-golf" adlseq:objectivesGlobalToSystem="false">
      <title>Le golf en deux parties</title>
      <item identifier="item-part-1" identifierref="res-part-1">
        <title>Partie 1 : les règles</title>
      </item>
      <item identifier="item-chapter">
        <title>Chapitre : jouer</title>
        <item identifier="item-part-2" identifierref="res-part-2">
          <title>Partie 2 : le swing</title>
          <imsss:sequencing>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="swing" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <item identifier="item-annex" identifierref="res-annex" isvisible="false">
          <title>Annexe cachée</title>
          <imsss:sequencing>
            <imsss:deliveryControls tracked="false"/>
          </imsss:sequencing>
        </item>
        <imsss:sequencing>
          <imsss:controlMode choice="${options.isChapterChoiceOff ? "false" : "true"}" flow="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>${options.rollupRules ?? ""}
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-part-1" type="webcontent" adlcp:scormType="sco" href="part1/index.html">
      <file href="part1/index.html"/>
    </resource>
    <resource identifier="res-part-2" type="webcontent" adlcp:scormType="sco" href="part2/index.html">
      <file href="part2/index.html"/>
    </resource>
    <resource identifier="res-annex" type="webcontent" adlcp:scormType="sco" href="annex/index.html">
      <file href="annex/index.html"/>
    </resource>
  </resources>
</manifest>
`;
  return [
    { name: "imsmanifest.xml", data: manifest },
    { name: "part1/index.html", data: sco2004Page({ title: "Partie 1", next: "continue" }) },
    { name: "part2/index.html", data: sco2004Page({ title: "Partie 2", next: "exitAll" }) },
    { name: "annex/index.html", data: sco2004Page({ title: "Annexe", next: "previous" }) },
  ] satisfies TZipEntryInput[];
}

/** SCORM 1.2: three SCOs, the second inside a nested item, with a mastery score on the third. */
export function scorm12MultiScoEntries() {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="relais-test-multi-12" version="1.1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org-rgpd">
    <organization identifier="org-rgpd">
      <title>RGPD en trois leçons</title>
      <item identifier="sco-a" identifierref="res-a"><title>Leçon A</title></item>
      <item identifier="group">
        <title>Approfondir</title>
        <item identifier="sco-b" identifierref="res-b"><title>Leçon B</title></item>
      </item>
      <item identifier="sco-c" identifierref="res-c">
        <title>Évaluation</title>
        <adlcp:masteryscore>70</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-a" type="webcontent" adlcp:scormtype="sco" href="a.html"><file href="a.html"/></resource>
    <resource identifier="res-b" type="webcontent" adlcp:scormtype="sco" href="b.html"><file href="b.html"/></resource>
    <resource identifier="res-c" type="webcontent" adlcp:scormtype="sco" href="c.html?mode=test"><file href="c.html"/></resource>
  </resources>
</manifest>
`;
  const page = (title: string) =>
    `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  return [
    { name: "imsmanifest.xml", data: manifest },
    { name: "a.html", data: page("Leçon A") },
    { name: "b.html", data: page("Leçon B") },
    { name: "c.html", data: page("Évaluation") },
  ] satisfies TZipEntryInput[];
}
