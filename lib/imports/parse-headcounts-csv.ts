import { z } from "zod";
import { lineError, schemaLineErrors } from "./line-problem";
import { parseCsv, type TLineError } from "./parse-csv";

const ALIASES = {
  year: "annee",
  category: "categorie",
  staff_category: "categorie",
  sex: "sexe",
  count: "effectif",
  headcount: "effectif",
};

const ZHeadcountLine = z.object({
  annee: z.coerce
    .number({ message: "yearInvalid" })
    .int("yearInvalid")
    .min(2000, "yearInvalid")
    .max(2100, "yearInvalid"),
  categorie: z.enum(["A", "B", "C"], { message: "categoryInvalid" }),
  population: z.enum(["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"], { message: "populationInvalid" }),
  sexe: z.enum(["FEMALE", "MALE", "NOT_RECORDED"], { message: "sexInvalid" }),
  effectif: z.coerce.number({ message: "headcountInvalid" }).int("headcountInvalid").min(0, "headcountNegative"),
});

export type THeadcountLine = z.infer<typeof ZHeadcountLine> & { line: number };

/** Headcount CSV → validated lines, or every line's problems (the import is all or nothing). */
export function parseHeadcountsCsv(bytes: Uint8Array): { rows: THeadcountLine[]; errors: TLineError[] } {
  const { records, errors } = parseCsv(bytes, {
    required: ["annee", "categorie", "population", "sexe", "effectif"],
    aliases: ALIASES,
  });
  const rows: THeadcountLine[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const values = {
      ...record.values,
      categorie: record.values.categorie?.toUpperCase(),
      sexe: record.values.sexe?.toUpperCase(),
      population: record.values.population?.toUpperCase(),
    };
    const parsed = ZHeadcountLine.safeParse(values);
    if (!parsed.success) {
      errors.push(...schemaLineErrors(record.line, parsed.error));
      continue;
    }
    const key = `${parsed.data.annee}|${parsed.data.categorie}|${parsed.data.population}|${parsed.data.sexe}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(lineError(record.line, "duplicateHeadcount", { first }));
      continue;
    }
    seen.set(key, record.line);
    rows.push({ ...parsed.data, line: record.line });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}
