import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { uploadRoot } from "../storage/upload-root";
import { localizedAppError } from "../errors/localized-error";

const NAME = /^[0-9a-f]{64}\.webp$/;

/**
 * A stored image by its content address. The name is checked against the exact pattern before
 * any file access (no path traversal); since the name is the hash of the bytes, the answer can
 * be cached forever.
 */
export async function openImage(name: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  if (!NAME.test(name))
    throw localizedAppError("NOT_FOUND", "This image does not exist.", {
      messageKey: "errors.uploads.imageNotFound",
      values: {},
    });
  const body = await readFile(path.join(uploadRoot(), "images", name)).catch(() => {
    throw localizedAppError("NOT_FOUND", "This image does not exist.", {
      messageKey: "errors.uploads.imageNotFound",
      values: {},
    });
  });
  return {
    body,
    headers: {
      "content-type": "image/webp",
      "content-length": String(body.byteLength),
      "cache-control": "private, max-age=31536000, immutable",
      etag: `"${name.slice(0, 64)}"`,
      "x-content-type-options": "nosniff",
    },
  };
}
