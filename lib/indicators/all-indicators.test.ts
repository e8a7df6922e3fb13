import { describe, expect, it } from "vitest";
import { ALL_INDICATORS } from "./all-indicators";

describe("indicator definitions", () => {
  it("every indicator has a unique key and one written definition in French and English", () => {
    expect(new Set(ALL_INDICATORS.map((indicator) => indicator.key)).size).toBe(ALL_INDICATORS.length);
    for (const indicator of ALL_INDICATORS) {
      expect(indicator.definition.fr.length, indicator.key).toBeGreaterThan(40);
      expect(indicator.definition.en.length, indicator.key).toBeGreaterThan(40);
    }
  });
});
