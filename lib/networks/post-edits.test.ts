import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createThread } from "./create-thread";
import { replyToThread } from "./reply-to-thread";
import { getThreadPage } from "./get-thread-page";
import { getNetworkPage } from "./get-network-page";
import { markSolution } from "./mark-solution";
import { reportPost } from "./report-post";
import { moderatePost } from "./moderate-post";
import { moderateThread } from "./moderate-thread";
import { editPost } from "./edit-post";
import { deletePost } from "./delete-post";
import { createEvent } from "./create-event";
import { cancelEvent, updateEvent } from "./change-event";
import { searchThreads } from "./search-threads";
import { updateNetworkProfile } from "./network-profile";
import { countUnreadNetworkPosts } from "./count-unread-posts";
import { leaveNetwork } from "./leave-network";
import { createNetworkWorld, createTestNetwork, doc, joinAll } from "../../testing/network-fixtures";

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { code?: string; details?: { messageKey?: string } }) => error.details?.messageKey ?? error.code,
  );

async function discussion() {
  const world = await createNetworkWorld();
  const network = await createTestNetwork(world.admin, { regionId: world.region.id });
  await joinAll(network.id, [world.agentA, world.agentB, world.agentB2]);
  const word = `mot${Math.random().toString(36).slice(2, 8)}`;
  const thread = await createThread(world.agentA, {
    networkId: network.id,
    title: "Accueil",
    body: doc("Vos idées ?"),
  });
  const reply = await replyToThread(world.agentB, { threadId: thread.id, body: doc(`Première version ${word}`) });
  return { world, network, thread, reply, word };
}

describe("networks: editing and deleting one's own posts and meetings", () => {
  it("the author edits a reply: the earlier version is kept in the history, the post is marked edited, search follows", async () => {
    const { world, thread, reply, word } = await discussion();
    const edited = `remplacé${word}`;
    const result = await editPost(world.agentB, { postId: reply.id, body: doc(`Seconde version ${edited}`) });
    expect(result.href).toContain(`?post=2#post-2`);
    const row = await db.networkPost.findUniqueOrThrow({ where: { id: reply.id } });
    expect(row.bodyText).toContain("Seconde version");
    expect(row.editedAt).not.toBeNull();
    expect(await db.networkPostRevision.count({ where: { postId: reply.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: reply.id, action: "network.post.edited" } })).toBe(1);
    // The author and the moderators see the history; other members see the mark only.
    const mine = (await getThreadPage(world.agentB, { threadId: thread.id })).posts[1]!;
    expect(mine.editedAt).not.toBeNull();
    expect(mine.revisions).toHaveLength(1);
    expect(mine.revisions[0]!.html).toContain("Première version");
    expect(mine.editableBody).toContain("Seconde version");
    expect((await getThreadPage(world.admin, { threadId: thread.id })).posts[1]!.revisions).toHaveLength(1);
    const theirs = (await getThreadPage(world.agentB2, { threadId: thread.id })).posts[1]!;
    expect(theirs).toMatchObject({ revisions: [], editableBody: null, canDelete: false });
    expect(theirs.editedAt).not.toBeNull();
    expect((await searchThreads(world.agentA, { q: edited })).map((hit) => hit.threadId)).toEqual([thread.id]);
    expect(await searchThreads(world.agentA, { q: word })).toEqual([]);
  });

  it("only the author and the network's moderators may edit or delete: another member, another network's moderator and another institution are refused", async () => {
    const { world, reply } = await discussion();
    const elsewhere = await createTestNetwork(world.officerA, { scope: "THEMATIC" });
    expect(elsewhere.id).toBeTruthy(); // officerA moderates this one, not the discussion's network
    await joinAll((await db.networkPost.findUniqueOrThrow({ where: { id: reply.id } })).networkId, [world.officerA]);
    for (const actor of [world.agentB2, world.agentA, world.officerA]) {
      expect(await codeOf(editPost(actor, { postId: reply.id, body: doc("Pirate") }))).toBe(
        "networks.errors.cannotChangePost",
      );
      expect(await codeOf(deletePost(actor, { postId: reply.id }))).toBe("networks.errors.cannotChangePost");
    }
    // An institution network of A: B's agents do not even learn the post exists.
    const own = await createTestNetwork(world.officerA, { scope: "INSTITUTION", institutionId: world.institutionA.id });
    const ownThread = await createThread(world.officerA, { networkId: own.id, title: "Interne", body: doc("Texte") });
    const ownPost = await db.networkPost.findFirstOrThrow({ where: { threadId: ownThread.id } });
    expect(await codeOf(editPost(world.agentB, { postId: ownPost.id, body: doc("Pirate") }))).toBe(
      "networks.errors.postNotFound",
    );
    expect(await codeOf(deletePost(world.agentB, { postId: ownPost.id }))).toBe("networks.errors.postNotFound");
    expect(await codeOf(editPost(world.agentB, { postId: "nope", body: doc("x") }))).toBe(
      "networks.errors.postNotFound",
    );
    expect(await codeOf(editPost(world.agentB, { postId: reply.id, body: "{not json" }))).toBe(
      "networks.errors.postMalformed",
    );
    expect((await db.networkPost.findUniqueOrThrow({ where: { id: reply.id } })).bodyText).toContain("Première");
    expect(await db.networkPostRevision.count({ where: { postId: { in: [reply.id, ownPost.id] } } })).toBe(0);
  });

  it("in a locked thread or once hidden, the author can no longer change the post; the moderator still can", async () => {
    const { world, thread, reply } = await discussion();
    await moderateThread(world.admin, { threadId: thread.id, action: "lock" });
    expect(await codeOf(editPost(world.agentB, { postId: reply.id, body: doc("Après verrou") }))).toBe(
      "networks.errors.cannotChangePost",
    );
    expect(await codeOf(editPost(world.admin, { postId: reply.id, body: doc("Modéré") }))).toBe("accepted");
    await moderateThread(world.admin, { threadId: thread.id, action: "unlock" });
    await moderatePost(world.admin, { postId: reply.id, action: "hide" });
    expect(await codeOf(deletePost(world.agentB, { postId: reply.id }))).toBe("networks.errors.cannotChangePost");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: reply.id, action: "network.post.edited" } });
    expect(audit.data).toMatchObject({ byModerator: true });
  });

  it("deleting a post erases its content and history, keeps its number, clears the solution and closes its reports", async () => {
    const { world, thread, reply, word } = await discussion();
    await editPost(world.agentB, { postId: reply.id, body: doc(`Version deux ${word}`) });
    await markSolution(world.agentA, { threadId: thread.id, postId: reply.id });
    await reportPost(world.agentB2, { postId: reply.id, reason: "OFF_TOPIC" });
    await deletePost(world.agentB, { postId: reply.id });
    const row = await db.networkPost.findUniqueOrThrow({ where: { id: reply.id } });
    expect(row).toMatchObject({ bodyText: "", position: 2, deletedById: world.agentB.userId });
    expect(await db.networkPostRevision.count({ where: { postId: reply.id } })).toBe(0);
    expect((await db.networkThread.findUniqueOrThrow({ where: { id: thread.id } })).solutionPostId).toBeNull();
    expect(await db.networkReport.count({ where: { postId: reply.id, status: "OPEN" } })).toBe(0);
    const page = await getThreadPage(world.admin, { threadId: thread.id });
    expect(page.posts[1]).toMatchObject({ isDeleted: true, html: null, canDelete: false, canHide: false });
    expect(await searchThreads(world.agentA, { q: word })).toEqual([]);
    expect(await codeOf(deletePost(world.admin, { postId: reply.id }))).toBe("networks.errors.cannotChangePost");
    expect(await codeOf(editPost(world.agentB, { postId: reply.id, body: doc("Revenir") }))).toBe(
      "networks.errors.cannotChangePost",
    );
  });

  it("a meeting is changed or cancelled by its creator or a moderator of its network, nobody else", async () => {
    const { world, network } = await discussion();
    const now = new Date();
    const at = (hours: number) => new Date(now.getTime() + hours * 3600_000);
    const fields = { title: "Rencontre", startsAt: at(48), endsAt: at(49), meetingUrl: "https://visio.example/r" };
    const event = await createEvent(world.admin, { networkId: network.id, ...fields });
    const other = await createTestNetwork(world.officerA, { scope: "THEMATIC" });
    expect(other.id).toBeTruthy();
    for (const actor of [world.agentA, world.officerA]) {
      expect(await codeOf(updateEvent(actor, { eventId: event.id, ...fields, title: "Pirate" }))).toBe(
        "networks.errors.cannotChangeEvent",
      );
      expect(await codeOf(cancelEvent(actor, { eventId: event.id }))).toBe("networks.errors.cannotChangeEvent");
    }
    expect(await codeOf(updateEvent(world.admin, { eventId: event.id, ...fields, endsAt: at(47) }))).toBe(
      "networks.errors.invalidField",
    );
    expect(
      await codeOf(updateEvent(world.admin, { eventId: event.id, ...fields, meetingUrl: "javascript:alert(1)" })),
    ).toBe("networks.errors.badUrl");
    await updateEvent(world.admin, {
      eventId: event.id,
      ...fields,
      title: "Rencontre avancée",
      startsAt: at(24),
      endsAt: at(25),
    });
    const front = await getNetworkPage(world.admin, { slug: network.slug });
    expect(front.events).toHaveLength(1);
    expect(front.events[0]).toMatchObject({ title: "Rencontre avancée", canChange: true });
    expect(front.events[0]!.editedAt).not.toBeNull();
    expect((await getNetworkPage(world.agentA, { slug: network.slug })).events[0]!.canChange).toBe(false);
    await cancelEvent(world.admin, { eventId: event.id });
    expect((await getNetworkPage(world.agentA, { slug: network.slug })).events).toHaveLength(0);
    expect((await db.networkEvent.findUniqueOrThrow({ where: { id: event.id } })).cancelledAt).not.toBeNull();
    expect(await codeOf(updateEvent(world.admin, { eventId: event.id, ...fields }))).toBe(
      "networks.errors.cannotChangeEvent",
    );
    expect(await codeOf(cancelEvent(world.agentB, { eventId: "nope" }))).toBe("networks.errors.eventNotFound");
  });
});

describe("networks: the header's unread count, the profile form", () => {
  it("counts posts not yet read in followed threads of networks one still belongs to", async () => {
    const { world, thread, network } = await discussion();
    // agentA wrote the thread (following it) and has read up to position 1; agentB replied once.
    expect(await countUnreadNetworkPosts(world.agentA)).toBe(1);
    await replyToThread(world.agentB2, { threadId: thread.id, body: doc("Une autre") });
    expect(await countUnreadNetworkPosts(world.agentA)).toBe(2);
    expect(await countUnreadNetworkPosts(world.agentB2)).toBe(0);
    await getThreadPage(world.agentA, { threadId: thread.id });
    expect(await countUnreadNetworkPosts(world.agentA)).toBe(0);
    await replyToThread(world.agentB, { threadId: thread.id, body: doc("Encore") });
    expect(await countUnreadNetworkPosts(world.agentA)).toBe(1);
    await leaveNetwork(world.agentA, { networkId: network.id });
    expect(await countUnreadNetworkPosts(world.agentA)).toBe(0);
  });

  it("a profile update without the form's headline field (a forged call) is refused and changes nothing", async () => {
    const world = await createNetworkWorld();
    await updateNetworkProfile(world.agentA, {
      headline: "Gestionnaire",
      showInstitution: true,
      showEmail: false,
      showWorkplace: false,
    });
    expect(
      await codeOf(
        updateNetworkProfile(world.agentA, {
          showInstitution: false,
          showEmail: false,
          showWorkplace: false,
        } as never),
      ),
    ).toBe("networks.errors.invalidField");
    expect(await db.networkProfile.findUniqueOrThrow({ where: { userId: world.agentA.userId } })).toMatchObject({
      headline: "Gestionnaire",
      showInstitution: true,
    });
  });
});
