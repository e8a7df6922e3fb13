import type { TNetworkPage } from "@/lib/networks/get-network-page";
import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import { formatDate } from "@/lib/i18n/format";
import { ActionForm } from "@/components/sessions/action-form";
import { FormSection } from "./form-section";
import {
  addResourceAction,
  cancelEventAction,
  createEventAction,
  removeResourceAction,
  updateEventAction,
} from "@/app/networks/networks.action";
import { EventFields } from "./event-fields";

type TProps = { view: TNetworkPage; locale: TLocale; t: TTranslate; feedUrl: string | null };

/** A network's meetings, sessions and resources; the moderators' forms to add them. */
export function NetworkSidebar({ view, locale, t, feedUrl }: TProps) {
  const { network } = view;
  return (
    <aside aria-label={t("networks.page.about")}>
      <section aria-labelledby="events">
        <h2 id="events">{t("networks.page.events")}</h2>
        {view.events.length === 0 ? (
          <p>{t("networks.page.noEvents")}</p>
        ) : (
          <ul>
            {view.events.map((event) => (
              <li key={event.id}>
                <strong>{event.title}</strong> — {formatDate(locale, event.startsAt, { withTime: true })}
                {event.editedAt && (
                  <span className="network-meta">
                    {" "}
                    (
                    {t("networks.page.eventEditedOn", { date: formatDate(locale, event.editedAt, { withTime: true }) })}
                    )
                  </span>
                )}
                {event.description && <p>{event.description}</p>}
                <p>
                  <a href={event.meetingUrl} rel="noopener noreferrer nofollow">
                    {t("networks.page.meetingLink")}
                  </a>{" "}
                  ·{" "}
                  <a href={`/api/networks/events/${event.id}/ics`}>{t("networks.page.ics", { title: event.title })}</a>
                </p>
                {event.form && (
                  <div className="network-actions">
                    <details>
                      <summary>{t("networks.page.eventEdit", { title: event.title })}</summary>
                      <ActionForm
                        id={`edit-event-${event.id}`}
                        action={updateEventAction}
                        hidden={{ eventId: event.id }}
                        submitLabel={t("networks.page.eventSave")}
                        doneMessage={t("networks.page.eventUpdated")}
                      >
                        <EventFields id={`edit-event-${event.id}`} t={t} values={{ ...event, ...event.form }} />
                      </ActionForm>
                    </details>
                    <ActionForm
                      id={`cancel-event-${event.id}`}
                      isSecondary
                      action={cancelEventAction}
                      hidden={{ eventId: event.id }}
                      submitLabel={t("networks.page.eventCancel", { title: event.title })}
                      doneMessage={t("networks.page.eventCancelled")}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {feedUrl && (
          <>
            <h3>{t("networks.page.feed")}</h3>
            <p>{t("networks.page.feedHelp")}</p>
            <p>
              <code>{feedUrl}</code>
            </p>
          </>
        )}
      </section>
      {view.sessions.length > 0 && (
        <section aria-labelledby="sessions">
          <h2 id="sessions">{t("networks.page.sessions")}</h2>
          <ul>
            {view.sessions.map((session) => (
              <li key={session.id}>
                <a href={`/sessions/${session.id}`}>{session.title}</a> — {session.site}
                {session.startsAt && <>, {formatDate(locale, session.startsAt, { withTime: true })}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="resources">
        <h2 id="resources">{t("networks.page.resources")}</h2>
        {view.resources.length === 0 ? (
          <p>{t("networks.page.noResources")}</p>
        ) : (
          <ul>
            {view.resources.map((resource) => (
              <li key={resource.id}>
                <span className="badge">{t(`networks.resourceKind.${resource.kind}`)}</span>{" "}
                <a href={resource.href} {...(resource.isExternal ? { rel: "noopener noreferrer nofollow" } : {})}>
                  {resource.title}
                </a>
                {view.isModerator && (
                  <ActionForm
                    id={`remove-resource-${resource.id}`}
                    action={removeResourceAction}
                    hidden={{ resourceId: resource.id }}
                    submitLabel={t("networks.page.resourceRemove", { title: resource.title })}
                    doneMessage={t("networks.page.resourceRemoved")}
                    isSecondary
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {view.isModerator && (
        <>
          <FormSection form="resource" t={t} action={addResourceAction} networkId={network.id}>
            <label htmlFor="resource-title">{t("networks.page.resourceTitle")}</label>
            <input id="resource-title" name="title" required maxLength={200} />
            <label htmlFor="resource-kind">{t("networks.page.resourceKind")}</label>
            <select id="resource-kind" name="kind">
              {(["LINK", "COURSE", "SESSION", "DOCUMENT"] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`networks.resourceKind.${kind}`)}
                </option>
              ))}
            </select>
            <label htmlFor="resource-target">{t("networks.page.resourceTarget")}</label>
            <input id="resource-target" name="target" required maxLength={2048} />
          </FormSection>
          <FormSection form="event" t={t} action={createEventAction} networkId={network.id}>
            <EventFields id="event" t={t} />
          </FormSection>
        </>
      )}
    </aside>
  );
}
