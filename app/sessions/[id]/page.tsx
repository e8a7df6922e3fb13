import { pageTitle } from "@/lib/i18n/page-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getSessionDetail } from "@/lib/sessions/get-session-detail";
import { getTranslator } from "@/lib/i18n/server";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { isAppError } from "@/lib/errors/app-error";
import { ActionAnnouncer, ActionForm } from "@/components/sessions/action-form";
import { registerAction, cancelRegistrationAction, acceptOfferAction } from "../session.action";
import { cancelSessionAction, rescheduleSessionAction } from "@/app/coordinator/coordinator.action";
import { timeZoneOf } from "@/lib/time/time-zone";
import { scheduleFormLabels } from "@/components/sessions/schedule-form-labels";
import { ScheduleSessionForm } from "@/components/sessions/schedule-session-form";
import { getSchedulingOptions } from "@/lib/sessions/get-scheduling-options";
import { getSessionCosts } from "@/lib/sessions/get-session-costs";
import { SessionCostsForm } from "@/components/sessions/session-costs-form";
import { EURO_FORMAT } from "@/lib/money/z-euros";
import { recordSessionCostsAction } from "../costs.action";
import "@/components/sessions/sessions.css";
import { PageBreadcrumb } from "@/components/layout/page-breadcrumb";

export const generateMetadata = pageTitle("pageTitles.sessionsId");

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor();
  const { locale, t } = await getTranslator();
  const detail = await getSessionDetail(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { session, mine, taken, registrations } = detail;
  const title = localized(locale, session.courseVersion.title, session.courseVersion.titleEn);
  const timeZone = timeZoneOf(session.site);
  const [options, costs] = await Promise.all([
    detail.canMove ? getSchedulingOptions(actor) : null,
    getSessionCosts(actor, session),
  ]);
  const euros = (cents: number) => formatNumber(locale, cents / 100, EURO_FORMAT);
  // Form values without grouping, so that what is shown is what the parser reads back.
  const typed = (cents: number) => formatNumber(locale, cents / 100, { ...EURO_FORMAT, useGrouping: false });
  return (
    <>
      <PageBreadcrumb segments={[{ label: t("nav.sessions"), href: "/sessions" }]} current={title} />
      <h1>{title}</h1>
      <p className="badge">{t(`enums.sessionStatus.${session.status}`)}</p>
      <p>
        <Link href={`/sites/${session.site.id}`}>{session.site.name}</Link> — {session.site.address},{" "}
        {session.site.postalCode} {session.site.city}
      </p>
      <p>
        {t("sessions.detail.seats", { taken, capacity: session.capacity })} ·{" "}
        {t("sessions.detail.deadline", { date: formatDate(locale, detail.deadline, { timeZone }) })}
      </p>
      {session.course.requiresOnlineBeforeSession && <p>{t("sessions.detail.onlineFirst")}</p>}
      {session.course.requiresApproval && <p>{t("sessions.detail.approvalNeeded")}</p>}
      <h2>{t("sessions.detail.objectives")}</h2>
      <p className="prose">{localized(locale, session.courseVersion.objectives, session.courseVersion.objectivesEn)}</p>
      <h2>{t("sessions.detail.slots")}</h2>
      <ul>
        {session.slots.map((slot) => (
          <li key={slot.id}>
            {formatDate(locale, slot.startsAt, { withTime: true, timeZone })} –{" "}
            {new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeStyle: "short", timeZone }).format(
              slot.endsAt,
            )}{" "}
            · {slot.room.name} ·{" "}
            {slot.trainers.map((trainer, index) => (
              <span key={trainer.user.id}>
                {index > 0 && ", "}
                {detail.canSchedule ? (
                  <Link href={`/sessions/calendar?trainer=${trainer.user.id}`}>{trainer.user.name}</Link>
                ) : (
                  trainer.user.name
                )}
              </span>
            ))}
            {detail.canRecord && (
              <>
                {" "}
                ·{" "}
                <Link href={`/attendance/${slot.id}`}>
                  {t("sessions.detail.rollCall", {
                    date: formatDate(locale, slot.startsAt, { withTime: true, timeZone }),
                  })}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>

      <section aria-labelledby="my-registration">
        <h2 id="my-registration">{t("sessions.detail.myRegistration")}</h2>
        <ActionAnnouncer id="session-announcer" />
        {mine && <p className="badge">{t(`sessions.registrationStatus.${mine.status}`)}</p>}
        {detail.canAccept && mine?.offerExpiresAt && (
          <p>
            {t("sessions.detail.offerUntil", {
              date: formatDate(locale, mine.offerExpiresAt, { withTime: true, timeZone }),
            })}
          </p>
        )}
        {detail.registrationOpensAt && (
          <p id="priority-window-notice">
            {t("sessions.detail.priorityWindowNotice", {
              date: formatDate(locale, detail.registrationOpensAt, { withTime: true, timeZone }),
            })}
          </p>
        )}
        {detail.canRegister && (
          <ActionForm
            id="register"
            isAnnounced
            action={registerAction}
            hidden={{ sessionId: session.id }}
            submitLabel={detail.isWaitlistOnly ? t("sessions.detail.joinWaitlist") : t("sessions.detail.register")}
            doneMessage={t("sessions.detail.registered")}
          />
        )}
        {detail.canAccept && mine && (
          <ActionForm
            id="accept"
            isAnnounced
            action={acceptOfferAction}
            hidden={{ registrationId: mine.id }}
            submitLabel={t("sessions.detail.acceptOffer")}
            doneMessage={t("sessions.detail.accepted")}
          />
        )}
        {detail.canCancel && mine && (
          <ActionForm
            id="cancel-mine"
            isAnnounced
            action={cancelRegistrationAction}
            hidden={{ registrationId: mine.id }}
            submitLabel={t("sessions.detail.cancelMine")}
            doneMessage={t("sessions.detail.cancelled")}
            isSecondary
            confirmation={{
              title: t("sessions.detail.cancelConfirmTitle"),
              message: t("sessions.detail.cancelConfirmMessage"),
              confirmLabel: t("sessions.detail.cancelConfirm"),
              cancelLabel: t("sessions.detail.cancelKeep"),
            }}
          />
        )}
        {detail.hasAttended && (
          <p>
            <a className="button" href={`/api/sessions/${session.id}/certificate`} download>
              {t("sessions.detail.certificate")}
            </a>
          </p>
        )}
      </section>

      {(detail.canManage || detail.canRecord) && (
        <section aria-labelledby="registrations-title">
          <h2 id="registrations-title">{t("sessions.detail.registrations")}</h2>
          <p>
            <a href={`/api/sessions/${session.id}/attendance-sheet`}>{t("sessions.detail.attendanceSheet")}</a>
          </p>
          <div className="table-scroll">
            <table className="table">
              <caption>{t("sessions.detail.registrationsCaption", { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("sessions.detail.agent")}</th>
                  <th scope="col">{t("sessions.detail.status")}</th>
                  {detail.canManage && <th scope="col">{t("sessions.detail.actions")}</th>}
                </tr>
              </thead>
              <tbody>
                {registrations.map((registration) => (
                  <tr key={registration.id}>
                    <td>{registration.user.name}</td>
                    <td>{t(`sessions.registrationStatus.${registration.status}`)}</td>
                    {detail.canManage && (
                      <td>
                        {registration.canCancel && (
                          <ActionForm
                            id={`cancel-${registration.id}`}
                            isAnnounced
                            action={cancelRegistrationAction}
                            hidden={{ registrationId: registration.id }}
                            submitLabel={t("sessions.detail.cancelFor", { name: registration.user.name })}
                            doneMessage={t("sessions.detail.cancelled")}
                            isSecondary
                            confirmation={{
                              title: t("sessions.detail.cancelForConfirmTitle", { name: registration.user.name }),
                              message: t("sessions.detail.cancelForConfirmMessage", { name: registration.user.name }),
                              confirmLabel: t("sessions.detail.cancelForConfirm"),
                              cancelLabel: t("forms.cancel"),
                            }}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {detail.canMove && options && (
        <section aria-labelledby="move-session-title">
          <h2 id="move-session-title">{t("sessions.detail.moveSession")}</h2>
          <p>{t("sessions.detail.moveHelp")}</p>
          <ScheduleSessionForm
            action={rescheduleSessionAction}
            sessionId={session.id}
            sites={options.sites.filter((site) => site.id === session.siteId)}
            versions={[]}
            trainers={options.trainers}
            labels={scheduleFormLabels(t, {
              submit: t("sessions.detail.moveSubmit"),
              done: t("sessions.detail.moved"),
            })}
          />
        </section>
      )}
      {costs && (
        <section aria-labelledby="session-costs-title">
          <h2 id="session-costs-title">{t("costs.session.title")}</h2>
          <p data-testid="session-cost-total">
            {costs.isRecorded ? t("costs.session.total", { amount: euros(costs.totalCents) }) : t("costs.session.none")}
          </p>
          <SessionCostsForm
            t={t}
            sessionId={session.id}
            action={recordSessionCostsAction}
            values={{
              trainers: typed(costs.trainersCents),
              room: typed(costs.roomCents),
              catering: typed(costs.cateringCents),
              travel: typed(costs.travelCents),
            }}
          />
        </section>
      )}
      {detail.canCancelSession && (
        <section aria-labelledby="cancel-session-title">
          <h2 id="cancel-session-title">{t("sessions.detail.cancelSession")}</h2>
          <ActionForm
            id="cancel-session"
            action={cancelSessionAction}
            hidden={{ sessionId: session.id }}
            submitLabel={t("sessions.detail.cancelSession")}
            doneMessage={t("sessions.detail.sessionCancelled")}
            isSecondary
          >
            <label htmlFor="cancel-reason">{t("sessions.detail.reason")}</label>
            <textarea id="cancel-reason" name="reason" />
          </ActionForm>
        </section>
      )}
    </>
  );
}
