import { AppError } from "../errors/app-error";
import { assertCan } from "../auth/assert-can";
import { institutionsWhere, type TAction, type TActor } from "../auth/permissions";

/**
 * Which institutions' agents the actor may count: an officer their own institution only, a
 * national administrator all of them. Asking for another institution is refused, not emptied.
 */
export function resolveIndicatorScope(
  actor: TActor,
  requested: { institutionId?: string },
  action: TAction = "indicators.read",
): "all" | string[] {
  if (requested.institutionId) {
    assertCan(actor, action, { institutionId: requested.institutionId });
    return [requested.institutionId];
  }
  const allowed = institutionsWhere(actor, action);
  if (allowed !== "all" && allowed.length === 0) throw new AppError("FORBIDDEN", "You are not allowed to do this.");
  return allowed;
}
