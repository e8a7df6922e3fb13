import { AppError } from "../errors/app-error";
import { assertCan } from "../auth/assert-can";
import { institutionsWhere, type TActor } from "../auth/permissions";

/**
 * Which institutions' agents the actor may count: an officer their own institution only, a
 * national administrator all of them. Asking for another institution is refused, not emptied.
 */
export function resolveIndicatorScope(actor: TActor, requested: { institutionId?: string }): "all" | string[] {
  if (requested.institutionId) {
    assertCan(actor, "indicators.read", { institutionId: requested.institutionId });
    return [requested.institutionId];
  }
  const allowed = institutionsWhere(actor, "indicators.read");
  if (allowed !== "all" && allowed.length === 0) throw new AppError("FORBIDDEN", "You are not allowed to do this.");
  return allowed;
}
