// One correction to @codegouvfr/react-dsfr, applied after every install (idempotent).
//
// The header's menu is a DSFR modal: a <div class="fr-modal" aria-labelledby="…"> with no role.
// The DSFR's JavaScript gives it role="dialog" when it opens on a phone and drops the label on a
// desktop, but until that script has started (after hydration, seconds on a busy machine) every
// page carries aria-labelledby on a role-less div: axe's serious "aria-prohibited-attr". Rendering
// it without the attribute is what the DSFR itself leaves on a desktop, and on a phone its script
// names the dialog after the menu button when it opens (Modal._ensureAccessibleName).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const file = path.join(path.dirname(require.resolve("@codegouvfr/react-dsfr/package.json")), "Header/Header.js");
const UNPATCHED = 'id: menuModalId, "aria-labelledby": menuButtonId },';
const PATCHED = "id: menuModalId },";
const source = readFileSync(file, "utf8");
if (source.includes(UNPATCHED)) {
  writeFileSync(file, source.replace(UNPATCHED, PATCHED));
} else if (!source.includes(PATCHED)) {
  // A new version of react-dsfr: look at its header again before changing this script.
  console.error(`scripts/patch-dsfr.mjs: the header's menu markup changed in ${file}`);
  process.exit(1);
}
