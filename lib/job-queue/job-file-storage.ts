import "server-only";
// Where background jobs keep their files: an import's uploaded CSV until it has run, an export
// until it is downloaded or purged. Same root as the uploads (RELAIS_UPLOAD_DIR, .data/uploads by
// default), so a deployment with several replicas mounts one shared volume for both. Files are
// named by job id: a retried job overwrites its own file, and nothing a person typed reaches a path.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { uploadRoot } from "../storage/upload-root";

/** The kinds of file a job reads or writes: an import's CSV, an export's CSV, XLSX or PDF. */
export const JOB_FILE_EXTENSIONS = ["csv", "xlsx", "pdf"] as const;

const JOB_FILE_PATH = new RegExp(`^(imports|exports)/[0-9a-f-]{36}\\.(${JOB_FILE_EXTENSIONS.join("|")})$`);

/** The relative path (stored on the job row) of a job's input or result file. */
export function jobFilePath(kind: "imports" | "exports", jobId: string, extension: string): string {
  const relative = `${kind}/${jobId}.${extension}`;
  if (!JOB_FILE_PATH.test(relative)) throw new Error(`Not a job file path: ${relative}`);
  return relative;
}

/** The absolute path of a stored relative path; refuses anything but a job file (no traversal). */
export function absoluteJobFilePath(relative: string): string {
  if (!JOB_FILE_PATH.test(relative)) throw new Error(`Not a job file path: ${relative}`);
  return path.join(uploadRoot(), relative);
}

/** A temporary sibling to write into; renamed into place once complete, so a reader never sees half a file. */
export async function prepareJobFile(
  relative: string,
): Promise<{ partPath: string; commit: () => Promise<{ size: number; sha256: string }> }> {
  const finalPath = absoluteJobFilePath(relative);
  await mkdir(path.dirname(finalPath), { recursive: true });
  const partPath = `${finalPath}.part`;
  return {
    partPath,
    commit: async () => {
      const hash = createHash("sha256");
      await pipeline(createReadStream(partPath), hash);
      const { size } = await stat(partPath);
      await rename(partPath, finalPath);
      return { size, sha256: hash.digest("hex") };
    },
  };
}

export async function writeJobFile(relative: string, bytes: Uint8Array): Promise<void> {
  const file = await prepareJobFile(relative);
  await writeFile(file.partPath, bytes);
  await file.commit();
}

/** Deletes a job file and any half-written part; a file already gone is fine (idempotent). */
export async function deleteJobFile(relative: string): Promise<void> {
  const absolute = absoluteJobFilePath(relative);
  await rm(absolute, { force: true });
  await rm(`${absolute}.part`, { force: true });
}
