import "server-only";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { packageError } from "./package-error";
import type { TPackageLimits } from "./package-limits";
import type { TPackageZip } from "./read-package-zip";

/**
 * A cmi5 course structure sent alone (cmi5 §14.2: a cmi5.xml without a zip, its AUs hosted
 * elsewhere), read as a package of one file, cmi5.xml, so that the import follows one path.
 * Its relative AU URLs then point to no file and are refused by the manifest's rules.
 */
export async function readCourseStructureFile(filePath: string, limits: TPackageLimits): Promise<TPackageZip> {
  const size = (await stat(filePath)).size;
  if (size > limits.maxManifestBytes)
    throw packageError("tooLarge", "the course structure is too large", {
      megabytes: Math.round(limits.maxManifestBytes / 1024 / 1024),
    });
  return {
    files: new Map([["cmi5.xml", { path: "cmi5.xml", size } as never]]),
    totalBytes: size,
    readText: async () => (await readFile(filePath)).toString("utf8"),
    openStream: () => Promise.resolve(createReadStream(filePath)),
    close: () => undefined,
  };
}
