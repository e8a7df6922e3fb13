import "server-only";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { packageError } from "./package-error";
import type { TPackageLimits } from "./package-limits";

export type TPackageEntry = { path: string; size: number; compressedSize: number; entry: yauzl.Entry };

export type TPackageZip = {
  /** Files only (directories are implied by paths), by normalised path. */
  files: Map<string, TPackageEntry>;
  totalBytes: number;
  readText(path: string, maxBytes: number): Promise<string>;
  /** The inflated bytes, checked against the declared size as they come (yauzl validateEntrySizes). */
  openStream(path: string): Promise<Readable>;
  close(): void;
};

const UNSAFE_NAME = /^(invalid characters in fileName|absolute path|invalid relative path): (.*)$/;

/**
 * Zip-slip: every stored path is relative, without "..", "." segments, backslashes, drive
 * letters, control characters or NUL; a path that would leave the package's folder is refused.
 */
export function findUnsafePathReason(name: string, maxLength: number): string | null {
  if (name.length === 0 || name.length > maxLength) return "length";
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return "characters";
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) return "absolute";
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((segment) => segment === ".." || segment === "." || segment === "")) return "relative";
  return null;
}

function openZip(zipPath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      zipPath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error("no zip")) : resolve(zip)),
    );
  });
}

/**
 * Reads the central directory of an uploaded package, and refuses it — before a single byte is
 * inflated or stored — when a path is unsafe, there are too many entries, the declared sizes
 * pass the limits or an entry's compression ratio is a bomb's. Only the directory is in memory.
 */
export async function readPackageZip(zipPath: string, limits: TPackageLimits): Promise<TPackageZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch {
    throw packageError("notZip", "the file is not a readable zip archive");
  }
  const files = new Map<string, TPackageEntry>();
  let totalBytes = 0;
  let count = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (error: Error) => {
        const unsafe = UNSAFE_NAME.exec(error.message);
        reject(
          unsafe
            ? packageError("unsafePath", `unsafe path in the zip: ${unsafe[2]}`, { path: unsafe[2]!.slice(0, 200) })
            : packageError("notZip", `the zip archive is damaged: ${error.message}`),
        );
      });
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        count += 1;
        if (count > limits.maxEntries)
          return reject(
            packageError("tooManyEntries", `more than ${limits.maxEntries} entries`, { max: limits.maxEntries }),
          );
        const name = entry.fileName;
        const reason = findUnsafePathReason(name, limits.maxPathLength);
        if (reason)
          return reject(
            packageError("unsafePath", `unsafe path in the zip (${reason}): ${name.slice(0, 200)}`, {
              path: name.slice(0, 200),
            }),
          );
        if (!name.endsWith("/")) {
          const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : Infinity;
          if (
            entry.uncompressedSize > limits.maxEntryBytes ||
            (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
          )
            return reject(packageError("bomb", `${name}: expands beyond the limits`, { path: name.slice(0, 200) }));
          if ((entry.generalPurposeBitFlag & 0x1) !== 0)
            return reject(packageError("notZip", `${name}: encrypted entries are not accepted`));
          totalBytes += entry.uncompressedSize;
          if (totalBytes > limits.maxTotalBytes)
            return reject(
              packageError("totalTooLarge", "the package expands beyond the size limit", {
                megabytes: Math.round(limits.maxTotalBytes / 1024 / 1024),
              }),
            );
          files.set(name, { path: name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, entry });
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  if (files.size === 0) {
    zip.close();
    throw packageError("empty", "the zip archive holds no file");
  }

  const openStream = (path: string) => {
    const found = files.get(path);
    if (!found) throw packageError("noManifest", `${path} is not in the package`);
    return zip.openReadStreamPromise(found.entry);
  };
  return {
    files,
    totalBytes,
    openStream,
    async readText(path, maxBytes) {
      const found = files.get(path);
      if (!found) throw packageError("noManifest", `${path} is not in the package`);
      if (found.size > maxBytes) throw packageError("bomb", `${path}: too large to be read`, { path });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of await openStream(path)) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw packageError("bomb", `${path}: too large to be read`, { path });
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString("utf8");
    },
    close: () => zip.close(),
  };
}
