import "server-only";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { BACKGROUND_THRESHOLD, queueIndicatorJob } from "../job-queue/indicator-job-store";
import { importHeadcounts, type THeadcountImportResult } from "./import-headcounts";
import { importStaff, type TStaffImportResult } from "./import-staff";

export type TCsvImportKind = "headcounts" | "staff";

/**
 * A CSV import: validated (and previewed) straight away, whatever its size, so line errors come
 * back at once and a file with one bad line never reaches the queue; a valid file above the
 * threshold is then imported by a background job (its progress on the job's page).
 */
export async function requestCsvImport(
  actor: TActor,
  options: {
    kind: TCsvImportKind;
    institutionId: string;
    bytes: Uint8Array;
    isDryRun: boolean;
    threshold?: number;
    /** The owner's language, for the job's messages. */
    locale?: TLocale;
  },
): Promise<{ result: THeadcountImportResult | TStaffImportResult } | { jobId: string }> {
  const { kind, institutionId, bytes } = options;
  const run = kind === "headcounts" ? importHeadcounts : importStaff;
  const checked = await run(actor, { institutionId, bytes, isDryRun: true });
  if (options.isDryRun || checked.errors.length > 0) return { result: checked };
  if (checked.rows.length <= (options.threshold ?? BACKGROUND_THRESHOLD))
    return { result: await run(actor, { institutionId, bytes, isDryRun: false }) };
  const job = await queueIndicatorJob(actor, {
    kind: kind === "headcounts" ? "HEADCOUNT_IMPORT" : "STAFF_IMPORT",
    institutionId,
    params: { institutionId, locale: options.locale ?? "fr" },
    input: bytes,
  });
  return { jobId: job.id };
}
