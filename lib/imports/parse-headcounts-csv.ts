import { z } from "zod";
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
    .number({ message: "annee must be a year" })
    .int("annee must be a year")
    .min(2000, "annee must be a year between 2000 and 2100")
    .max(2100, "annee must be a year between 2000 and 2100"),
  categorie: z.enum(["A", "B", "C"], { message: "categorie must be A, B or C" }),
  population: z.enum(["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"], {
    message: "population must be TEACHING_RESEARCH, ADMIN_TECHNICAL or CONTRACT",
  }),
  sexe: z.enum(["FEMALE", "MALE", "NOT_RECORDED"], { message: "sexe must be FEMALE, MALE or NOT_RECORDED" }),
  effectif: z.coerce
    .number({ message: "effectif must be a whole number" })
    .int("effectif must be a whole number")
    .min(0, "effectif must not be negative"),
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
      errors.push({ line: record.line, message: parsed.error.issues.map((issue) => issue.message).join("; ") });
      continue;
    }
    const key = `${parsed.data.annee}|${parsed.data.categorie}|${parsed.data.population}|${parsed.data.sexe}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line: record.line, message: `Same year, category, population and sex as line ${first}.` });
      continue;
    }
    seen.set(key, record.line);
    rows.push({ ...parsed.data, line: record.line });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}
