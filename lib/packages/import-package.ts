import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { TActor } from "../auth/permissions";
import { canSometimes } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { packageError } from "./package-error";
import { PACKAGE_LIMITS, type TPackageLimits } from "./package-limits";
import { packageMediaType } from "./package-media-type";
import { packageBlobPath, packageTempDir } from "./package-storage";
import { parsePackageManifest } from "./parse-package-manifest";
import { readPackageZip, type TPackageZip } from "./read-package-zip";
import { readCourseStructureFile } from "./read-course-structure-file";

export type TImportedPackage = {
  id: string;
  standard: "SCORM_12" | "SCORM_2004" | "CMI5";
  title: string;
  launchPath: string;
  fileCount: number;
};

/** One entry inflated to a temporary file while hashed, then linked to its content's place (kept if already there). */
async function storeEntry(
  zip: TPackageZip,
  entryPath: string,
  created: { blob: string; sha256: string }[],
): Promise<string> {
  const hash = createHash("sha256");
  const temporary = path.join(packageTempDir(), randomUUID());
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(await zip.openStream(entryPath), hashing, createWriteStream(temporary, { flags: "wx" }));
  } catch (error) {
    await rm(temporary, { force: true });
    // yauzl's validateEntrySizes: the inflated bytes disagree with the declared size (a lying header).
    throw packageError("bomb", `${entryPath}: ${(error as Error).message}`, { path: entryPath.slice(0, 200) });
  }
  const sha256 = hash.digest("hex");
  const target = packageBlobPath(sha256);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await link(temporary, target);
    created.push({ blob: target, sha256 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return sha256;
}

/**
 * A trainer imports a SCORM 1.2, SCORM 2004 or cmi5 zip (already streamed to `zipPath` by the
 * edge, within the size limit). Everything that can be checked without inflating is checked
 * first — paths (zip-slip), entry count, declared sizes and ratios (zip bomb), the manifest and
 * its rules — so that a hostile or malformed package is refused with nothing written. The files
 * are then inflated one at a time, streamed to storage under their SHA-256 (memory stays bounded
 * whatever the package's size), and the package with its file list is recorded in one
 * transaction with its audit row. Blobs this import created are removed if it fails.
 */
/** Checked before the upload is even received: only people who author courses send packages. */
export function assertCanImportPackage(actor: TActor): void {
  if (!canSometimes(actor, "course.author")) throw keyedError("FORBIDDEN", "errors.uploads.trainersOnly");
}

export async function importPackage(
  actor: TActor,
  options: {
    zipPath: string;
    fileName?: string;
    limits?: Partial<TPackageLimits>;
    /** "xml": a cmi5 course structure alone, every AU at an absolute URL (cmi5 §14.2). */
    format?: "zip" | "xml";
  },
): Promise<TImportedPackage> {
  assertCanImportPackage(actor);
  const limits: TPackageLimits = { ...PACKAGE_LIMITS, ...options.limits };
  const size = (await stat(options.zipPath)).size;
  if (size > limits.maxZipBytes)
    throw packageError("tooLarge", "the package is too large", {
      megabytes: Math.round(limits.maxZipBytes / 1024 / 1024),
    });
  const zip =
    options.format === "xml"
      ? await readCourseStructureFile(options.zipPath, limits)
      : await readPackageZip(options.zipPath, limits);
  const created: { blob: string; sha256: string }[] = [];
  try {
    const names = new Set(zip.files.keys());
    const manifestFile = names.has("cmi5.xml") ? "cmi5.xml" : "imsmanifest.xml";
    const manifestText = names.has(manifestFile) ? await zip.readText(manifestFile, limits.maxManifestBytes) : "";
    const manifest = parsePackageManifest({ files: names, readManifest: () => manifestText });

    await mkdir(packageTempDir(), { recursive: true });
    const stored: { path: string; sha256: string; sizeBytes: number; mediaType: string }[] = [];
    for (const entry of zip.files.values()) {
      const sha256 = await storeEntry(zip, entry.path, created);
      stored.push({ path: entry.path, sha256, sizeBytes: entry.size, mediaType: packageMediaType(entry.path) });
    }
    const record = await db.$transaction(
      async (tx) => {
        const contentPackage = await tx.contentPackage.create({
          data: {
            institutionId: actor.institutionId,
            createdById: actor.userId,
            standard: manifest.standard,
            title: manifest.title,
            launchPath: manifest.launchPath,
            manifest: {
              identifier: manifest.identifier,
              masteryScore: manifest.masteryScore,
              schemaVersion: manifest.schemaVersion,
              aus: manifest.aus,
              blocks: manifest.blocks,
              ...(manifest.organization ? { organization: manifest.organization } : {}),
              fileName: options.fileName?.slice(0, 200) ?? null,
            },
            sizeBytes: BigInt(zip.totalBytes),
            fileCount: stored.length,
          },
          select: { id: true, standard: true, title: true, launchPath: true, fileCount: true },
        });
        // One set-based insert: a package of thousands of files stays one statement.
        await tx.packageFile.createMany({ data: stored.map((file) => ({ ...file, packageId: contentPackage.id })) });
        await tx.auditLog.create({
          data: {
            actorId: actor.userId,
            action: "package.import",
            entityType: "ContentPackage",
            entityId: contentPackage.id,
            institutionId: actor.institutionId,
            data: { standard: manifest.standard, fileCount: stored.length, sizeBytes: zip.totalBytes },
          },
        });
        return contentPackage;
      },
      { timeout: 30_000 },
    );
    return record;
  } catch (error) {
    // A concurrent import of the same content may have committed rows on a blob this one created.
    const kept = new Set(
      (
        await db.packageFile.findMany({
          where: { sha256: { in: created.map((file) => file.sha256) } },
          select: { sha256: true },
        })
      ).map((row) => row.sha256),
    );
    await Promise.all(created.filter((file) => !kept.has(file.sha256)).map((file) => rm(file.blob, { force: true })));
    throw error;
  } finally {
    zip.close();
  }
}
