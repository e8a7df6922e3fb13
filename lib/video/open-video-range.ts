import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "../db";
import type { TActor } from "../auth/permissions";
import { videoWhereForActor } from "./video-visibility";
import { parseRangeHeader } from "./http-range";
import { uploadRoot } from "../storage/upload-root";
import { localizedAppError } from "../errors/localized-error";

/**
 * A local video for streaming, when the actor may see a course using it (catalogue visibility)
 * or author one: answers 200, 206 with Content-Range, or 416, as <video> elements expect.
 */
export async function openVideoRange(
  actor: TActor,
  assetId: string,
  rangeHeader: string | null,
): Promise<{ status: number; headers: Record<string, string>; body: ReadableStream | null }> {
  const asset = await db.videoAsset.findFirst({
    where: { id: assetId, provider: "LOCAL", status: "READY", ...videoWhereForActor(actor) },
    select: { storagePath: true, mimeType: true },
  });
  if (!asset?.storagePath)
    throw localizedAppError("NOT_FOUND", "This video does not exist.", {
      messageKey: "errors.uploads.videoNotFound",
      values: {},
    });
  const absolute = path.join(uploadRoot(), asset.storagePath);
  const { size } = await stat(absolute);
  const base = {
    "accept-ranges": "bytes",
    "content-type": asset.mimeType ?? "application/octet-stream",
    "cache-control": "private, max-age=3600",
  };
  const range = parseRangeHeader(rangeHeader, size);
  if (range === "unsatisfiable")
    return { status: 416, headers: { ...base, "content-range": `bytes */${size}` }, body: null };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const body = Readable.toWeb(createReadStream(absolute, { start, end })) as ReadableStream;
  return {
    status: range ? 206 : 200,
    headers: {
      ...base,
      "content-length": String(end - start + 1),
      ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
    },
    body,
  };
}
