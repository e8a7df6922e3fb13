"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/actor";
import { assertActionInput, toFailure } from "@/lib/auth/authed-action";
import { requestCsvImport } from "@/lib/imports/request-csv-import";
import { importPlanActions } from "@/lib/needs/import-plan-actions";
import { planLinePreview } from "@/lib/needs/plan-line-preview";
import { importResultState, type TImportState } from "@/lib/imports/import-result-state";
import { getTranslator } from "@/lib/i18n/server";

// The form's own fields: only a forged POST gets them wrong, except the file a person may forget.
const ZForm = z.object({
  kind: z.enum(["headcounts", "staff", "planActions"]),
  mode: z.enum(["preview", "import"]),
  institutionId: z.string().min(1).max(40),
  file: z.instanceof(File).refine((file) => file.size > 0 || file.name !== ""),
  /** The training plan's campaign year (planActions only). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * The officers' CSV imports (headcounts, staff, the training plan's actions). A public POST
 * endpoint like any server action: each use case checks the actor's right on the institution.
 */
export async function importCsvAction(_previous: TImportState | null, formData: FormData): Promise<TImportState> {
  const { locale, t } = await getTranslator();
  try {
    const actor = await requireActor();
    assertActionInput(formData, { isForm: true });
    const parsed = ZForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const isFileMissing = parsed.error.issues.some((issue) => issue.path[0] === "file");
      return {
        status: "failed",
        message: t(isFileMissing ? "indicators.imports.fileRequired" : "indicators.imports.formInvalid"),
      };
    }
    const { kind, mode, institutionId, file } = parsed.data;
    if (kind === "planActions") {
      // A plan is small: checked and written at once, never through the background queue.
      const result = await importPlanActions(actor, {
        institutionId,
        year: parsed.data.year ?? new Date().getUTCFullYear(),
        bytes: new Uint8Array(await file.arrayBuffer()),
        isDryRun: mode === "preview",
      });
      const rows = result.rows.map((row) => planLinePreview(row, t, locale));
      const state = importResultState({ ...result, rows }, t);
      if (state.status === "done") revalidatePath(`/institutions/${institutionId}/plan`);
      return state;
    }
    const request = await requestCsvImport(actor, {
      kind,
      institutionId,
      bytes: new Uint8Array(await file.arrayBuffer()),
      isDryRun: mode === "preview",
      locale,
    });
    if ("jobId" in request) return { status: "queued", jobId: request.jobId };
    const state = importResultState(request.result, t);
    if (state.status === "done") revalidatePath("/institutions/[id]", "page");
    return state;
  } catch (error) {
    // Refusals in the reader's language (sign-in, rights, too large a file…); anything else is logged.
    return { status: "failed", message: (await toFailure(error)).message };
  }
}
