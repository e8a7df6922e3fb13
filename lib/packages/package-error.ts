import { localizedAppError } from "../errors/localized-error";
import type { TMessageKey } from "../i18n/translate";

/** Rules of a manifest, each with its message (errors.packages.rules.*). */
export type TManifestRule =
  | "xmlWellFormed"
  | "rootElement"
  | "organizations"
  | "launchableItem"
  | "itemIdentifier"
  | "resourceHref"
  | "launchFileExists"
  | "masteryScore"
  | "cmi5Course"
  | "cmi5Au"
  | "cmi5AuUrl"
  | "cmi5MoveOn"
  | "cmi5Iri"
  | "cmi5Duplicate";

/** A package refused because of one of its files: the file and the rule it breaks, both shown. */
export function manifestError(file: string, rule: TManifestRule, detail: string) {
  return localizedAppError("INVALID", `${file}: ${detail}`, {
    messageKey: "errors.packages.manifest",
    values: { file },
    valueKeys: { rule: `errors.packages.rules.${rule}` as TMessageKey },
  });
}

export function packageError(
  key: "notZip" | "tooLarge" | "tooManyEntries" | "unsafePath" | "bomb" | "totalTooLarge" | "noManifest" | "empty",
  detail: string,
  values: Record<string, string | number> = {},
) {
  return localizedAppError(key === "tooLarge" ? "PAYLOAD_TOO_LARGE" : "INVALID", detail, {
    messageKey: `errors.packages.${key}` as TMessageKey,
    values,
  });
}
