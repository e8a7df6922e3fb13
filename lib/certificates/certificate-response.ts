import "server-only";
import { isAppError, toHttpError } from "../errors/app-error";
import { getTranslator } from "../i18n/server";
import type { TMessageKey } from "../i18n/translate";

/** A certificate PDF as a download; a refusal as a short text in the user's language, with its status. */
export async function certificateResponse(
  run: () => Promise<{ pdf: Uint8Array; fileName: string }>,
): Promise<Response> {
  try {
    const { pdf, fileName } = await run();
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    const { t } = await getTranslator();
    const { status, body } = toHttpError(error);
    const key = isAppError(error) ? error.details?.messageKey : undefined;
    const message =
      typeof key === "string"
        ? t(key as TMessageKey, (error as { details: { values?: Record<string, string | number> } }).details.values)
        : body.error === "INTERNAL"
          ? t("errors.codes.INTERNAL")
          : t(
              `errors.codes.${body.error === "FORBIDDEN" || body.error === "UNAUTHENTICATED" ? body.error : "NOT_FOUND"}`,
            );
    return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
