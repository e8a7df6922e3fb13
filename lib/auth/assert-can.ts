import { AppError } from "../errors/app-error";
import { can, type TAction, type TActor, type TResource } from "./permissions";

export function assertCan(actor: TActor | null, action: TAction, resource: TResource = {}): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  if (!can(actor, action, resource)) throw new AppError("FORBIDDEN", "You are not allowed to do this.");
}
