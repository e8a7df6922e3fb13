// A small RFC 4180 reader for the officers' CSV files, with the errors people actually make:
// a file saved in Latin-1/Windows-1252, an unexpected separator, missing columns.
import { lineError } from "./line-problem";
import { AppError } from "../errors/app-error";
import { MAX_IMPORT_BYTES } from "../security/body-limits";
import type { TMessageKey } from "../i18n/translate";

/** A refused line: `message` in English (logs, API); `messageKey` + `values` shown in the user's language. */
export type TLineError = {
  line: number;
  message: string;
  messageKey?: TMessageKey;
  values?: Record<string, string | number>;
};
export type TCsvRecord = { line: number; values: Record<string, string> };
export type TCsvResult = { records: TCsvRecord[]; errors: TLineError[] };

const SEPARATORS = [";", ",", "\t"] as const;

function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Name the first line that is not valid UTF-8, so the officer knows where to look.
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index++) {
      if (index === bytes.length || bytes[index] === 0x0a) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, index));
        } catch {
          return { badLine: line };
        }
        line++;
        start = index + 1;
      }
    }
    return { badLine: 1 };
  }
}

function splitLine(line: string, separator: string): string[] {
  const values: string[] = [];
  let current = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"' && current === "") quoted = true;
    else if (char === separator) {
      values.push(current.trim());
      current = "";
    } else current += char;
  }
  values.push(current.trim());
  return values;
}

/** Header names compared without case, accents or spaces: "Catégorie" = "categorie". */
export function normalizeHeader(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, "_");
}

export function parseCsv(
  bytes: Uint8Array,
  options: { required: string[]; aliases?: Record<string, string> },
): TCsvResult {
  const decoded = decodeUtf8(bytes);
  if ("badLine" in decoded) {
    return {
      records: [],
      errors: [lineError(decoded.badLine, "notUtf8")],
    };
  }
  // PostgreSQL cannot store U+0000: name the line rather than fail the whole import later.
  const nul = decoded.text.indexOf("\u0000");
  if (nul >= 0) {
    const line = decoded.text.slice(0, nul).split(/\r\n|\n|\r/).length;
    return {
      records: [],
      errors: [lineError(line, "nul")],
    };
  }
  const lines = decoded.text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const header = lines[0];
  if (header === undefined) return { records: [], errors: [lineError(1, "empty")] };
  const separator = SEPARATORS.map((candidate) => ({ candidate, count: header.split(candidate).length })).sort(
    (a, b) => b.count - a.count,
  )[0]!;
  if (separator.count === 1 && options.required.length > 1) {
    return {
      records: [],
      errors: [lineError(1, "noSeparator")],
    };
  }
  const columns = splitLine(header, separator.candidate).map((name) => {
    const normalized = normalizeHeader(name);
    return options.aliases?.[normalized] ?? normalized;
  });
  const missing = options.required.filter((column) => !columns.includes(column));
  if (missing.length > 0)
    return { records: [], errors: [lineError(1, "missingColumns", { columns: missing.join(", ") })] };
  const records: TCsvRecord[] = [];
  const errors: TLineError[] = [];
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (text.trim() === "") return;
    const values = splitLine(text, separator.candidate);
    if (values.length !== columns.length) {
      errors.push(
        lineError(line, "wrongValueCount", {
          expected: columns.length,
          separator: separator.candidate,
          found: values.length,
        }),
      );
      return;
    }
    records.push({ line, values: Object.fromEntries(columns.map((column, position) => [column, values[position]!])) });
  });
  if (records.length === 0 && errors.length === 0) errors.push(lineError(2, "noDataLine"));
  return { records, errors };
}

/** A CSV import above its documented limit (2 MB) is refused with the app's message, before it is read. */
export function assertImportSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 2 MB.", {
      messageKey: "indicators.imports.tooLarge",
      values: { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 },
    });
}
