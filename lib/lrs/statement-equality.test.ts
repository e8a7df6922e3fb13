import { describe, expect, it } from "vitest";
import { durationForComparison, isSameStatement } from "./statement-equality";

describe("statement comparison", () => {
  it.each([
    ["P1DT12H36M0.1237S", "P1DT12H36M0.12S"],
    ["PT1.5S", "PT1.5S"],
    ["PT1.50S", "PT1.5S"],
    ["PT2.009S", "PT2S"],
    ["PT3S", "PT3S"],
    ["P1D", "P1D"],
  ])("compares duration %s as %s", (duration, expected) => {
    expect(durationForComparison(duration)).toBe(expected);
  });

  it("ignores duration precision beyond 0.01 s, in sub-statements too, but not a real difference", () => {
    const base = { actor: { mbox: "mailto:a@example.org" }, verb: { id: "http://example.org/v" } };
    const withDuration = (duration: string) => ({
      ...base,
      object: { id: "http://example.org/a" },
      result: { duration },
    });
    expect(isSameStatement(withDuration("PT0.1237S"), withDuration("PT0.12S"))).toBe(true);
    expect(isSameStatement(withDuration("PT0.13S"), withDuration("PT0.12S"))).toBe(false);
    const sub = (duration: string) => ({ ...base, object: { objectType: "SubStatement", ...withDuration(duration) } });
    expect(isSameStatement(sub("PT9.999S"), sub("PT9.99S"))).toBe(true);
  });
});
