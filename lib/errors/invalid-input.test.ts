import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTranslator } from "../i18n/translate";
import { invalidInput } from "./invalid-input";
import { keyedError, translateAppError } from "./localized-error";

const [fr, en] = [createTranslator("fr"), createTranslator("en")];
const refusal = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return invalidInput(parsed.error);
};

describe("input refusals in the person's language, never a raw field name", () => {
  const ZSession = z.object({
    registrationDeadline: z.string().min(1),
    capacity: z.number().int().min(1).max(500),
    title: z.string().max(10),
    secretInternalField: z.string(),
  });

  it("names the field by its label and says what is wrong", () => {
    const missing = refusal(ZSession, { capacity: 3, title: "x", secretInternalField: "x" });
    expect(translateAppError(missing, fr)).toBe("« Date limite d'inscription » est obligatoire.");
    expect(translateAppError(missing, en)).toBe("“Registration deadline” is required.");
    expect(missing.code).toBe("INVALID");
    const tooMany = refusal(ZSession, {
      registrationDeadline: "x",
      capacity: 900,
      title: "x",
      secretInternalField: "",
    });
    expect(translateAppError(tooMany, fr)).toBe("« Capacité » est trop grand.");
    const tooLong = refusal(ZSession, { registrationDeadline: "x", capacity: 3, title: "x".repeat(11) });
    expect(translateAppError(tooLong, fr)).toBe("« Titre » est trop long.");
  });

  it("a field without a label gets a general message, not its name", () => {
    const unknown = refusal(ZSession, { registrationDeadline: "x", capacity: 3, title: "x" });
    expect(translateAppError(unknown, fr)).toBe(
      "Certaines valeurs envoyées ne sont pas valides. Vérifiez le formulaire et réessayez.",
    );
    expect(translateAppError(unknown, fr)).not.toContain("secretInternalField");
    // The English text for logs and APIs keeps the path.
    expect(unknown.userMessage).toMatch(/^secretInternalField: /);
  });

  it("a schema's own message that is a message key is shown translated", () => {
    const ZRange = z
      .object({ from: z.string(), to: z.string() })
      .refine((range) => range.from <= range.to, { message: "errors.input.invalid", path: ["to"] });
    expect(translateAppError(refusal(ZRange, { from: "b", to: "a" }), en)).toBe(
      "Some of the values sent are not valid. Check the form and try again.",
    );
  });

  it("a keyed domain error is translated with its values", () => {
    const error = keyedError("INVALID", "errors.input.required", { field: "X" });
    expect(translateAppError(error, fr)).toBe("« X » est obligatoire.");
  });
});
