import type { TTranslate } from "../i18n/translate";
import type { TLineError } from "./parse-csv";
import { translateLineError } from "./translate-line-error";

/** What an import form shows after a step: the preview, the refused lines, the result, a queued job or why it failed. */
export type TImportState =
  | { status: "preview"; count: number; headers: string[]; preview: string[][] }
  | { status: "errors"; errors: TLineError[] }
  | { status: "done"; created: number; updated: number }
  | { status: "queued"; jobId: string }
  | { status: "failed"; message: string };

/** An import's result as its form shows it: refused lines in the reader's language, or the first 20 lines read, or the counts. */
export function importResultState(
  result: { rows: object[]; errors: TLineError[]; created: number; updated: number; isImported: boolean },
  t: TTranslate,
): TImportState {
  if (result.errors.length > 0)
    return { status: "errors", errors: result.errors.map((error) => translateLineError(error, t)) };
  if (!result.isImported) {
    const preview = result.rows.slice(0, 20).map((row) =>
      Object.entries(row)
        .filter(([key]) => key !== "line")
        .map(([, value]) => (value === undefined || value === null ? "" : String(value))),
    );
    const headers = result.rows[0] ? Object.keys(result.rows[0]).filter((key) => key !== "line") : [];
    return { status: "preview", count: result.rows.length, headers, preview };
  }
  return { status: "done", created: result.created, updated: result.updated };
}
