import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listMyTrainings } from "@/lib/learning/list-my-trainings";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import "@/components/catalogue/learning.css";
import { listWaitingItems } from "@/lib/home/list-waiting-items";
import { WaitingForYou } from "@/components/home/waiting-for-you";

export const generateMetadata = pageTitle("pageTitles.learn");

export default async function LearnPage() {
  const actor = await requirePageActor();
  const [{ locale, t }, trainings] = await Promise.all([getTranslator(), listMyTrainings(actor)]);
  const groups = [
    { key: "inProgress", items: trainings.filter((item) => item.status === "ACTIVE") },
    { key: "pending", items: trainings.filter((item) => item.status === "PENDING_APPROVAL") },
    { key: "done", items: trainings.filter((item) => item.status === "COMPLETED") },
  ] as const;
  return (
    <>
      <h1>{t("learn.title")}</h1>
      <WaitingForYou t={t} items={await listWaitingItems(actor)} />
      {trainings.length === 0 && <p>{t("learn.empty")}</p>}
      {groups.map(
        (group) =>
          group.items.length > 0 && (
            <section key={group.key} aria-labelledby={`group-${group.key}`}>
              <h2 id={`group-${group.key}`}>{t(`learn.${group.key}`)}</h2>
              <ul className="card-list">
                {group.items.map((item) => (
                  <li key={item.id} className="card">
                    <h3>
                      <Link href={item.href}>
                        {localized(locale, item.courseVersion.title, item.courseVersion.titleEn)}
                      </Link>
                    </h3>
                    <p className="badge">{t(`enums.modality.${item.course.modality}`)}</p>
                    {item.status === "COMPLETED" && item.completedAt ? (
                      <>
                        <p>{t("learn.completedOn", { date: formatDate(locale, item.completedAt) })}</p>
                        {item.certificateHref && (
                          <p>
                            <a href={item.certificateHref} download>
                              {t("certificates.downloadOf", {
                                title: localized(locale, item.courseVersion.title, item.courseVersion.titleEn),
                              })}
                            </a>
                          </p>
                        )}
                      </>
                    ) : (
                      <>
                        <p id={`progress-${item.id}`}>{t("learn.progress", { percent: item.progressPercent })}</p>
                        <progress max={100} value={item.progressPercent} aria-labelledby={`progress-${item.id}`} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
      <p className="actions-row">
        <Link className="button" href="/catalogue">
          {t("learn.browseCatalogue")}
        </Link>
      </p>
    </>
  );
}
