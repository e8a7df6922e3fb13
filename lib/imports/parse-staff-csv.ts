import { z } from "zod";
import { lineError, schemaLineErrors } from "./line-problem";
import { parseCsv, type TLineError } from "./parse-csv";

const ALIASES = {
  name: "nom",
  category: "categorie",
  sex: "sexe",
  manager: "responsable",
  workplace: "lieu_de_travail",
  e_mail: "email",
  courriel: "email",
};

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === undefined ? undefined : value), schema.optional());

const ZStaffLine = z.object({
  email: z.email({ message: "emailInvalid" }).transform((value) => value.toLowerCase()),
  nom: z.string().min(1, "nameEmpty").max(200, "nameTooLong"),
  categorie: z.enum(["A", "B", "C"], { message: "categoryInvalid" }),
  population: z.enum(["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"], { message: "populationInvalid" }),
  sexe: optional(z.enum(["FEMALE", "MALE", "NOT_RECORDED"], { message: "sexInvalid" })),
  responsable: optional(z.email({ message: "managerInvalid" }).transform((value) => value.toLowerCase())),
  lieu_de_travail: optional(z.string().max(200, "workplaceTooLong")),
  latitude: optional(
    z.coerce.number({ message: "latitudeInvalid" }).min(-90, "latitudeInvalid").max(90, "latitudeInvalid"),
  ),
  longitude: optional(
    z.coerce.number({ message: "longitudeInvalid" }).min(-180, "longitudeInvalid").max(180, "longitudeInvalid"),
  ),
});

export type TStaffLine = z.infer<typeof ZStaffLine> & { line: number };

/** Staff CSV → validated lines; duplicate e-mails and unknown categories are line errors. */
export function parseStaffCsv(bytes: Uint8Array): { rows: TStaffLine[]; errors: TLineError[] } {
  const { records, errors } = parseCsv(bytes, {
    required: ["email", "nom", "categorie", "population"],
    aliases: ALIASES,
  });
  const rows: TStaffLine[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const upper = (name: string) => record.values[name]?.toUpperCase();
    const parsed = ZStaffLine.safeParse({
      ...record.values,
      categorie: upper("categorie"),
      population: upper("population"),
      sexe: upper("sexe"),
    });
    if (!parsed.success) {
      errors.push(...schemaLineErrors(record.line, parsed.error));
      continue;
    }
    const first = seen.get(parsed.data.email);
    if (first !== undefined) {
      errors.push(lineError(record.line, "duplicateEmail", { email: parsed.data.email, first }));
      continue;
    }
    seen.set(parsed.data.email, record.line);
    if ((parsed.data.latitude === undefined) !== (parsed.data.longitude === undefined)) {
      errors.push(lineError(record.line, "coordinatesTogether"));
      continue;
    }
    rows.push({ ...parsed.data, line: record.line });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}
