import "server-only";
import path from "node:path";
import { uploadRoot } from "../storage/upload-root";

/** Package files are stored once per content: packages/blobs/<sha256> under the upload root. */
export function packageBlobPath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a sha256");
  return path.join(uploadRoot(), "packages", "blobs", sha256.slice(0, 2), sha256);
}

export function packageTempDir(): string {
  return path.join(uploadRoot(), "packages", "tmp");
}
