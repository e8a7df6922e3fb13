import { z } from "zod";
import { BREAKDOWNS } from "./types";

/** Dashboard and export filters, parsed from query strings or forms. Dates are inclusive days (UTC). */
export const ZIndicatorFilters = z
  .object({
    from: z.iso.date({ message: "from must be a date (YYYY-MM-DD)" }),
    to: z.iso.date({ message: "to must be a date (YYYY-MM-DD)" }),
    breakdown: z.enum(BREAKDOWNS, { message: `breakdown must be one of ${BREAKDOWNS.join(", ")}` }).default("none"),
    institutionId: z.string().min(1).optional(),
    regionId: z.string().min(1).optional(),
  })
  .refine((filters) => filters.from <= filters.to, { path: ["to"], message: "to must not be before from" });

export type TIndicatorFilters = z.infer<typeof ZIndicatorFilters>;

/** Half-open period [from, to + 1 day): the last day is included whole. */
export function periodOf(filters: Pick<TIndicatorFilters, "from" | "to">): { from: Date; to: Date } {
  const to = new Date(`${filters.to}T00:00:00.000Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  return { from: new Date(`${filters.from}T00:00:00.000Z`), to };
}

/** The default period: the current calendar year to date. */
export function defaultFilters(now = new Date()): TIndicatorFilters {
  return { from: `${now.getUTCFullYear()}-01-01`, to: now.toISOString().slice(0, 10), breakdown: "none" };
}
