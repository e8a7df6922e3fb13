import { describe, expect, it } from "vitest";
import { neutralizeCell } from "./neutralize-cell";

describe("formula injection", () => {
  it.each(['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("neutralizes %j", (value) => {
    expect(neutralizeCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone", () => {
    expect(neutralizeCell("Marie Curie")).toBe("Marie Curie");
    expect(neutralizeCell("a=b")).toBe("a=b");
  });
});
