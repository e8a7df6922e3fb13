import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTranslator } from "../i18n/translate";
import { invalidInput } from "../errors/invalid-input";
import { AppError } from "../errors/app-error";
import { jobErrorText, jobFailure, jobFailureOf } from "./job-failure";

const [fr, en] = [createTranslator("fr"), createTranslator("en")];

describe("a failed job's reason, in its owner's language", () => {
  it("keeps the message key and values of a keyed error, and its English text for the logs", () => {
    const failure = jobFailureOf(
      invalidInput(z.object({ capacity: z.number().max(3) }).safeParse({ capacity: 9 }).error!),
    );
    expect(failure.errorMessage).toMatch(/^capacity: /);
    // Stored as JSON in the row, read back as such.
    const stored = JSON.parse(JSON.stringify(failure.errorDetails ?? null)) as unknown;
    expect(jobErrorText({ errorMessage: failure.errorMessage, errorDetails: stored }, fr)).toBe(
      "« Capacité » est trop grand.",
    );
    expect(jobErrorText({ errorMessage: failure.errorMessage, errorDetails: stored }, en)).toBe(
      "“Capacity” is too large.",
    );
  });

  it("an unexpected error is never shown as such", () => {
    const failure = jobFailureOf(new Error("connection reset by peer at 10.0.0.3"));
    expect(jobErrorText({ errorDetails: null, ...failure }, fr)).toBe(
      "Une erreur inattendue s'est produite ; elle a été enregistrée. Réessayez.",
    );
    expect(JSON.stringify(failure)).not.toContain("10.0.0.3");
    // A domain error without a message key yet keeps its own text.
    expect(jobErrorText({ errorDetails: null, ...jobFailureOf(new AppError("INVALID", "english only")) }, en)).toBe(
      "english only",
    );
  });

  it("plural values and rows written before the details existed", () => {
    expect(jobErrorText(jobFailure("errors.jobs.neverFinished", { days: 7 }, "x"), fr)).toBe(
      "Le traitement ne s'est pas terminé dans les 7 jours. Réessayez.",
    );
    expect(jobErrorText({ errorMessage: "old text", errorDetails: null }, fr)).toBe("old text");
  });
});
