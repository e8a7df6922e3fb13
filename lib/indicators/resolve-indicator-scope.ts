import { AppError } from "../errors/app-error";
import { assertCan } from "../auth/assert-can";
import { institutionsWhere, type TAction, type TActor } from "../auth/permissions";

/**
 * Which institutions' agents the actor may count, for an action (reading the dashboards,
 * exporting rows: different permissions, so the caller must say which): an officer their own
 * institution only, a national administrator all of them. Asking for another institution is
 * refused, not emptied.
 */
export function resolveIndicatorScope(
  actor: TActor,
  options: { action: TAction; institutionId?: string },
): "all" | string[] {
  if (options.institutionId) {
    assertCan(actor, options.action, { institutionId: options.institutionId });
    return [options.institutionId];
  }
  const allowed = institutionsWhere(actor, options.action);
  if (allowed !== "all" && allowed.length === 0) throw new AppError("FORBIDDEN", "You are not allowed to do this.");
  return allowed;
}
