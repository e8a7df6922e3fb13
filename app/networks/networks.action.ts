"use server";
import { revalidatePath } from "next/cache";
import { authedFormAction } from "@/lib/auth/authed-action";
import { requestEmailDelivery } from "@/lib/jobs/boss";
import { inNetworkLanguage } from "@/lib/networks/in-network-language";
import { createNetwork } from "@/lib/networks/create-network";
import { joinNetwork } from "@/lib/networks/join-network";
import { leaveNetwork } from "@/lib/networks/leave-network";
import { decideMembership } from "@/lib/networks/decide-membership";
import { setMemberRole } from "@/lib/networks/set-member-role";
import { updateDigestPreference } from "@/lib/networks/update-digest-preference";
import { updateNetworkProfile } from "@/lib/networks/network-profile";
import { createThread } from "@/lib/networks/create-thread";
import { replyToThread } from "@/lib/networks/reply-to-thread";
import { setThreadFollow } from "@/lib/networks/follow-thread";
import { markSolution } from "@/lib/networks/mark-solution";
import { reportPost } from "@/lib/networks/report-post";
import { moderatePost } from "@/lib/networks/moderate-post";
import { moderateThread } from "@/lib/networks/moderate-thread";
import { moveThread } from "@/lib/networks/move-thread";
import { dismissReport } from "@/lib/networks/dismiss-report";
import { addResource } from "@/lib/networks/add-resource";
import { removeResource } from "@/lib/networks/remove-resource";
import { createEvent } from "@/lib/networks/create-event";
import { cancelEvent, updateEvent } from "@/lib/networks/change-event";
import { editPost } from "@/lib/networks/edit-post";
import { deletePost } from "@/lib/networks/delete-post";
import { postDocFromPlainText } from "@/lib/networks/post-content";

// Thin edges: read the form, call one use case (refusals in the user's language), refresh the pages.
const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const optional = (formData: FormData, name: string) => field(formData, name) || undefined;
const refresh = () => revalidatePath("/networks", "layout");
/** The editor's JSON, or (no JavaScript) the plain text of the fallback textarea. */
const bodyOf = (formData: FormData) => field(formData, "body") || postDocFromPlainText(field(formData, "text"));
const attachmentsOf = (formData: FormData) => formData.getAll("attachmentId").map(String).slice(0, 10);
const eventFieldsOf = (formData: FormData) => ({
  title: field(formData, "title"),
  description: field(formData, "description"),
  startsAt: field(formData, "startsAt"),
  endsAt: field(formData, "endsAt"),
  meetingUrl: field(formData, "meetingUrl"),
});

export const createNetworkAction = authedFormAction(async (actor, formData) => {
  const network = await inNetworkLanguage(() =>
    createNetwork(actor, {
      name: field(formData, "name"),
      description: field(formData, "description"),
      scope: field(formData, "scope") as never,
      access: field(formData, "access") as never,
      regionId: optional(formData, "regionId"),
      themeId: optional(formData, "themeId"),
      institutionId: optional(formData, "institutionId"),
    }),
  );
  refresh();
  return { href: `/networks/${network.slug}` };
});

export const joinNetworkAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() => joinNetwork(actor, { networkId: field(formData, "networkId") }));
  void requestEmailDelivery();
  refresh();
});

export const leaveNetworkAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() => leaveNetwork(actor, { networkId: field(formData, "networkId") }));
  refresh();
});

export const decideMembershipAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    decideMembership(actor, {
      networkId: field(formData, "networkId"),
      userId: field(formData, "userId"),
      decision: field(formData, "decision") as never,
    }),
  );
  void requestEmailDelivery();
  refresh();
});

export const setMemberRoleAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    setMemberRole(actor, {
      networkId: field(formData, "networkId"),
      userId: field(formData, "userId"),
      role: field(formData, "role") as never,
    }),
  );
  refresh();
});

export const updateDigestAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    updateDigestPreference(actor, {
      networkId: field(formData, "networkId"),
      digest: field(formData, "digest") as never,
    }),
  );
  refresh();
});

export const updateProfileAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    updateNetworkProfile(actor, {
      // The profile form always sends its headline field (empty or not); a call without it is no
      // submission of that form and changes nothing (its unticked boxes would hide every field).
      headline: formData.get("headline") as string,
      showInstitution: formData.get("showInstitution") === "on",
      showEmail: formData.get("showEmail") === "on",
      showWorkplace: formData.get("showWorkplace") === "on",
    }),
  );
  refresh();
});

export const createThreadAction = authedFormAction(async (actor, formData) => {
  const thread = await inNetworkLanguage(() =>
    createThread(actor, {
      networkId: field(formData, "networkId"),
      title: field(formData, "title"),
      body: bodyOf(formData),
      attachmentIds: attachmentsOf(formData),
    }),
  );
  void requestEmailDelivery();
  refresh();
  return { href: `/networks/${thread.slug}/threads/${thread.id}` };
});

export const replyAction = authedFormAction(async (actor, formData) => {
  const post = await inNetworkLanguage(() =>
    replyToThread(actor, {
      threadId: field(formData, "threadId"),
      body: bodyOf(formData),
      attachmentIds: attachmentsOf(formData),
    }),
  );
  void requestEmailDelivery();
  refresh();
  return { href: `/networks/${post.slug}/threads/${post.threadId}?post=${post.position}#post-${post.position}` };
});

export const followThreadAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    setThreadFollow(actor, { threadId: field(formData, "threadId"), isFollowed: field(formData, "follow") === "true" }),
  );
  refresh();
});

export const markSolutionAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    markSolution(actor, { threadId: field(formData, "threadId"), postId: optional(formData, "postId") ?? null }),
  );
  refresh();
});

export const reportPostAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    reportPost(actor, {
      postId: field(formData, "postId"),
      reason: field(formData, "reason") as never,
      comment: field(formData, "comment"),
    }),
  );
  void requestEmailDelivery();
  refresh();
});

export const moderatePostAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    moderatePost(actor, { postId: field(formData, "postId"), action: field(formData, "action") as never }),
  );
  refresh();
});

export const moderateThreadAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    moderateThread(actor, { threadId: field(formData, "threadId"), action: field(formData, "action") as never }),
  );
  refresh();
});

export const moveThreadAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    moveThread(actor, { threadId: field(formData, "threadId"), toNetworkId: field(formData, "toNetworkId") }),
  );
  refresh();
});

export const dismissReportAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() => dismissReport(actor, { reportId: field(formData, "reportId") }));
  refresh();
});

export const addResourceAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    addResource(actor, {
      networkId: field(formData, "networkId"),
      kind: field(formData, "kind") as never,
      title: field(formData, "title"),
      target: field(formData, "target"),
    }),
  );
  refresh();
});

export const removeResourceAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() => removeResource(actor, { resourceId: field(formData, "resourceId") }));
  refresh();
});

export const createEventAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    createEvent(actor, { networkId: field(formData, "networkId"), ...eventFieldsOf(formData) }),
  );
  refresh();
});

export const updateEventAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() =>
    updateEvent(actor, { eventId: field(formData, "eventId"), ...eventFieldsOf(formData) }),
  );
  refresh();
});

export const cancelEventAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() => cancelEvent(actor, { eventId: field(formData, "eventId") }));
  refresh();
});

export const editPostAction = authedFormAction(async (actor, formData) => {
  const edited = await inNetworkLanguage(() =>
    editPost(actor, { postId: field(formData, "postId"), body: bodyOf(formData) }),
  );
  refresh();
  return edited;
});

export const deletePostAction = authedFormAction(async (actor, formData) => {
  await inNetworkLanguage(() => deletePost(actor, { postId: field(formData, "postId") }));
  refresh();
});
