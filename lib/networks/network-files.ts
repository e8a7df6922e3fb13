import "server-only";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { assertCan } from "../auth/assert-can";
import { storeCheckedDocument } from "../uploads/store-document";
import { readDocumentFile } from "../uploads/open-document";
import { networkWhereReadable } from "./network-access";
import { networkError } from "./network-errors";

/**
 * A document to attach to a post (or share as a resource), through the platform's document
 * uploads (content-checked PDF, OpenDocument, Office; size-limited; stored once by SHA-256).
 * Only members of at least one network upload; the file is linked to a post when it is written.
 */
export async function uploadNetworkDocument(actor: TActor, input: { bytes: Uint8Array; fileName?: string }) {
  assertCan(actor, "network.participate");
  const memberships = await db.networkMember.count({ where: { userId: actor.userId, status: "ACTIVE" } });
  if (memberships === 0) throw networkError("FORBIDDEN", "notMember");
  return storeCheckedDocument(actor, input);
}

/**
 * A post's attachment, for someone who may read the post (a hidden post's files: moderators of
 * its network only) — anyone else gets 404, as for a missing file.
 */
export async function openPostAttachment(actor: TActor, input: { postId: string; fileId: string }) {
  const attachment = await db.networkAttachment.findFirst({
    where: {
      postId: input.postId,
      fileId: input.fileId,
      post: {
        thread: { network: networkWhereReadable(actor) },
        OR: [
          { isHidden: false, thread: { isHidden: false } },
          { thread: { network: { members: { some: { userId: actor.userId, role: "MODERATOR", status: "ACTIVE" } } } } },
        ],
      },
    },
    select: { fileId: true },
  });
  if (!attachment) throw networkError("NOT_FOUND", "fileNotFound");
  return readDocumentFile({ id: attachment.fileId });
}

/** A document shared as a network resource, for readers of the network. */
export async function openResourceDocument(actor: TActor, input: { resourceId: string }) {
  const resource = await db.networkResource.findFirst({
    where: { id: input.resourceId, kind: "DOCUMENT", network: networkWhereReadable(actor) },
    select: { fileId: true },
  });
  if (!resource?.fileId) throw networkError("NOT_FOUND", "fileNotFound");
  return readDocumentFile({ id: resource.fileId });
}
