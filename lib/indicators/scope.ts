import { z } from "zod";
import { Modality, Sex, StaffCategory, StaffPopulation, TrainingType } from "../db/generated/enums";
import { BREAKDOWNS, NOT_RECORDED, type TBreakdown } from "./types";

/**
 * The groups a breakdown can have, where they are a closed list; null where a group is an id
 * (institution, region, theme), which the actor's scope then restricts like any other filter.
 */
const GROUPS_OF: Record<Exclude<TBreakdown, "none">, readonly string[] | null> = {
  institution: null,
  region: null,
  theme: null,
  staffCategory: [...Object.values(StaffCategory), NOT_RECORDED],
  population: [...Object.values(StaffPopulation), NOT_RECORDED],
  sex: Object.values(Sex),
  modality: Object.values(Modality),
  trainingType: Object.values(TrainingType),
};

/**
 * Dashboard and export filters, parsed from query strings or forms. Dates are inclusive days (UTC).
 * `group` narrows the rows to one group of the breakdown: a dashboard's bar or row leads to the
 * rows behind it (lib/reports/list-progress-rows.ts). Messages are message keys (invalidInput).
 */
export const ZIndicatorFilters = z
  .object({
    from: z.iso.date({ message: "indicators.filterErrors.from" }),
    to: z.iso.date({ message: "indicators.filterErrors.to" }),
    breakdown: z.enum(BREAKDOWNS, { message: "indicators.filterErrors.breakdown" }).default("none"),
    institutionId: z.string().min(1).max(200).optional(),
    regionId: z.string().min(1).max(200).optional(),
    group: z.string().min(1).max(200).optional(),
  })
  .refine((filters) => filters.from <= filters.to, { path: ["to"], message: "indicators.filterErrors.order" })
  .refine(
    (filters) => {
      if (filters.group === undefined) return true;
      if (filters.breakdown === "none") return false;
      const groups = GROUPS_OF[filters.breakdown];
      return groups === null || groups.includes(filters.group);
    },
    { path: ["group"], message: "indicators.filterErrors.group" },
  );

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
