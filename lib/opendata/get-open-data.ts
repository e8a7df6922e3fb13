import "server-only";
import { z } from "zod";
import { db } from "../db";
import { loadIndicatorFacts } from "../indicators/load-indicator-facts";
import { env } from "../env";
import { applyStatisticalSecrecy } from "./apply-statistical-secrecy";
import { buildRawCells, OPEN_DATA_BREAKDOWNS, type TOpenDataBreakdown } from "./build-raw-cells";
import { localizedAppError } from "../errors/localized-error";

/** The deployment's secrecy rules (RELAIS_SECRECY_THRESHOLD, RELAIS_SECRECY_DOMINANCE; defaults 5 and 0.85). */
export function secrecySettings(): { threshold: number; dominance: number } {
  return { threshold: env().RELAIS_SECRECY_THRESHOLD, dominance: env().RELAIS_SECRECY_DOMINANCE };
}

/** Years offered: the last five, the current one being "to date". */
export function openDataYears(now = new Date()): number[] {
  const current = now.getUTCFullYear();
  return [current, current - 1, current - 2, current - 3, current - 4];
}

export const ZOpenDataQuery = z.object({
  year: z.coerce
    .number({ message: "year must be a year" })
    .int()
    .min(2000, "year must be a year")
    .max(2100, "year must be a year"),
  breakdown: z.enum(OPEN_DATA_BREAKDOWNS, { message: `breakdown must be one of ${OPEN_DATA_BREAKDOWNS.join(", ")}` }),
});

const FIXED_KEYS: Record<Exclude<TOpenDataBreakdown, "region">, string[]> = {
  staffCategory: ["A", "B", "C", "NOT_RECORDED"],
  population: ["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT", "NOT_RECORDED"],
  sex: ["FEMALE", "MALE", "NOT_RECORDED"],
};

/**
 * A national aggregate of one year, broken down, with statistical secrecy applied, computed now
 * from the live rows: what publishOpenData freezes. Nothing personal leaves this function — only
 * cell sums that passed the rules. The public reads the published snapshot (getPublishedOpenData).
 */
export async function computeOpenData(query: z.infer<typeof ZOpenDataQuery>) {
  const { year, breakdown } = query;
  if (!openDataYears().includes(year))
    throw localizedAppError("NOT_FOUND", `No open data is published for ${year}.`, {
      messageKey: "errors.openData.notPublished",
      values: { year: String(year) },
    });
  const period = { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
  const [facts, regions] = await Promise.all([
    loadIndicatorFacts({ institutionIds: "all", period }),
    db.region.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, nameFr: true, nameEn: true } }),
  ]);
  const keys = breakdown === "region" ? regions.map((region) => region.id) : FIXED_KEYS[breakdown];
  const method = secrecySettings();
  const table = applyStatisticalSecrecy(buildRawCells(facts, breakdown, keys), method);
  const regionOf = new Map(regions.map((region) => [region.id, region]));
  return {
    year,
    breakdown,
    isYearToDate: year === new Date().getUTCFullYear(),
    method,
    total: {
      trainees: table.total.people,
      hours: table.total.hours === null ? null : Math.round(table.total.hours * 10) / 10,
    },
    cells: table.cells.map((cell) => {
      const region = regionOf.get(cell.key);
      return {
        // Regions are published by their stable code, not by the database id.
        code: region ? region.code : cell.key,
        labelFr: region?.nameFr ?? null,
        labelEn: region?.nameEn ?? null,
        trainees: cell.people,
        hours: cell.hours === null ? null : Math.round(cell.hours * 10) / 10,
        suppressed: cell.suppressed,
      };
    }),
  };
}

export type TOpenData = Awaited<ReturnType<typeof computeOpenData>>;

/** The snapshot's JSON: every breakdown of the year, as computed at publication. */
export type TOpenDataSnapshot = { breakdowns: Record<TOpenDataBreakdown, TOpenData> };

/** Years published by the national administrator, newest first, with their publication dates. */
export async function listPublishedOpenData(): Promise<{ year: number; publishedAt: Date }[]> {
  return db.openDataSnapshot.findMany({ orderBy: { year: "desc" }, select: { year: true, publishedAt: true } });
}

/** Public: one breakdown of a published year, exactly as published; an unpublished year is NOT_FOUND. */
export async function getPublishedOpenData(
  query: z.infer<typeof ZOpenDataQuery>,
): Promise<TOpenData & { publishedAt: Date }> {
  const snapshot = await db.openDataSnapshot.findUnique({
    where: { year: query.year },
    select: { data: true, publishedAt: true },
  });
  const data = (snapshot?.data as TOpenDataSnapshot | undefined)?.breakdowns[query.breakdown];
  if (!snapshot || !data)
    throw localizedAppError("NOT_FOUND", `No open data is published for ${query.year}.`, {
      messageKey: "errors.openData.notPublished",
      values: { year: String(query.year) },
    });
  return { ...data, publishedAt: snapshot.publishedAt };
}

/** CSV for reuse (comma-separated, UTF-8, dot decimals: the open-data conventions, not the spreadsheet ones). */
export function openDataToCsv(data: TOpenData): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = ["annee,ventilation,code,libelle,stagiaires,heures,secret"];
  for (const cell of data.cells) {
    lines.push(
      [
        String(data.year),
        data.breakdown,
        cell.code,
        quote(cell.labelFr ?? cell.code),
        cell.trainees ?? "",
        cell.hours ?? "",
        cell.suppressed ?? "",
      ].join(","),
    );
  }
  lines.push(
    [
      String(data.year),
      data.breakdown,
      "TOTAL",
      "Total",
      data.total.trainees ?? "",
      data.total.hours ?? "",
      data.total.trainees === null ? "total" : "",
    ].join(","),
  );
  return `${lines.join("\n")}\n`;
}
