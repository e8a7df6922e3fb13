import type { ContentLicence } from "../db/generated/enums";

/** The licences a course may be shared under in the national library, in the order the form offers them. */
export const LICENCES = [
  "LICENCE_OUVERTE_2",
  "CC_BY",
  "CC_BY_SA",
  "CC_BY_NC_SA",
  "ALL_RIGHTS_RESERVED",
] as const satisfies readonly ContentLicence[];

/** The licence's official text, linked beside its name wherever the course is credited. */
export const LICENCE_URLS: Record<ContentLicence, string | null> = {
  LICENCE_OUVERTE_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
  CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
  CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr",
  ALL_RIGHTS_RESERVED: null,
};

/**
 * May a derived copy be made? Every open licence allows adaptation (with attribution); "all rights
 * reserved" allows only adoption, i.e. offering the course unchanged.
 */
export function isAdaptable(licence: ContentLicence): boolean {
  return licence !== "ALL_RIGHTS_RESERVED";
}

/**
 * The licence an adaptation must keep when it is shared in turn: the share-alike licences
 * (CC BY-SA, CC BY-NC-SA) require the same licence for derived works; the others leave the choice.
 */
export function requiredLicenceForAdaptation(upstream: ContentLicence): ContentLicence | null {
  return upstream === "CC_BY_SA" || upstream === "CC_BY_NC_SA" ? upstream : null;
}
