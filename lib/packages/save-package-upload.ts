import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { packageError } from "./package-error";
import { PACKAGE_LIMITS } from "./package-limits";
import { packageTempDir } from "./package-storage";

/**
 * The uploaded zip, streamed to a temporary file (a zip's directory is at its end: it must be
 * on disk to be read) and cut off past the size limit, declared or not. The caller removes it.
 */
export async function savePackageUpload(
  body: ReadableStream<Uint8Array> | null,
  options: { declaredLength: number | null; maxBytes?: number },
): Promise<{ zipPath: string; cleanup: () => Promise<void> }> {
  const maxBytes = options.maxBytes ?? PACKAGE_LIMITS.maxZipBytes;
  const tooLarge = () =>
    packageError("tooLarge", "the package is too large", { megabytes: Math.round(maxBytes / 1024 / 1024) });
  if (options.declaredLength !== null && options.declaredLength > maxBytes) throw tooLarge();
  if (!body) throw packageError("empty", "no file was sent");
  await mkdir(packageTempDir(), { recursive: true });
  const zipPath = path.join(packageTempDir(), `${randomUUID()}.zip`);
  const cleanup = () => rm(zipPath, { force: true });
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > maxBytes ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as never), limit, createWriteStream(zipPath, { flags: "wx" }));
  } catch (error) {
    await cleanup();
    throw error;
  }
  if (received === 0) {
    await cleanup();
    throw packageError("empty", "no file was sent");
  }
  return { zipPath, cleanup };
}
