import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { toHttpError } from "../errors/app-error";
import { createInstitution, createUserWithRoles } from "../../testing/fixtures";
import { storeLocalVideo } from "../video/store-local-video";
import { getVideoAsset } from "../video/get-video-asset";
import { setVideoPoster } from "../video/set-video-poster";
import { storeImage } from "./store-image";
import { openImage } from "./open-image";
import { MAX_IMAGE_BYTES } from "./process-image";

const imagesOnDisk = () =>
  existsSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "images"))
    ? readdirSync(path.join(process.env.RELAIS_UPLOAD_DIR!, "images")).length
    : 0;

async function trainer() {
  const institution = await createInstitution();
  return createUserWithRoles({
    institutionId: institution.id,
    roles: [{ role: "TRAINER", institutionId: institution.id }],
  });
}

/** A wide JPEG carrying EXIF data (a copyright and a GPS-like comment) that must not survive. */
async function wideJpegWithExif(): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: "#000091" } })
    .withExif({ IFD0: { Copyright: "Secret Owner", ImageDescription: "GPS 45.19N 5.72E" } })
    .jpeg()
    .toBuffer();
  return new Uint8Array(buffer);
}

describe("image uploads (real files, real sharp, real database)", () => {
  it("accepts a real image: resized, re-encoded as WebP, metadata stripped, content-addressed and stored once", async () => {
    const actor = await trainer();
    const input = await wideJpegWithExif();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const first = await storeImage(actor, { bytes: input, fileName: "photo.jpg" });
    expect(first).toMatchObject({ width: 1600, height: 533 });
    expect(first.url).toMatch(/^\/api\/uploads\/images\/[0-9a-f]{64}\.webp$/);
    const { body, headers } = await openImage(path.basename(first.url));
    expect(headers).toMatchObject({
      "content-type": "image/webp",
      "cache-control": "private, max-age=31536000, immutable",
    });
    const stored = await sharp(body).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 1600 });
    expect(stored.exif).toBeUndefined();
    expect(body.includes(Buffer.from("Secret Owner"))).toBe(false);

    const again = await storeImage(actor, { bytes: input, fileName: "same.jpg" });
    expect(again.id).toBe(first.id);
    expect(await db.storedFile.count({ where: { storagePath: first.storagePath } })).toBe(1);
  });

  it("refuses a wrong type whatever its name, an oversized file, a damaged image and a non-trainer, storing nothing", async () => {
    const actor = await trainer();
    const agentInstitution = await createInstitution();
    const agent = await createUserWithRoles({
      institutionId: agentInstitution.id,
      roles: [{ role: "AGENT", institutionId: agentInstitution.id }],
    });
    const filesBefore = imagesOnDisk();
    // This test's people only: other files store files in the same database at the same time.
    const theirs = { createdById: { in: [actor.userId, agent.userId] } };

    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const wrongType = await storeImage(actor, { bytes: svg, fileName: "image.png" }).catch((error: unknown) => error);
    expect(toHttpError(wrongType)).toMatchObject({
      status: 415,
      body: { message: expect.stringMatching(/PNG, JPEG and WebP/) },
    });
    const pdf = new TextEncoder().encode("%PDF-1.7 not an image");
    await expect(storeImage(actor, { bytes: pdf, fileName: "image.jpg" })).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
    });

    const oversized = new Uint8Array(MAX_IMAGE_BYTES + 1);
    oversized.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const tooLarge = await storeImage(actor, { bytes: oversized }).catch((error: unknown) => error);
    expect(toHttpError(tooLarge)).toMatchObject({
      status: 413,
      body: { message: "file: an image may not exceed 8 MB" },
    });

    const damaged = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
    await expect(storeImage(actor, { bytes: damaged })).rejects.toMatchObject({ code: "INVALID" });
    await expect(storeImage(actor, { bytes: new Uint8Array() })).rejects.toMatchObject({ code: "INVALID" });
    await expect(storeImage(agent, { bytes: await wideJpegWithExif() })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(imagesOnDisk()).toBe(filesBefore);
    expect(await db.storedFile.count({ where: theirs })).toBe(0);
  });

  it("serves only well-formed content addresses (no path traversal)", async () => {
    for (const name of ["../../etc/passwd", "..%2f..%2fsecret", `${"a".repeat(64)}.svg`, `${"0".repeat(64)}.webp`]) {
      await expect(openImage(name)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("sets a local video's poster for its author only; the player then shows it", async () => {
    const author = await trainer();
    const other = await trainer();
    const video = await storeLocalVideo(author, { bytes: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 1, 2, 3]) });
    const poster = new Uint8Array(
      await sharp({ create: { width: 640, height: 360, channels: 3, background: "#ffffff" } })
        .png()
        .toBuffer(),
    );
    await expect(setVideoPoster(other, { assetId: video.id, bytes: poster })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      setVideoPoster(author, { assetId: video.id, bytes: new TextEncoder().encode("<html>") }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect((await getVideoAsset(author, video.id)).playback).toMatchObject({ kind: "file", poster: null });
    expect(await setVideoPoster(author, { assetId: video.id, bytes: poster })).toEqual({
      poster: `/api/video/${video.id}/poster`,
    });
    expect((await getVideoAsset(author, video.id)).playback).toMatchObject({
      kind: "file",
      poster: `/api/video/${video.id}/poster`,
    });
  });
});
