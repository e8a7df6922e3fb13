// Normalized inverse functional identifiers: one string per Agent/Group identity, used as the
// indexed key of actor, agent and related_agents queries and of documents.
import type { TJsonObject } from "./types";

/** "mbox:mailto:a@b", "mbox_sha1sum:…", "openid:…", "account:<homePage> <name>"; null for anonymous groups. */
export function agentIfi(agent: unknown): string | null {
  if (typeof agent !== "object" || agent === null) return null;
  const value = agent as TJsonObject;
  if (typeof value.mbox === "string") return `mbox:${value.mbox.toLowerCase()}`;
  if (typeof value.mbox_sha1sum === "string") return `mbox_sha1sum:${value.mbox_sha1sum.toLowerCase()}`;
  if (typeof value.openid === "string") return `openid:${value.openid}`;
  const account = value.account as { homePage?: unknown; name?: unknown } | undefined;
  if (account && typeof account.homePage === "string" && typeof account.name === "string")
    return `account:${account.homePage} ${account.name}`;
  return null;
}

/** The IFIs of an Agent/Group and of a Group's members (a group's statements are its members'). */
export function agentIfis(agent: unknown): string[] {
  const own = agentIfi(agent);
  const members = (agent as { member?: unknown } | null)?.member;
  const memberIfis = Array.isArray(members) ? members.map(agentIfi).filter((ifi): ifi is string => ifi !== null) : [];
  return own ? [own, ...memberIfis] : memberIfis;
}

/** Just the identifying properties of an Agent/Group (format=ids). */
export function agentIdentity(agent: TJsonObject): TJsonObject {
  const identity: TJsonObject = {};
  if (agent.objectType !== undefined) identity.objectType = agent.objectType;
  for (const key of ["mbox", "mbox_sha1sum", "openid", "account"])
    if (agent[key] !== undefined) identity[key] = agent[key];
  if (
    agent.objectType === "Group" &&
    identity.mbox === undefined &&
    identity.mbox_sha1sum === undefined &&
    identity.openid === undefined &&
    identity.account === undefined &&
    Array.isArray(agent.member)
  ) {
    identity.member = (agent.member as TJsonObject[]).map(agentIdentity);
  }
  return identity;
}
