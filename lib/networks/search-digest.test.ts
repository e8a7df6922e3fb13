import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createThread } from "./create-thread";
import { replyToThread } from "./reply-to-thread";
import { searchThreads } from "./search-threads";
import { moderatePost } from "./moderate-post";
import { sendNetworkDigests } from "./send-network-digests";
import { updateDigestPreference } from "./update-digest-preference";
import { createEvent } from "./create-event";
import { getMemberNetworkFeed, getNetworkEventIcs } from "./network-calendar";
import { networkWhereReadable } from "./network-access";
import { createNetworkWorld, createTestNetwork, doc, joinAll } from "../../testing/network-fixtures";

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { code?: string; details?: { messageKey?: string } }) => error.details?.messageKey ?? error.code,
  );

describe("French full-text search over readable threads", () => {
  it("finds words without accents and inflections, ranked, only where the person may read", async () => {
    const world = await createNetworkWorld();
    const word = `quinzaine${Math.random().toString(36).slice(2, 7)}`;
    const open = await createTestNetwork(world.admin, { regionId: world.region.id });
    const closed = await createTestNetwork(world.admin, { regionId: world.region.id, access: "ON_REQUEST" });
    const internal = await createTestNetwork(world.officerA, {
      scope: "INSTITUTION",
      institutionId: world.institutionA.id,
    });
    await joinAll(open.id, [world.agentA]);
    await joinAll(internal.id, [world.agentA]);
    const inTitle = await createThread(world.agentA, {
      networkId: open.id,
      title: `Évaluations des formations ${word}`,
      body: doc("Le titre dit tout."),
    });
    const inBody = await createThread(world.agentA, {
      networkId: open.id,
      title: "Autre sujet",
      body: doc(`Notre évaluation des formations chaque ${word}.`),
    });
    const secret = await createThread(world.agentA, {
      networkId: internal.id,
      title: `Interne ${word}`,
      body: doc("x"),
    });
    await db.networkThread.create({
      data: { networkId: closed.id, title: `Fermé ${word}`, postCount: 0 },
    });
    // "evaluation" without accent, singular: unaccent then the french stemmer find "Évaluations" and "évaluation".
    const hits = await searchThreads(world.agentA, { q: `evaluation ${word}` });
    expect(hits.map((hit) => hit.threadId)).toEqual([inTitle.id, inBody.id]);
    expect(hits[1]!.excerpt.some((part) => part.isMatch && /évaluation/i.test(part.text))).toBe(true);
    // Agent A also reads the institution network; agent B (other institution, member of nothing) does not, nor the closed one.
    expect((await searchThreads(world.agentA, { q: word })).map((hit) => hit.threadId)).toContain(secret.id);
    const forB = (await searchThreads(world.agentB, { q: word })).map((hit) => hit.threadId);
    expect(forB).toEqual(expect.arrayContaining([inTitle.id, inBody.id]));
    expect(forB).not.toContain(secret.id);
    expect(forB).toHaveLength(2);
    // A hidden post leaves the results.
    const post = await db.networkPost.findFirstOrThrow({ where: { threadId: inBody.id } });
    await moderatePost(world.admin, { postId: post.id, action: "hide" });
    expect((await searchThreads(world.agentB, { q: `formations ${word}` })).map((hit) => hit.threadId)).toEqual([
      inTitle.id,
    ]);
    // Hostile or empty queries answer nothing, never an error.
    expect(await searchThreads(world.agentB, { q: "' OR 1=1 -- & | ! (" })).toEqual([]);
    expect(await searchThreads(world.agentB, { q: "" })).toEqual([]);
  });

  it("the SQL readability rule equals the Prisma one", async () => {
    const world = await createNetworkWorld();
    const word = `cohorte${Math.random().toString(36).slice(2, 7)}`;
    const networks = [
      await createTestNetwork(world.admin, { regionId: world.region.id }),
      await createTestNetwork(world.admin, { regionId: world.region.id, access: "ON_REQUEST" }),
      await createTestNetwork(world.officerA, { scope: "INSTITUTION", institutionId: world.institutionA.id }),
      await createTestNetwork(world.officerA, {
        scope: "INSTITUTION",
        institutionId: world.institutionA.id,
        access: "ON_REQUEST",
      }),
    ];
    await joinAll(networks[2]!.id, [world.agentA]);
    for (const network of networks)
      await db.networkThread.create({ data: { networkId: network.id, title: `${word} ${network.id}` } });
    for (const actor of [world.agentA, world.agentB, world.officerA, world.admin]) {
      const viaPrisma = await db.network.findMany({
        where: { AND: [{ id: { in: networks.map((network) => network.id) } }, networkWhereReadable(actor)] },
        select: { id: true },
      });
      const viaSql = await searchThreads(actor, { q: word });
      expect(viaSql.map((hit) => hit.title.split(" ")[1]).sort()).toEqual(viaPrisma.map((row) => row.id).sort());
    }
  });
});

describe("digests through the notification outbox", () => {
  it("a daily digest lists others' new threads once per day; weekly and off members get theirs or none", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id, name: "Réseau RH régional" });
    await joinAll(network.id, [world.agentA, world.agentB, world.agentB2]);
    await updateDigestPreference(world.agentB, { networkId: network.id, digest: "DAILY" });
    await updateDigestPreference(world.agentB2, { networkId: network.id, digest: "OFF" });
    expect(await codeOf(updateDigestPreference(world.officerA, { networkId: network.id, digest: "DAILY" }))).toBe(
      "networks.errors.notMember",
    );
    const thread = await createThread(world.agentA, {
      networkId: network.id,
      title: "Entretiens annuels",
      body: doc("Calendrier ?"),
    });
    await replyToThread(world.agentB, { threadId: thread.id, body: doc("En janvier.") });
    const now = new Date(Date.now() + 1000);
    await sendNetworkDigests(now);
    const digestsOf = (userId: string) => db.notification.findMany({ where: { userId, kind: "networkDigest" } });
    const [forB] = await digestsOf(world.agentB.userId);
    expect(forB!.title).toBe("Résumé du jour : Réseau RH régional");
    expect(forB!.body).toContain("Entretiens annuels (1 nouveau message)");
    expect(forB!.body).toContain(`/networks/${network.slug}/threads/${thread.id}`);
    expect(forB!.emailSentAt).toBeNull();
    // A (weekly, the default) gets B's reply; B2 chose none.
    expect((await digestsOf(world.agentA.userId))[0]!.body).toContain("Entretiens annuels");
    expect(await digestsOf(world.agentB2.userId)).toHaveLength(0);
    // Run again at once, or an hour later: nothing more (once per period).
    await sendNetworkDigests(new Date(now.getTime() + 3600_000));
    expect(await digestsOf(world.agentB.userId)).toHaveLength(1);
    // A day later, with nothing new: no digest either.
    await sendNetworkDigests(new Date(now.getTime() + 25 * 3600_000));
    expect(await digestsOf(world.agentB.userId)).toHaveLength(1);
  });
});

describe("network meetings in calendars", () => {
  it("a moderator schedules a meeting; its .ics and the member's feed carry it; outsiders get 404", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id, access: "ON_REQUEST" });
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    expect(
      await codeOf(
        createEvent(world.agentA, {
          networkId: network.id,
          title: "Visio",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3600_000),
          meetingUrl: "https://visio.test/r",
        }),
      ),
    ).toBe("networks.errors.notModerator");
    expect(
      await codeOf(
        createEvent(world.admin, {
          networkId: network.id,
          title: "Visio",
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3600_000),
          meetingUrl: "javascript:alert(1)",
        }),
      ),
    ).toBe("networks.errors.badUrl");
    const event = await createEvent(world.admin, {
      networkId: network.id,
      title: "Rencontre trimestrielle",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
      meetingUrl: "https://visio.test/rencontre",
    });
    const ics = await getNetworkEventIcs(world.admin, event.id);
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("Rencontre trimestrielle");
    expect(ics).toContain(`network-event-${event.id}@relais`);
    expect(await codeOf(getNetworkEventIcs(world.agentB, event.id))).toBe("networks.errors.eventNotFound");
    expect(await getMemberNetworkFeed(world.admin.userId)).toContain("https://visio.test/rencontre");
    expect(await getMemberNetworkFeed(world.agentB.userId)).not.toContain("Rencontre trimestrielle");
  });
});
