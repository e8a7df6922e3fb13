import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { courseWhereForActor } from "../catalog/course-where";
import { safeUrl } from "../learning/render-lesson-html";
import { assertModerator, getNetworkContextOrThrow } from "./network-access";
import { invalidNetworkInput, networkError } from "./network-errors";
import { cleanText } from "./post-content";

export const ZAddResourceInput = z.object({
  networkId: z.string().min(1).max(100),
  kind: z.enum(["COURSE", "SESSION", "DOCUMENT", "LINK"]),
  title: z.string().transform(cleanText).pipe(z.string().trim().min(2).max(200)),
  /** LINK: an http(s) address; COURSE: the course's slug; SESSION and DOCUMENT: their id. */
  target: z.string().trim().min(1).max(2048),
});

/**
 * A moderator shares a resource with the network: a library or catalogue course, a session, a
 * document they uploaded, or a web link. Each must be something the moderator can see; members
 * see it only where they may see it too (get-network-page.ts filters again).
 */
export async function addResource(actor: TActor, input: z.input<typeof ZAddResourceInput>) {
  const parsed = ZAddResourceInput.safeParse(input);
  if (!parsed.success) throw invalidNetworkInput(parsed.error);
  const { networkId, kind, title, target } = parsed.data;
  const context = await getNetworkContextOrThrow(actor, { id: networkId });
  assertModerator(context);
  const link: { url?: string; courseId?: string; sessionId?: string; fileId?: string } = {};
  if (kind === "LINK") {
    const url = safeUrl(target, ["http:", "https:"]);
    if (!url || url.startsWith("/")) throw networkError("INVALID", "badUrl");
    link.url = url;
  } else if (kind === "COURSE") {
    const course = await db.course.findFirst({
      where: { slug: target, ...courseWhereForActor(actor) },
      select: { id: true },
    });
    if (!course) throw networkError("NOT_FOUND", "resourceNotFound");
    link.courseId = course.id;
  } else if (kind === "SESSION") {
    const session = await db.trainingSession.findFirst({
      where: { id: target, course: courseWhereForActor(actor) },
      select: { id: true },
    });
    if (!session) throw networkError("NOT_FOUND", "resourceNotFound");
    link.sessionId = session.id;
  } else {
    const file = await db.storedFile.findFirst({
      where: { id: target, createdById: actor.userId, storagePath: { startsWith: "files/" } },
      select: { id: true },
    });
    if (!file) throw networkError("NOT_FOUND", "resourceNotFound");
    link.fileId = file.id;
  }
  return db.$transaction(async (tx) => {
    const resource = await tx.networkResource.create({
      data: { networkId, kind, title, addedById: actor.userId, ...link },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.userId,
        action: "network.resource.added",
        entityType: "NetworkResource",
        entityId: resource.id,
        institutionId: context.network.institutionId,
        data: { kind },
      },
    });
    return resource;
  });
}
