import { describe, expect, it } from "vitest";
import { isAdaptable, LICENCES, requiredLicenceForAdaptation } from "./licences";

describe("library licences", () => {
  it("lets every licence but 'all rights reserved' be adapted", () => {
    expect(LICENCES.filter(isAdaptable)).toEqual(["LICENCE_OUVERTE_2", "CC_BY", "CC_BY_SA", "CC_BY_NC_SA"]);
    expect(isAdaptable("ALL_RIGHTS_RESERVED")).toBe(false);
  });

  it("makes share-alike adaptations keep their licence", () => {
    expect(requiredLicenceForAdaptation("CC_BY_SA")).toBe("CC_BY_SA");
    expect(requiredLicenceForAdaptation("CC_BY_NC_SA")).toBe("CC_BY_NC_SA");
    expect(requiredLicenceForAdaptation("CC_BY")).toBeNull();
    expect(requiredLicenceForAdaptation("LICENCE_OUVERTE_2")).toBeNull();
  });
});
