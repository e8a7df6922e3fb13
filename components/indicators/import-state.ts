export type { TImportState } from "@/lib/imports/import-result-state";
