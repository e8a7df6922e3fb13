import { describe, expect, it } from "vitest";
import { zEuroCents } from "./z-euros";

const schema = zEuroCents("costs.errors.room");
const cents = (value: unknown) => schema.safeParse(value);

describe("amounts in euros with cents", () => {
  it("reads what people type, in French or English, into exact cents", () => {
    expect(cents("1 250,50").data).toBe(125050);
    expect(cents("1\u202f250,5").data).toBe(125050);
    expect(cents("1,250.50").data).toBe(125050);
    expect(cents("1.250,50").data).toBe(125050);
    expect(cents("12 €").data).toBe(1200);
    expect(cents("0,07").data).toBe(7);
    expect(cents("").data).toBe(0);
    // 0.1 + 0.2 style float errors cannot occur: 19.99 stays 1999 cents.
    expect(cents("19,99").data).toBe(1999);
  });

  it("refuses negatives, sub-cent amounts, ambiguous groupings, junk and huge values, with the field's message", () => {
    for (const bad of ["-3", "12,345", "1,200", "abc", "1e5", "10000000,01", "1".repeat(30), "12\u0000"]) {
      const result = cents(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("costs.errors.room");
    }
    expect(cents("10000000").data).toBe(1_000_000_000);
  });
});
