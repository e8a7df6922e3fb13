import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createUserWithRoles } from "../../testing/fixtures";
import { createNetwork } from "./create-network";
import { joinNetwork } from "./join-network";
import { leaveNetwork } from "./leave-network";
import { decideMembership } from "./decide-membership";
import { createThread } from "./create-thread";
import { replyToThread } from "./reply-to-thread";
import { getThreadPage, POSTS_PER_PAGE } from "./get-thread-page";
import { getNetworkPage } from "./get-network-page";
import { markSolution } from "./mark-solution";
import { reportPost } from "./report-post";
import { moderatePost } from "./moderate-post";
import { moderateThread } from "./moderate-thread";
import { moveThread } from "./move-thread";
import { listNetworkMembers } from "./list-network-members";
import { updateNetworkProfile } from "./network-profile";
import { listNetworks } from "./list-networks";
import { setMemberRole } from "./set-member-role";
import { createNetworkWorld, createTestNetwork, doc, joinAll } from "../../testing/network-fixtures";

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { code?: string; details?: { messageKey?: string } }) => error.details?.messageKey ?? error.code,
  );

describe("networks: who creates, joins, reads and posts", () => {
  it("officers create their institution's networks and thematic ones, national admins regional and national ones", async () => {
    const world = await createNetworkWorld();
    expect(await codeOf(createNetwork(world.agentA, { name: "Réseau agents", scope: "THEMATIC" }))).toBe(
      "networks.errors.cannotCreate",
    );
    expect(
      await codeOf(createNetwork(world.officerA, { name: "Régional", scope: "REGIONAL", regionId: world.region.id })),
    ).toBe("networks.errors.cannotCreate");
    expect(
      await codeOf(
        createNetwork(world.officerA, { name: "Chez B", scope: "INSTITUTION", institutionId: world.institutionB.id }),
      ),
    ).toBe("networks.errors.cannotCreate");
    expect(
      await codeOf(
        createNetwork(world.officerA, { name: "Chez A", scope: "INSTITUTION", institutionId: world.institutionA.id }),
      ),
    ).toBe("accepted");
    expect(await codeOf(createNetwork(world.officerA, { name: "Métiers du numérique", scope: "THEMATIC" }))).toBe(
      "accepted",
    );
    expect(
      await codeOf(createNetwork(world.admin, { name: "Régional ARA", scope: "REGIONAL", regionId: world.region.id })),
    ).toBe("accepted");
    expect(await codeOf(createNetwork(world.admin, { name: "", scope: "NATIONAL" }))).toBe(
      "networks.errors.invalidField",
    );
  });

  it("an institution network is invisible to another institution's agents (404), an on-request one needs approval", async () => {
    const world = await createNetworkWorld();
    const internal = await createTestNetwork(world.officerA, {
      scope: "INSTITUTION",
      institutionId: world.institutionA.id,
    });
    expect(await codeOf(joinNetwork(world.agentB, { networkId: internal.id }))).toBe("networks.errors.networkNotFound");
    expect(await codeOf(getNetworkPage(world.agentB, { slug: internal.slug }))).toBe("networks.errors.networkNotFound");
    expect((await listNetworks(world.agentB, { q: internal.name })).networks).toHaveLength(0);
    expect((await listNetworks(world.agentA, { q: internal.name })).networks).toHaveLength(1);

    const closed = await createTestNetwork(world.admin, { regionId: world.region.id, access: "ON_REQUEST" });
    await joinNetwork(world.admin, { networkId: closed.id }).catch(() => undefined);
    expect(await joinNetwork(world.agentA, { networkId: closed.id })).toEqual({ status: "PENDING" });
    // Pending: reads nothing, posts nothing; the moderator (creator) was told.
    expect((await getNetworkPage(world.agentA, { slug: closed.slug })).canRead).toBe(false);
    expect(await codeOf(createThread(world.agentA, { networkId: closed.id, title: "Bonjour", body: doc("x") }))).toBe(
      "networks.errors.notMember",
    );
    expect(await db.notification.count({ where: { userId: world.admin.userId, kind: "networkJoinRequested" } })).toBe(
      1,
    );
    // Another member is no moderator: cannot approve.
    expect(
      await codeOf(
        decideMembership(world.agentB, { networkId: closed.id, userId: world.agentA.userId, decision: "approve" }),
      ),
    ).toBe("networks.errors.notModerator");
    await decideMembership(world.admin, { networkId: closed.id, userId: world.agentA.userId, decision: "approve" });
    const page = await getNetworkPage(world.agentA, { slug: closed.slug });
    expect(page).toMatchObject({ canRead: true, canPost: true, network: { memberCount: 2 } });
    await leaveNetwork(world.agentA, { networkId: closed.id });
    expect((await db.network.findUniqueOrThrow({ where: { id: closed.id } })).memberCount).toBe(1);
  });

  it("posting is refused to non-members of an open network they can read, and in a locked thread", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA]);
    const thread = await createThread(world.agentA, {
      networkId: network.id,
      title: "Mobilité",
      body: doc("Qui connaît ?"),
    });
    // B reads (open network) but may not reply before joining.
    expect((await getThreadPage(world.agentB, { threadId: thread.id })).canReply).toBe(false);
    expect(await codeOf(replyToThread(world.agentB, { threadId: thread.id, body: doc("Moi") }))).toBe(
      "networks.errors.notMember",
    );
    await joinAll(network.id, [world.agentB]);
    await replyToThread(world.agentB, { threadId: thread.id, body: doc("Moi") });
    await moderateThread(world.admin, { threadId: thread.id, action: "lock" });
    expect(await codeOf(replyToThread(world.agentB, { threadId: thread.id, body: doc("Encore") }))).toBe(
      "networks.errors.threadLocked",
    );
    expect(await db.networkPost.count({ where: { threadId: thread.id } })).toBe(2);
  });

  it("a moderator of one network cannot moderate another (hide, lock, move, approve)", async () => {
    const world = await createNetworkWorld();
    const mine = await createTestNetwork(world.officerA, { scope: "THEMATIC" });
    const theirs = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(theirs.id, [world.agentB, world.officerA]);
    const thread = await createThread(world.agentB, { networkId: theirs.id, title: "Sujet", body: doc("Texte") });
    const post = await db.networkPost.findFirstOrThrow({ where: { threadId: thread.id } });
    expect(await codeOf(moderatePost(world.officerA, { postId: post.id, action: "hide" }))).toBe(
      "networks.errors.notModerator",
    );
    expect(await codeOf(moderateThread(world.officerA, { threadId: thread.id, action: "lock" }))).toBe(
      "networks.errors.notModerator",
    );
    expect(await codeOf(moveThread(world.officerA, { threadId: thread.id, toNetworkId: mine.id }))).toBe(
      "networks.errors.notModerator",
    );
    expect(
      await codeOf(
        setMemberRole(world.officerA, { networkId: theirs.id, userId: world.officerA.userId, role: "MODERATOR" }),
      ),
    ).toBe("networks.errors.notModerator");
    expect((await db.networkThread.findUniqueOrThrow({ where: { id: thread.id } })).isLocked).toBe(false);
    // Moderating both networks, the move is allowed; posts follow the thread.
    await setMemberRole(world.admin, { networkId: theirs.id, userId: world.officerA.userId, role: "MODERATOR" });
    await moveThread(world.officerA, { threadId: thread.id, toNetworkId: mine.id });
    expect(await db.networkPost.count({ where: { threadId: thread.id, networkId: mine.id } })).toBe(1);
  });

  it("the thread's author marks a reply as the solution; a report reaches the moderator, who hides the post", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA, world.agentB, world.agentB2]);
    const thread = await createThread(world.agentA, {
      networkId: network.id,
      title: "Télétravail",
      body: doc("Vos pratiques ?"),
    });
    const reply = await replyToThread(world.agentB, { threadId: thread.id, body: doc("Deux jours par semaine.") });
    const spam = await replyToThread(world.agentB2, { threadId: thread.id, body: doc("Achetez ici") });
    const replyId = (
      await db.networkPost.findUniqueOrThrow({
        where: { threadId_position: { threadId: thread.id, position: reply.position } },
      })
    ).id;
    const spamId = (
      await db.networkPost.findUniqueOrThrow({
        where: { threadId_position: { threadId: thread.id, position: spam.position } },
      })
    ).id;
    expect(await codeOf(markSolution(world.agentB2, { threadId: thread.id, postId: replyId }))).toBe(
      "networks.errors.notThreadAuthor",
    );
    await markSolution(world.agentA, { threadId: thread.id, postId: replyId });
    expect(await codeOf(reportPost(world.agentB2, { postId: spamId, reason: "SPAM" }))).toBe(
      "networks.errors.cannotReportOwn",
    );
    await reportPost(world.agentA, { postId: spamId, reason: "SPAM", comment: "pub" });
    expect(await codeOf(reportPost(world.agentA, { postId: spamId, reason: "SPAM" }))).toBe(
      "networks.errors.alreadyReported",
    );
    expect(await db.notification.count({ where: { userId: world.admin.userId, kind: "networkReport" } })).toBe(1);
    await moderatePost(world.admin, { postId: spamId, action: "hide" });
    const page = await getThreadPage(world.agentA, { threadId: thread.id });
    expect(page.solutionPosition).toBe(2);
    expect(page.posts.find((post) => post.id === spamId)).toMatchObject({ isHidden: true, html: null });
    const asModerator = await getThreadPage(world.admin, { threadId: thread.id });
    expect(asModerator.posts.find((post) => post.id === spamId)?.html).toContain("Achetez");
    expect(await db.networkReport.count({ where: { postId: spamId, status: "OPEN" } })).toBe(0);
  });

  it("followers and mentioned members are notified (mentions only of the network's members)", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA, world.agentB]);
    const outsider = await world.newAgent(world.institutionA.id);
    const handles = await db.networkProfile.findMany({ where: { userId: { in: [world.agentB.userId] } } });
    const outsiderProfile = await db.networkProfile.create({
      data: { userId: outsider.userId, handle: `out${Date.now()}` },
    });
    const thread = await createThread(world.agentA, {
      networkId: network.id,
      title: "Question",
      body: doc(`Qu'en pense @${handles[0]!.handle} ? et @${outsiderProfile.handle}`),
    });
    expect(await db.notification.count({ where: { userId: world.agentB.userId, kind: "networkMention" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: outsider.userId } })).toBe(0);
    await replyToThread(world.agentB, { threadId: thread.id, body: doc("Réponse") });
    // A follows their thread: told of B's reply; B (the author of the reply) is not.
    expect(await db.notification.count({ where: { userId: world.agentA.userId, kind: "networkReply" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: world.agentB.userId, kind: "networkReply" } })).toBe(0);
  });

  it("members see only the profile fields each member chose to show", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA, world.agentB]);
    await db.user.update({ where: { id: world.agentB.userId }, data: { workplaceLabel: "Bâtiment C" } });
    await updateNetworkProfile(world.agentB, {
      showInstitution: false,
      showEmail: true,
      showWorkplace: false,
      headline: "Gestionnaire RH",
    });
    const list = await listNetworkMembers(world.agentA, { slug: network.slug });
    const b = list.members.find((member) => member.id === world.agentB.userId)!;
    const a = list.members.find((member) => member.id === world.agentA.userId)!;
    expect(b).toMatchObject({
      email: world.agentB.email,
      institution: null,
      workplace: null,
      headline: "Gestionnaire RH",
    });
    expect(a).toMatchObject({ email: null, workplace: null });
    expect(a.institution).toContain("Institution");
    expect(list.pending).toEqual([]);
  });

  it("a thread of 1,000 replies is paginated by position; the front page puts pinned threads first", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA]);
    const long = await createThread(world.agentA, { networkId: network.id, title: "Fil long", body: doc("Début") });
    // Set-based: 1,000 replies in one statement (the use case is rate-limited, rightly).
    await db.$executeRaw`
      INSERT INTO "NetworkPost" (id, "threadId", "networkId", "authorId", position, body, "bodyText", "createdAt")
      SELECT 'bulk-' || ${long.id} || '-' || g, ${long.id}, ${network.id}, ${world.agentA.userId}, g + 1,
             jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
               'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Réponse ' || g))))),
             'Réponse ' || g, now() + g * interval '1 second'
      FROM generate_series(1, 1000) g`;
    await db.networkThread.update({ where: { id: long.id }, data: { postCount: 1001 } });
    const page = await getThreadPage(world.agentA, { threadId: long.id, page: 40 });
    expect(page.pageCount).toBe(Math.ceil(1001 / POSTS_PER_PAGE));
    expect(page.posts.map((post) => post.position)).toEqual(Array.from({ length: 25 }, (_, i) => 976 + i));
    expect((await getThreadPage(world.agentA, { threadId: long.id, post: 1001 })).page).toBe(41);
    const other = await createThread(world.agentA, { networkId: network.id, title: "Autre", body: doc("x") });
    await moderateThread(world.admin, { threadId: long.id, action: "pin" });
    const front = await getNetworkPage(world.agentA, { slug: network.slug });
    expect(front.threads.map((thread) => thread.id)).toEqual([long.id, other.id]);
    expect(front.threads[0]).toMatchObject({ isPinned: true, replyCount: 1000, newCount: 0 });
  });

  it("posting is rate-limited in PostgreSQL (a burst is refused, nothing written), concurrent posts counted once each", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA]);
    const thread = await createThread(world.agentA, { networkId: network.id, title: "Rafale", body: doc("1") });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        codeOf(replyToThread(world.agentA, { threadId: thread.id, body: doc(`r${i}`) })),
      ),
    );
    // 5 per minute, the thread's opening post included.
    expect(results.filter((result) => result === "accepted")).toHaveLength(4);
    expect(results.filter((result) => result === "networks.errors.rateLimited")).toHaveLength(2);
    expect(await db.networkPost.count({ where: { threadId: thread.id } })).toBe(5);
    // Another person is not slowed down by A's burst.
    await joinAll(network.id, [world.agentB]);
    expect(await codeOf(replyToThread(world.agentB, { threadId: thread.id, body: doc("B") }))).toBe("accepted");
  });

  it("a forged id of another institution's network or thread answers NOT_FOUND, not its content", async () => {
    const world = await createNetworkWorld();
    const internal = await createTestNetwork(world.officerA, {
      scope: "INSTITUTION",
      institutionId: world.institutionA.id,
    });
    await joinAll(internal.id, [world.agentA]);
    const thread = await createThread(world.agentA, { networkId: internal.id, title: "Interne", body: doc("secret") });
    expect(await codeOf(getThreadPage(world.agentB, { threadId: thread.id }))).toBe("networks.errors.threadNotFound");
    expect(await codeOf(replyToThread(world.agentB, { threadId: thread.id, body: doc("x") }))).toBe(
      "networks.errors.threadNotFound",
    );
    const post = await db.networkPost.findFirstOrThrow({ where: { threadId: thread.id } });
    expect(await codeOf(reportPost(world.agentB, { postId: post.id, reason: "SPAM" }))).toBe(
      "networks.errors.threadNotFound",
    );
    const otherOfficer = await createUserWithRoles({
      institutionId: world.institutionB.id,
      roles: [{ role: "TRAINING_OFFICER", institutionId: world.institutionB.id }],
    });
    expect(await codeOf(moderatePost(otherOfficer, { postId: post.id, action: "hide" }))).toBe(
      "networks.errors.networkNotFound",
    );
  });
});
