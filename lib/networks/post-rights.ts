import type { TNetworkContext } from "./network-access";

type TPostState = { authorId: string | null; isHidden: boolean; deletedAt: Date | null };

/**
 * Who may change a post: its author while a member of the network (not once moderation has hidden
 * it, nor in a locked thread), and the network's moderators always. Deleted posts stay deleted.
 */
export function canChangePost(
  actorId: string,
  context: TNetworkContext,
  post: TPostState,
  thread: { isLocked: boolean },
): boolean {
  if (post.deletedAt) return false;
  if (context.isModerator) return true;
  return context.isMember && post.authorId === actorId && !post.isHidden && !thread.isLocked;
}
