"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getActor } from "@/lib/auth/actor";
import { assertActionInput, toFailure } from "@/lib/auth/authed-action";
import { isAppError } from "@/lib/errors/app-error";
import { requestCsvImport } from "@/lib/imports/request-csv-import";
import { translateLineError } from "@/lib/imports/translate-line-error";
import { getTranslator } from "@/lib/i18n/server";
import { localizeAppError } from "@/lib/sessions/localize-app-error";
import type { TImportState } from "@/components/indicators/import-state";

const ZForm = z.object({
  kind: z.enum(["headcounts", "staff"], { message: "kind must be headcounts or staff" }),
  mode: z.enum(["preview", "import"], { message: "mode must be preview or import" }),
  institutionId: z.string().min(1, "institutionId is required"),
  file: z.instanceof(File, { message: "file is required" }),
});

/** A public POST endpoint like any server action: the use case checks the actor's right on the institution. */
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
    const request = await requestCsvImport(actor, {
      kind,
      institutionId,
      bytes: new Uint8Array(await file.arrayBuffer()),
      isDryRun: mode === "preview",
      locale,
    });
    if ("jobId" in request) return { status: "queued", jobId: request.jobId };
    const { result } = request;
    if (result.errors.length > 0)
      return { status: "errors", errors: result.errors.map((error) => translateLineError(error, t)) };
    if (!result.isImported) {
      const preview = result.rows.slice(0, 20).map((row) =>
        Object.entries(row)
          .filter(([key]) => key !== "line")
          .map(([, value]) => (value === undefined ? "" : String(value))),
      );
      const headers = result.rows[0] ? Object.keys(result.rows[0]).filter((key) => key !== "line") : [];
      return { status: "preview", count: result.rows.length, headers, preview };
    }
    revalidatePath("/institutions/[id]", "page");
    return { status: "done", created: result.created, updated: result.updated };
  } catch (error) {
    const localized = localizeAppError(error, t);
    if (isAppError(localized)) return { status: "failed", message: localized.userMessage };
    console.error(error);
    return { status: "failed", message: "An unexpected error occurred. It has been logged." };
  }
}
