import type { TLineError } from "@/lib/imports/parse-csv";

export type TImportState =
  | { status: "preview"; count: number; headers: string[]; preview: string[][] }
  | { status: "errors"; errors: TLineError[] }
  | { status: "done"; created: number; updated: number }
  | { status: "queued"; jobId: string }
  | { status: "failed"; message: string };
