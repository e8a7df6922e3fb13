import { describe, expect, it } from "vitest";
import fr from "../../content/messages/fr.json";
import en from "../../content/messages/en.json";
import { formatMessage } from "./format-message";

describe("formatMessage (client components' templates)", () => {
  it("agrees plurals the language's way and formats counts, as the server's translator does", () => {
    const template = fr.indicators.imports.previewTitle;
    expect(formatMessage(template, { count: 1 }, "fr")).toBe("Prévisualisation : 1 ligne valide");
    expect(formatMessage(template, { count: 0 }, "fr")).toBe("Prévisualisation : 0 ligne valide");
    expect(formatMessage(template, { count: 34181 }, "fr")).toBe("Prévisualisation : 34\u202f181 lignes valides");
    expect(formatMessage(en.indicators.imports.previewTitle, { count: 0 }, "en")).toBe("Preview: 0 valid lines");
  });

  it("fills plain placeholders, and a template it cannot parse is shown as written", () => {
    expect(formatMessage("Envoi refusé : {message}", { message: "trop lourd" }, "fr")).toBe(
      "Envoi refusé : trop lourd",
    );
    // A broken template (an unclosed plural) is shown as it is, never an exception in the page.
    expect(formatMessage("{count, plural, one {# erreur}", { count: 2 }, "fr")).toBe("{count, plural, one {# erreur}");
  });
});
