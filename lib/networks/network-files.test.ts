import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "../db";
import { createThread } from "./create-thread";
import { replyToThread } from "./reply-to-thread";
import { openPostAttachment, uploadNetworkDocument } from "./network-files";
import { moderatePost } from "./moderate-post";
import { createNetworkWorld, createTestNetwork, doc, joinAll } from "../../testing/network-fixtures";

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (error: { code?: string; details?: { messageKey?: string } }) => error.details?.messageKey ?? error.code,
  );

async function pdfBytes(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(text);
  return pdf.save();
}

describe("attachments through the document uploads", () => {
  it("a member attaches their own document; readers download it, outsiders and other uploaders cannot", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.officerA, {
      scope: "INSTITUTION",
      institutionId: world.institutionA.id,
    });
    const outsider = world.agentB;
    expect(await codeOf(uploadNetworkDocument(world.agentA, { bytes: await pdfBytes("x"), fileName: "a.pdf" }))).toBe(
      "networks.errors.notMember",
    );
    await joinAll(network.id, [world.agentA]);
    const file = await uploadNetworkDocument(world.agentA, {
      bytes: await pdfBytes("Compte rendu"),
      fileName: "CR.pdf",
    });
    expect(
      await codeOf(
        uploadNetworkDocument(world.agentA, { bytes: new TextEncoder().encode("<script>"), fileName: "x.pdf" }),
      ),
    ).toBe("errors.uploads.documentType");
    // The officer (a member) cannot attach the agent's file as theirs.
    expect(
      await codeOf(
        createThread(world.officerA, { networkId: network.id, title: "Vol", body: doc("x"), attachmentIds: [file.id] }),
      ),
    ).toBe("networks.errors.attachmentNotYours");
    const thread = await createThread(world.agentA, {
      networkId: network.id,
      title: "Compte rendu",
      body: doc("Ci-joint."),
      attachmentIds: [file.id],
    });
    const post = await db.networkPost.findFirstOrThrow({ where: { threadId: thread.id } });
    const opened = await openPostAttachment(world.officerA, { postId: post.id, fileId: file.id });
    expect(opened.headers["content-disposition"]).toContain("CR.pdf");
    expect(opened.headers["x-content-type-options"]).toBe("nosniff");
    // Another institution's agent: 404, as for a missing file.
    expect(await codeOf(openPostAttachment(outsider, { postId: post.id, fileId: file.id }))).toBe(
      "networks.errors.fileNotFound",
    );
    // A hidden post's files: its network's moderators only.
    await moderatePost(world.officerA, { postId: post.id, action: "hide" });
    expect(await codeOf(openPostAttachment(world.agentA, { postId: post.id, fileId: file.id }))).toBe(
      "networks.errors.fileNotFound",
    );
    expect(await codeOf(openPostAttachment(world.officerA, { postId: post.id, fileId: file.id }))).toBe("accepted");
  });

  it("NUL bytes in a title or a body reach PostgreSQL without them; a huge body is refused with nothing written", async () => {
    const world = await createNetworkWorld();
    const network = await createTestNetwork(world.admin, { regionId: world.region.id });
    await joinAll(network.id, [world.agentA]);
    const thread = await createThread(world.agentA, {
      networkId: network.id,
      title: "Ti\u0000tre",
      body: doc("Cor\u0000ps <img src=x onerror=alert(1)>"),
    });
    const stored = await db.networkPost.findFirstOrThrow({ where: { threadId: thread.id } });
    expect((await db.networkThread.findUniqueOrThrow({ where: { id: thread.id } })).title).toBe("Titre");
    expect(stored.bodyText).toBe("Corps <img src=x onerror=alert(1)>");
    expect(await codeOf(replyToThread(world.agentA, { threadId: thread.id, body: doc("x".repeat(25_000)) }))).toBe(
      "networks.errors.postTooLong",
    );
    expect(await db.networkPost.count({ where: { threadId: thread.id } })).toBe(1);
  });
});
