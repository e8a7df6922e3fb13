import Link from "next/link";
import { getTranslator } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("errors.forbiddenTitle")}</h1>
      <p>{t("errors.forbiddenText")}</p>
      <p>
        <Link href="/">{t("auth.backHome")}</Link>
      </p>
    </>
  );
}
