import { describe, expect, it } from "vitest";
import { ALL_MESSAGES, createTranslator, listKeys } from "./translate";
import { localeFromAcceptLanguage } from "./config";
import { formatDate, formatNumber } from "./format";

describe("languages", () => {
  it("English is complete: every French message has an English one and vice versa", () => {
    expect(listKeys(ALL_MESSAGES.en).sort()).toEqual(listKeys(ALL_MESSAGES.fr).sort());
    for (const key of listKeys(ALL_MESSAGES.en)) expect(key, key).not.toMatch(/^\s*$/);
  });
  it("interpolates parameters", () => {
    expect(createTranslator("fr")("learn.progress", { percent: 40 })).toBe("Progression : 40 %");
    expect(createTranslator("en")("learn.progress", { percent: 40 })).toBe("Progress: 40%");
  });
  it("defaults to French and follows an English browser", () => {
    expect(localeFromAcceptLanguage(null)).toBe("fr");
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9")).toBe("fr");
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
  });
  it("formats dates and numbers the French and the English way", () => {
    const date = new Date("2026-03-05T10:00:00Z");
    expect(formatDate("fr", date)).toBe("5 mars 2026");
    expect(formatDate("en", date)).toBe("5 March 2026");
    expect(formatNumber("fr", 1234.5)).toBe("1\u202f234,5");
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
  });
});
