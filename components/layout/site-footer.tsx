import Link from "next/link";
import type { TTranslate } from "@/lib/i18n/translate";

export function SiteFooter({ t }: { t: TTranslate }) {
  return (
    <footer className="site-footer" role="contentinfo">
      <div className="container">
        <p>{t("app.footer")}</p>
        <ul className="footer-links">
          <li>
            <Link href="/accessibilite">{t("app.accessibility")}</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
