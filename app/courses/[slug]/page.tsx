import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getCoursePage } from "@/lib/learning/get-course-page";
import { isAppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatHours } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { EnrolForm } from "@/components/catalogue/enrol-form";
import "@/components/catalogue/learning.css";
import { getCourseAttribution } from "@/lib/library/get-course-attribution";
import { PageBreadcrumb } from "@/components/layout/page-breadcrumb";

export const generateMetadata = pageTitle("pageTitles.coursesSlug");

type TProps = { params: Promise<{ slug: string }> };

export default async function CoursePage({ params }: TProps) {
  const actor = await requirePagePermission("catalog.browse");
  const { slug } = await params;
  const { locale, t } = await getTranslator();
  const course = await getCoursePage(actor, slug).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { version, enrolment } = course;
  // Library courses are credited wherever they are offered (licence, authors, lineage).
  const attribution = await getCourseAttribution(course.id);
  const objectives = localized(locale, version.objectives, version.objectivesEn)
    .split(/\s*;\s*|\n+/)
    .filter(Boolean);
  return (
    <article className="prose">
      <PageBreadcrumb
        segments={[{ label: t("nav.catalogue"), href: "/catalogue" }]}
        current={localized(locale, version.title, version.titleEn)}
      />
      <h1>{localized(locale, version.title, version.titleEn)}</h1>
      <p className="lead">{localized(locale, version.summary, version.summaryEn)}</p>

      <section aria-labelledby="course-details">
        <h2 id="course-details">{t("learning.course.details")}</h2>
        <dl className="facts">
          <dt>{t("learning.course.duration")}</dt>
          <dd>{formatHours(locale, version.declaredDurationMinutes)}</dd>
          <dt>{t("learning.course.modality")}</dt>
          <dd>{t(`enums.modality.${course.modality}`)}</dd>
          <dt>{t("learning.course.trainingType")}</dt>
          <dd>{t(`enums.trainingType.${course.trainingType}`)}</dd>
          <dt>{t("learning.course.theme")}</dt>
          <dd>{locale === "en" ? course.theme.nameEn : course.theme.nameFr}</dd>
          <dt>{t("learning.course.language")}</dt>
          <dd>{course.language === "en" ? t("learning.filters.languageEn") : t("learning.filters.languageFr")}</dd>
          <dt>{t("learning.course.institution")}</dt>
          <dd>{course.institution.name}</dd>
        </dl>
        {attribution?.licence && attribution.authors && (
          <p className="attribution">
            {t("library.attribution", {
              institution: attribution.institution,
              authors: attribution.authors,
              licence: t(`enums.licence.${attribution.licence}`),
            })}
          </p>
        )}
        {attribution?.adaptedFrom && (
          <p className="attribution">
            {t("library.attributionAdapted", {
              title: localized(locale, attribution.adaptedFrom.title, attribution.adaptedFrom.titleEn),
              institution: attribution.adaptedFrom.institution,
              number: attribution.adaptedFrom.version,
            })}
          </p>
        )}
      </section>

      <section aria-label={t("learning.course.enrol")}>
        {course.requiresApproval && !enrolment && <p>{t("learning.course.approvalNeeded")}</p>}
        {enrolment?.status === "PENDING_APPROVAL" && <p role="status">{t("learning.course.pending")}</p>}
        {enrolment?.status === "COMPLETED" && <p>{t("learning.course.completed")}</p>}
        {enrolment?.status === "ACTIVE" && <p>{t("learning.course.enrolled")}</p>}
        {enrolment?.status === "REFUSED" && <p>{t("learning.course.refused")}</p>}
        {!course.hasOnlinePart && <p>{t("learning.course.inPersonOnly")}</p>}
        {course.playerHref && (
          <p>
            <Link className="button" href={course.playerHref}>
              {enrolment && enrolment.progressPercent > 0 ? t("learning.course.continue") : t("learning.course.start")}
            </Link>
          </p>
        )}
        {course.certificateHref && (
          <p>
            <a className="button button-secondary" href={course.certificateHref} download>
              {t("learning.course.downloadCertificate")}
            </a>
          </p>
        )}
        {course.canEnrol && (
          <EnrolForm
            courseId={course.id}
            label={course.requiresApproval ? t("learning.course.requestApproval") : t("learning.course.enrol")}
          />
        )}
      </section>

      <section aria-labelledby="course-objectives">
        <h2 id="course-objectives">{t("learning.course.objectives")}</h2>
        <ul>
          {objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </section>

      {version.modules.length > 0 && (
        <section aria-labelledby="course-programme">
          <h2 id="course-programme">{t("learning.course.programme")}</h2>
          <ol>
            {version.modules.map((module) => (
              <li key={module.id}>
                {localized(locale, module.title, module.titleEn)} —{" "}
                {t("learning.course.moduleActivities", { count: module._count.activities })}
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="course-sessions">
        <h2 id="course-sessions">{t("learning.course.sessions")}</h2>
        {course.sessions.length === 0 ? (
          <p>{t("learning.course.noSessions")}</p>
        ) : (
          <ul>
            {course.sessions.map((session) => (
              <li key={session.id}>
                <Link href={`/sessions/${session.id}`}>
                  {t("learning.course.sessionAt", {
                    site: session.site.name,
                    city: session.site.city,
                    date: session.slots[0] ? formatDate(locale, session.slots[0].startsAt) : "",
                  })}
                </Link>{" "}
                ({t(`enums.sessionStatus.${session.status}`)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
