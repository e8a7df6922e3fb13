// Two corrections to @codegouvfr/react-dsfr, applied after every install (idempotent).
//
// 1. The header's menu is a DSFR modal: a <div class="fr-modal" aria-labelledby="…"> with no role.
//    The DSFR's JavaScript gives it role="dialog" when it opens on a phone and drops the label on a
//    desktop, but until that script has started (after hydration, seconds on a busy machine) every
//    page carries aria-labelledby on a role-less div: axe's serious "aria-prohibited-attr". Rendering
//    it without the attribute is what the DSFR itself leaves on a desktop, and on a phone its script
//    names the dialog after the menu button when it opens (Modal._ensureAccessibleName).
// 2. The footer writes its accessibility status as "Accessibility : partially compliant" in every
//    language: the French space before the colon is hard-coded. The separator becomes a message of
//    the footer's own catalogue, " : " in French and ": " in English.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve("@codegouvfr/react-dsfr/package.json"));
const CORRECTIONS = [
  {
    file: "Header/Header.js",
    edits: [['id: menuModalId, "aria-labelledby": menuButtonId },', "id: menuModalId },"]],
  },
  {
    file: "Footer.js",
    edits: [
      [
        '"text": `${t("accessibility")} : ${t(accessibility)}`,',
        '"text": `${t("accessibility")}${t("accessibility separator")}${t(accessibility)}`,',
      ],
      [
        '"accessibility": "Accessibilité",',
        '"accessibility": "Accessibilité",\n        "accessibility separator": " : ",',
      ],
      [
        '"accessibility": "Accessibility",',
        '"accessibility": "Accessibility",\n        "accessibility separator": ": ",',
      ],
    ],
  },
];

for (const { file, edits } of CORRECTIONS) {
  const target = path.join(root, file);
  let source = readFileSync(target, "utf8");
  for (const [unpatched, patched] of edits) {
    if (source.includes(patched)) continue;
    if (!source.includes(unpatched)) {
      // A new version of react-dsfr: look at that component again before changing this script.
      console.error(`scripts/patch-dsfr.mjs: the markup this script corrects changed in ${target}`);
      process.exit(1);
    }
    source = source.replace(unpatched, patched);
  }
  writeFileSync(target, source);
}
