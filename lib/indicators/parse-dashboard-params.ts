import type { AppError } from "../errors/app-error";
import { invalidInput } from "../errors/invalid-input";
import { getIndicator } from "./all-indicators";
import { defaultFilters, ZIndicatorFilters, type TIndicatorFilters } from "./scope";

type TSearchParams = Record<string, string | string[] | undefined>;

function single(params: TSearchParams, name: string): string | undefined {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === "" ? undefined : first;
}

/**
 * Dashboard query string → filters. Missing values take the defaults (this year to date);
 * invalid ones are reported (an error with its message key, for the page to translate) and the
 * defaults are used instead.
 */
export function parseDashboardParams(
  params: TSearchParams,
  now = new Date(),
): { filters: TIndicatorFilters; indicator: string; error?: AppError } {
  const defaults = defaultFilters(now);
  const raw = {
    from: single(params, "from") ?? defaults.from,
    to: single(params, "to") ?? defaults.to,
    breakdown: single(params, "breakdown") ?? defaults.breakdown,
    institutionId: single(params, "institutionId"),
    regionId: single(params, "regionId"),
    group: single(params, "group"),
  };
  const requested = single(params, "indicator") ?? "trainees";
  const indicator = getIndicator(requested) ? requested : "trainees";
  const parsed = ZIndicatorFilters.safeParse(raw);
  if (parsed.success) return { filters: parsed.data, indicator };
  return { filters: defaults, indicator, error: invalidInput(parsed.error) };
}

/** The same filters as a query string, for links to the drill-down rows and the exports. */
export function toQueryString(filters: TIndicatorFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filters, ...extra }).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "",
  );
  return new URLSearchParams(entries).toString();
}
