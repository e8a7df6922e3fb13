"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { assertActionInput, toFailure } from "@/lib/auth/authed-action";
import { isAppError } from "@/lib/errors/app-error";
import { requestCsvImport } from "@/lib/imports/request-csv-import";
import { importPlanActions } from "@/lib/needs/import-plan-actions";
import { importResultState, type TImportState } from "@/lib/imports/import-result-state";
import { getTranslator } from "@/lib/i18n/server";
import { localizeAppError } from "@/lib/errors/localized-error";

const ZForm = z.object({
  kind: z.enum(["headcounts", "staff", "planActions"], { message: "kind must be headcounts, staff or planActions" }),
  mode: z.enum(["preview", "import"], { message: "mode must be preview or import" }),
  institutionId: z.string().min(1, "institutionId is required"),
  file: z.instanceof(File, { message: "file is required" }),
  /** The training plan's campaign year (planActions only). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * The officers' CSV imports (headcounts, staff, the training plan's actions). A public POST
 * endpoint like any server action: each use case checks the actor's right on the institution.
 */
export async function importCsvAction(_previous: TImportState | null, formData: FormData): Promise<TImportState> {
  const actor = await getActor();
  if (!actor) return { status: "failed", message: "Please sign in." };
  try {
    assertActionInput(formData, { isForm: true });
  } catch (error) {
    return { status: "failed", message: (await toFailure(error)).message };
  }
  const parsed = ZForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { status: "failed", message: parsed.error.issues.map((issue) => issue.message).join("; ") };
  const { kind, mode, institutionId, file } = parsed.data;
  const { locale, t } = await getTranslator();
  try {
    if (kind === "planActions") {
      // A plan is small: checked and written at once, never through the background queue.
      const result = await importPlanActions(actor, {
        institutionId,
        year: parsed.data.year ?? new Date().getUTCFullYear(),
        bytes: new Uint8Array(await file.arrayBuffer()),
        isDryRun: mode === "preview",
      });
      const state = importResultState(result, t);
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
    const localized = localizeAppError(error, t);
    if (isAppError(localized)) return { status: "failed", message: localized.userMessage };
    console.error(error);
    return { status: "failed", message: "An unexpected error occurred. It has been logged." };
  }
}
