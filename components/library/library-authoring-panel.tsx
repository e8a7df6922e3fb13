import type { TTranslate } from "@/lib/i18n/translate";
import type { TLocale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";
import { formatDate } from "@/lib/i18n/format";
import type { getLibraryAuthoringView } from "@/lib/library/get-library-authoring-view";
import { LibraryActionForm } from "./library-action-form";
import type { TActionResult } from "@/lib/auth/authed-action";

type TFormAction = (previous: TActionResult<undefined> | null, formData: FormData) => Promise<TActionResult<undefined>>;

/** The national library in the course editor: lineage and upstream changes for an adaptation, then sharing. */
export function LibraryAuthoringPanel(props: {
  courseId: string;
  view: Awaited<ReturnType<typeof getLibraryAuthoringView>>;
  t: TTranslate;
  locale: TLocale;
  publishAction: TFormAction;
  takeAction: TFormAction;
  withdrawAction: TFormAction;
}) {
  const { courseId, view, t, locale } = props;
  const upstream = view.upstream;
  return (
    <>
      {upstream && (
        <section className="card" aria-labelledby="upstream-title">
          <h2 id="upstream-title">{t("library.upstreamTitle")}</h2>
          <p>
            {t("library.lineage", {
              title: localized(locale, upstream.upstreamTitle, upstream.upstreamTitleEn),
              institution: upstream.upstreamInstitution,
              number: upstream.basedOnVersion,
            })}
          </p>
          {upstream.authors && upstream.licence && (
            <p>
              {t("library.lineageCredits", {
                authors: upstream.authors,
                licence: t(`enums.licence.${upstream.licence}` as Parameters<TTranslate>[0]),
              })}
            </p>
          )}
          {upstream.canTakeLatest ? (
            <>
              <p>{t("library.upstreamNew", { number: upstream.latestVersion, from: upstream.basedOnVersion })}</p>
              <ul>
                {upstream.changes.map((change, index) => (
                  <li key={index}>
                    {"title" in change
                      ? t(`library.changes.${change.kind}`, { title: change.title })
                      : t(`library.changes.${change.kind}`)}
                  </li>
                ))}
              </ul>
              <p>{t("library.takeHint")}</p>
              <LibraryActionForm
                action={props.takeAction}
                hidden={{ courseId, upstreamVersion: String(upstream.latestVersion) }}
                submit={t("library.takeSubmit", { number: upstream.latestVersion })}
                done={t("library.takenDone")}
              />
            </>
          ) : (
            <p>{t("library.upstreamUpToDate")}</p>
          )}
        </section>
      )}
      {view.canPublish && (
        <section className="card" aria-labelledby="library-publish-title">
          <h2 id="library-publish-title">{t("library.publishTitle")}</h2>
          {view.listing &&
            (view.listing.withdrawnAt ? (
              // Replaces the withdrawal form once the page is refreshed: announced as the outcome.
              <p role="status">{t("library.withdrawnOn", { date: formatDate(locale, view.listing.withdrawnAt) })}</p>
            ) : (
              <p className="success-text">
                {t("library.publishedAs", {
                  licence: t(`enums.licence.${view.listing.licence}`),
                })}
              </p>
            ))}
          <p>{t("library.publishIntro")}</p>
          {view.hasPublishedVersion ? (
            <LibraryActionForm
              action={props.publishAction}
              hidden={{ courseId }}
              submit={t(
                !view.listing
                  ? "library.publishSubmit"
                  : view.listing.withdrawnAt
                    ? "library.republishSubmit"
                    : "library.updateSubmit",
              )}
              done={t("library.publishedDone")}
            >
              <label htmlFor="library-licence">{t("library.licenceField")}</label>
              <select id="library-licence" name="licence" defaultValue={view.listing?.licence ?? view.licences[0]}>
                {view.licences.map((licence) => (
                  <option key={licence} value={licence}>
                    {t(`enums.licence.${licence}`)}
                  </option>
                ))}
              </select>
              <label htmlFor="library-authors">{t("library.authorsField")}</label>
              <input
                id="library-authors"
                name="authors"
                required
                minLength={2}
                maxLength={300}
                defaultValue={view.listing?.authors ?? ""}
                aria-describedby="library-authors-hint"
              />
              <p id="library-authors-hint" className="hint">
                {t("library.authorsHint")}
              </p>
            </LibraryActionForm>
          ) : (
            <p>{t("library.publishNeedsVersion")}</p>
          )}
          {view.listing && !view.listing.withdrawnAt && (
            <>
              <h3>{t("library.withdrawTitle")}</h3>
              <p>{t("library.withdrawIntro")}</p>
              <LibraryActionForm
                action={props.withdrawAction}
                hidden={{ courseId }}
                submit={t("library.withdrawSubmit")}
                done={t("library.withdrawnDone")}
                isSecondary
                confirmation={{
                  title: t("library.withdrawConfirmTitle"),
                  message: t("library.withdrawConfirmMessage"),
                  confirmLabel: t("library.withdrawConfirm"),
                  cancelLabel: t("library.cancel"),
                }}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}
