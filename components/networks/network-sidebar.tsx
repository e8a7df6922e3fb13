import type { TNetworkPage } from "@/lib/networks/get-network-page";
import type { TLocale } from "@/lib/i18n/config";
import type { TTranslate } from "@/lib/i18n/translate";
import { formatDate } from "@/lib/i18n/format";
import { ActionForm } from "@/components/sessions/action-form";
import { addResourceAction, createEventAction, removeResourceAction } from "@/app/networks/networks.action";

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
                {event.description && <p>{event.description}</p>}
                <p>
                  <a href={event.meetingUrl} rel="noopener noreferrer nofollow">
                    {t("networks.page.meetingLink")}
                  </a>{" "}
                  ·{" "}
                  <a href={`/api/networks/events/${event.id}/ics`}>{t("networks.page.ics", { title: event.title })}</a>
                </p>
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
          <section aria-labelledby="add-resource">
            <h2 id="add-resource">{t("networks.page.addResource")}</h2>
            <ActionForm
              id="add-resource-form"
              action={addResourceAction}
              hidden={{ networkId: network.id }}
              submitLabel={t("networks.page.resourceAdd")}
              doneMessage={t("networks.page.resourceAdded")}
            >
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
            </ActionForm>
          </section>
          <section aria-labelledby="add-event">
            <h2 id="add-event">{t("networks.page.addEvent")}</h2>
            <ActionForm
              id="add-event-form"
              action={createEventAction}
              hidden={{ networkId: network.id }}
              submitLabel={t("networks.page.eventAdd")}
              doneMessage={t("networks.page.eventAdded")}
            >
              <label htmlFor="event-title">{t("networks.page.eventTitle")}</label>
              <input id="event-title" name="title" required maxLength={200} />
              <label htmlFor="event-description">{t("networks.page.eventDescription")}</label>
              <textarea id="event-description" name="description" rows={2} maxLength={2000} />
              <label htmlFor="event-starts">{t("networks.page.eventStarts")}</label>
              <input id="event-starts" name="startsAt" type="datetime-local" required />
              <label htmlFor="event-ends">{t("networks.page.eventEnds")}</label>
              <input id="event-ends" name="endsAt" type="datetime-local" required />
              <label htmlFor="event-url">{t("networks.page.eventUrl")}</label>
              <input id="event-url" name="meetingUrl" type="url" required maxLength={2048} />
            </ActionForm>
          </section>
        </>
      )}
    </aside>
  );
}
