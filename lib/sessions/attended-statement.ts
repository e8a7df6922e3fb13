import { createHash } from "node:crypto";
import { xapiActivityId, xapiAgentForUser, xapiBaseUrl } from "../lrs/xapi-identifiers";
import { VOIDED_VERB } from "../lrs/validate-statement";

export const ATTENDED_VERB = {
  id: "http://adlnet.gov/expapi/verbs/attended",
  display: { "fr-FR": "a assisté à", "en-US": "attended" },
};

/** A name-based UUID (version 5 layout) from a text: the same text always gives the same id. */
function stableUuid(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A stable UUID per presence record (slot, agent, when it was recorded): re-publishing is
 * idempotent in the LRS, and a presence recorded again after a correction to absent gets a new
 * statement (the voided one cannot be stored again under its id).
 */
export function attendedStatementId(slotId: string, userId: string, recordedAt: Date): string {
  return stableUuid(`attended:${slotId}:${userId}:${recordedAt.toISOString()}`);
}

/** The voiding statement of an attended statement, with an id derived from its target: voiding twice stores it once. */
export function buildVoidingStatement(options: { targetId: string; voidedAt: Date }) {
  return {
    id: stableUuid(`voided:${options.targetId}`),
    actor: { objectType: "Agent" as const, name: "Relais", account: { homePage: xapiBaseUrl(), name: "relais" } },
    verb: { id: VOIDED_VERB, display: { "fr-FR": "a annulé", "en-US": "voided" } },
    object: { objectType: "StatementRef" as const, id: options.targetId },
    timestamp: options.voidedAt.toISOString(),
  };
}

/** ISO 8601 duration of a slot, e.g. PT3H30M. */
export function isoDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ""}${rest || !hours ? `${rest}M` : ""}`;
}

/** The xAPI statement saying that an agent attended a half-day slot of a session. */
export function buildAttendedStatement(options: {
  user: { id: string; name: string };
  session: { id: string; title: string; courseSlug: string };
  slot: { id: string; startsAt: Date; endsAt: Date };
  recordedAt: Date;
}) {
  return {
    id: attendedStatementId(options.slot.id, options.user.id, options.recordedAt),
    actor: xapiAgentForUser(options.user),
    verb: ATTENDED_VERB,
    object: {
      objectType: "Activity",
      id: xapiActivityId.slot(options.session.id, options.slot.id),
      definition: { type: "http://adlnet.gov/expapi/activities/meeting", name: { "fr-FR": options.session.title } },
    },
    result: { duration: isoDuration(options.slot.endsAt.getTime() - options.slot.startsAt.getTime()) },
    context: {
      contextActivities: {
        parent: [{ objectType: "Activity", id: xapiActivityId.session(options.session.id) }],
        grouping: [{ objectType: "Activity", id: xapiActivityId.course(options.session.courseSlug) }],
      },
    },
    timestamp: options.slot.startsAt.toISOString(),
  };
}
