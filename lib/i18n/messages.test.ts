import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { ALL_MESSAGES, createTranslator, listKeys } from "./translate";
import { localeFromAcceptLanguage } from "./config";
import { formatDate, formatMonth, formatNumber } from "./format";

function messageAt(messages: unknown, key: string): string {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
}

/** Every argument of an ICU message with the way it is formatted ("count:plural", "title:argument"). */
function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal || element.type === TYPE.pound) return [];
    if (element.type === TYPE.tag) return argumentsOf(element.children);
    const own = `${element.value}:${TYPE[element.type]}`;
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return [own, ...Object.values(element.options).flatMap((option) => argumentsOf(option.value))];
    return [own];
  });
}

describe("languages", () => {
  it("English is complete: every French message has an English one and vice versa", () => {
    expect(listKeys(ALL_MESSAGES.en).sort()).toEqual(listKeys(ALL_MESSAGES.fr).sort());
    for (const key of listKeys(ALL_MESSAGES.en)) expect(key, key).not.toMatch(/^\s*$/);
  });

  it("every message is valid ICU, and French and English take the same values the same way", () => {
    const problems: string[] = [];
    for (const key of listKeys(ALL_MESSAGES.fr)) {
      try {
        const [fr, en] = [messageAt(ALL_MESSAGES.fr, key), messageAt(ALL_MESSAGES.en, key)].map((text) =>
          [...new Set(argumentsOf(parse(text)))].sort(),
        );
        if (JSON.stringify(fr) !== JSON.stringify(en)) problems.push(`${key}: fr ${fr} / en ${en}`);
        // A count shown as a bare number gives "1 formations": counts go through a plural.
        for (const argument of fr ?? [])
          if (/^(count|n|total):/.test(argument) && !/:(plural|number)$/.test(argument))
            problems.push(`${key}: ${argument} is not a plural`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("interpolates parameters", () => {
    expect(createTranslator("fr")("learn.progress", { percent: 40 })).toBe("Progression : 40 %");
    expect(createTranslator("en")("learn.progress", { percent: 40 })).toBe("Progress: 40%");
  });

  it("agrees plurals in each language and formats the numbers in them", () => {
    const [fr, en] = [createTranslator("fr"), createTranslator("en")];
    expect([0, 1, 2, 1234].map((count) => fr("catalogue.count", { count }))).toEqual([
      "Aucune formation",
      "1 formation",
      "2 formations",
      "1\u202f234 formations",
    ]);
    expect([0, 1, 2, 1234].map((count) => en("catalogue.count", { count }))).toEqual([
      "No training",
      "1 training",
      "2 trainings",
      "1,234 trainings",
    ]);
    expect(fr("indicators.imports.errorsTitle", { count: 1 })).toMatch(/^1 erreur :/);
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
    // The first of the month is an ordinal in French: "1er février".
    expect(formatDate("fr", new Date("2026-02-01T10:00:00Z"))).toBe("1er février 2026");
    expect(formatDate("fr", new Date("2026-02-01T10:00:00Z"), { withTime: true })).toBe("1er février 2026 à 11:00");
    expect(formatDate("en", new Date("2026-02-01T10:00:00Z"))).toBe("1 February 2026");
    expect(formatMonth("fr", "2026-03")).toBe("mars 2026");
    expect(formatMonth("en", "2026-03")).toBe("March 2026");
    expect(formatMonth("fr", "2026-02", { isShort: true })).toBe("févr. 26");
    expect(formatMonth("en", "2026-09", { isShort: true })).toBe("Sept 26");
    expect(formatNumber("fr", 1234.5)).toBe("1\u202f234,5");
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
  });
});
