import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";
import type { TMessageKey } from "@/lib/i18n/translate";

/** The 404 and 403 pages: a title, one sentence, and the way back home. */
export async function MessagePage({ titleKey, textKey }: { titleKey: TMessageKey; textKey: TMessageKey }) {
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t(titleKey)}</h1>
      <p>{t(textKey)}</p>
      <p>
        <Link href="/">{t("auth.backHome")}</Link>
      </p>
    </>
  );
}
