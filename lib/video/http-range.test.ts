import { describe, expect, it } from "vitest";
import { parseRangeHeader } from "./http-range";

describe("HTTP Range header", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=900-5000", { start: 900, end: 999 }],
    ["bytes=1000-", "unsatisfiable"],
    ["bytes=-0", "unsatisfiable"],
    ["bytes=50-10", null],
    ["bytes=0-1,5-9", null],
    ["items=0-10", null],
    ["bytes=abc", null],
  ] as const)("%s on 1000 bytes → %j", (header, expected) => {
    expect(parseRangeHeader(header, 1000)).toEqual(expected);
  });
});
