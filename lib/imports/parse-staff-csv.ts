import { z } from "zod";
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
  email: z.email({ message: "email is not a valid e-mail address" }).transform((value) => value.toLowerCase()),
  nom: z.string().min(1, "nom must not be empty").max(200, "nom is too long"),
  categorie: z.enum(["A", "B", "C"], { message: "categorie must be A, B or C" }),
  population: z.enum(["TEACHING_RESEARCH", "ADMIN_TECHNICAL", "CONTRACT"], {
    message: "population must be TEACHING_RESEARCH, ADMIN_TECHNICAL or CONTRACT",
  }),
  sexe: optional(z.enum(["FEMALE", "MALE", "NOT_RECORDED"], { message: "sexe must be FEMALE, MALE or NOT_RECORDED" })),
  responsable: optional(
    z.email({ message: "responsable must be the manager's e-mail address" }).transform((value) => value.toLowerCase()),
  ),
  lieu_de_travail: optional(z.string().max(200, "lieu_de_travail is too long")),
  latitude: optional(
    z.coerce
      .number({ message: "latitude must be a number" })
      .min(-90, "latitude must be between -90 and 90")
      .max(90, "latitude must be between -90 and 90"),
  ),
  longitude: optional(
    z.coerce
      .number({ message: "longitude must be a number" })
      .min(-180, "longitude must be between -180 and 180")
      .max(180, "longitude must be between -180 and 180"),
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
      errors.push({ line: record.line, message: parsed.error.issues.map((issue) => issue.message).join("; ") });
      continue;
    }
    const first = seen.get(parsed.data.email);
    if (first !== undefined) {
      errors.push({ line: record.line, message: `Duplicate e-mail ${parsed.data.email} (already on line ${first}).` });
      continue;
    }
    seen.set(parsed.data.email, record.line);
    if ((parsed.data.latitude === undefined) !== (parsed.data.longitude === undefined)) {
      errors.push({ line: record.line, message: "latitude and longitude must be given together" });
      continue;
    }
    rows.push({ ...parsed.data, line: record.line });
  }
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}
