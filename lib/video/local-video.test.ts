import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { createPublishedCourse } from "../../testing/learning-fixtures";
import { storeLocalVideo } from "./store-local-video";
import { openVideoRange } from "./open-video-range";

const WEBM = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...Array.from({ length: 996 }, (_, index) => index % 256)]);

async function readAll(stream: ReadableStream | null): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("local video provider (real database, real files)", () => {
  it("stores a WebM by content, streams ranges to learners who may see it, refuses others", async () => {
    const [a, b] = [await createInstitution(), await createInstitution()];
    const trainer = await createUserWithRoles({
      institutionId: a.id,
      roles: [{ role: "TRAINER", institutionId: a.id }],
    });
    const agentA = await createUserWithRoles({ institutionId: a.id, roles: [{ role: "AGENT", institutionId: a.id }] });
    const agentB = await createUserWithRoles({ institutionId: b.id, roles: [{ role: "AGENT", institutionId: b.id }] });
    const asset = await storeLocalVideo(trainer, { bytes: WEBM });
    const course = await createPublishedCourse({ institutionId: a.id, visibility: "INSTITUTION" });
    await db.activity.updateMany({ where: { key: course.keys.video }, data: { videoAssetId: asset.id } });

    const whole = await openVideoRange(agentA, asset.id, null);
    expect(whole).toMatchObject({
      status: 200,
      headers: { "content-length": "1000", "accept-ranges": "bytes", "content-type": "video/webm" },
    });
    expect(await readAll(whole.body)).toEqual(WEBM);

    const part = await openVideoRange(agentA, asset.id, "bytes=4-7");
    expect(part).toMatchObject({ status: 206, headers: { "content-range": "bytes 4-7/1000", "content-length": "4" } });
    expect([...(await readAll(part.body))]).toEqual([0, 1, 2, 3]);
    expect((await openVideoRange(agentA, asset.id, "bytes=5000-")).status).toBe(416);

    await expect(openVideoRange(agentB, asset.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a non-video (whatever its name), an empty file and a non-trainer, storing nothing", async () => {
    const institution = await createInstitution();
    const trainer = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "TRAINER", institutionId: institution.id }],
    });
    const agent = await createUserWithRoles({
      institutionId: institution.id,
      roles: [{ role: "AGENT", institutionId: institution.id }],
    });
    const before = existsSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "videos"))
      ? readdirSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "videos")).length
      : 0;
    // This test's people only: other files create videos in the same database at the same time.
    const theirs = { createdById: { in: [trainer.userId, agent.userId] } };
    await expect(
      storeLocalVideo(trainer, { bytes: new TextEncoder().encode("<html><script>alert(1)</script>") }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await expect(storeLocalVideo(trainer, { bytes: new Uint8Array() })).rejects.toMatchObject({ code: "INVALID" });
    await expect(storeLocalVideo(agent, { bytes: WEBM })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = existsSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "videos"))
      ? readdirSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "videos")).length
      : 0;
    expect(after).toBe(before);
    expect(await db.videoAsset.count({ where: theirs })).toBe(0);
  });
});
