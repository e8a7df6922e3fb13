import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { loadActor } from "./load-actor";
import { authOptions } from "./options";
import type { TActor } from "./permissions";
import { AppError } from "../errors/app-error";

// Jobs, scripts and tests load an actor without a request, and without next-auth: ./load-actor.

/** The signed-in person with their roles, loaded once per request; null when signed out. */
export const getActor = cache(async (): Promise<TActor | null> => {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  if (!session?.userId) return null;
  return loadActor(session.userId);
});

export async function requireActor(): Promise<TActor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  return actor;
}
