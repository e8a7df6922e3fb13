import { z } from "zod";

/** The largest amount a cost field accepts: 10 M€ (whole cents stay exact in a PostgreSQL integer). */
export const MAX_EUROS = 10_000_000;

/**
 * Spaces and the euro sign go; when both "," and "." appear the last one is the decimal mark and
 * the other groups thousands ("1,200.50", "1.200,50"); a lone "," is the French decimal mark.
 * "1,200" thus reads 1.200 and is refused below (three decimals), never misread as 1.2 €.
 */
export function normalizeEuros(value: string): string {
  const compact = value.replace(/[\s\u00a0\u202f€]/g, "");
  if (compact === "") return "0";
  const decimal = Math.max(compact.lastIndexOf(","), compact.lastIndexOf("."));
  if (compact.includes(",") && compact.includes(".")) {
    const whole = compact.slice(0, decimal).replace(/[.,]/g, "");
    return `${whole}.${compact.slice(decimal + 1)}`;
  }
  return compact.replace(",", ".");
}

/**
 * An amount in euros as people type it ("1 200,50", "1200.5", "12 €", "" for nothing) → whole euro
 * cents. At most two decimals (cents), never negative: "12,345" or "-3" is refused, not rounded,
 * so that what is stored is exactly what was typed. `message` is the refusal's message key.
 */
export function zEuroCents(message: string) {
  return z.preprocess(
    (value) => (typeof value === "string" ? normalizeEuros(value) : typeof value === "number" ? String(value) : value),
    z
      .string()
      .max(20, { message })
      .regex(/^\d{1,8}(\.\d{1,2})?$/, { message })
      .transform((euros) => {
        const [whole = "0", cents = ""] = euros.split(".");
        return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
      })
      .refine((cents) => cents <= MAX_EUROS * 100, { message }),
  );
}

/** Cents as euros with two decimals in the reader's format (formatNumber's options). */
export const EURO_FORMAT = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;
