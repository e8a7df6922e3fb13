// How Relais names people and things in xAPI statements. One convention, used by the player,
// the LRS (a learner may only write statements about themselves), the sessions (attendance)
// and the projections back into Relais.
import { env, publicUrl } from "../env";

export type TXapiAgent = { objectType?: "Agent"; name?: string; account: { homePage: string; name: string } };

/** The IRI base of Relais's activities and accounts: the public URL of the deployment. */
export function xapiBaseUrl(): string {
  return env().RELAIS_XAPI_BASE_URL?.replace(/\/$/, "") ?? publicUrl();
}

/** A Relais user as an xAPI Agent: an account on the platform, never the e-mail (data minimisation). */
export function xapiAgentForUser(user: { id: string; name?: string }): TXapiAgent {
  return { objectType: "Agent", name: user.name, account: { homePage: xapiBaseUrl(), name: user.id } };
}

/** The Relais user id an Agent designates, or null when the Agent is not a Relais account. */
export function userIdFromXapiAgent(agent: unknown): string | null {
  const account = (agent as { account?: { homePage?: unknown; name?: unknown } } | null)?.account;
  if (!account || account.homePage !== xapiBaseUrl() || typeof account.name !== "string") return null;
  return account.name;
}

export const xapiActivityId = {
  course: (slug: string) => `${xapiBaseUrl()}/xapi/activities/courses/${encodeURIComponent(slug)}`,
  activity: (slug: string, activityKey: string) =>
    `${xapiBaseUrl()}/xapi/activities/courses/${encodeURIComponent(slug)}/activities/${encodeURIComponent(activityKey)}`,
  session: (sessionId: string) => `${xapiBaseUrl()}/xapi/activities/sessions/${encodeURIComponent(sessionId)}`,
  slot: (sessionId: string, slotId: string) =>
    `${xapiBaseUrl()}/xapi/activities/sessions/${encodeURIComponent(sessionId)}/slots/${encodeURIComponent(slotId)}`,
};
