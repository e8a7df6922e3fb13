import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getActor } from "./actor";
import { can, canSometimes, type TAction, type TActor, type TResource } from "./permissions";

/** Pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requirePageActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) redirect("/auth/signin");
  return actor;
}

/** Pages: the actor when allowed to perform the action (on this resource, or on some), else a 403 page. */
export async function requirePagePermission(action: TAction, resource?: TResource): Promise<TActor> {
  const actor = await requirePageActor();
  const allowed = resource ? can(actor, action, resource) : canSometimes(actor, action);
  if (!allowed) forbidden();
  return actor;
}
