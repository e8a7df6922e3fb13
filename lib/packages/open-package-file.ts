import "server-only";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { parseRangeHeader } from "../video/http-range";
import { buildInitialCmi } from "./build-initial-cmi";
import { readPackageOrganization, readPackageRuntimeState } from "./package-runtime-state";
import { listLaunchableItems } from "./parse-scorm-organization";
import { navigationValidity } from "./scorm-navigation";
import { verifyContentToken, type TCmi5ContentGrant } from "./package-content-token";
import { packageBlobPath } from "./package-storage";

/** A file and its headers; for a SCORM frame, the origins its token was issued for (its route sets the sandbox). */
export type TPackageFileAnswer = {
  status: number;
  headers: Record<string, string>;
  body: ReadableStream | Buffer | null;
  origins?: { content: string; player: string };
};

/** HTML larger than this is served as stored (no run-time bridge): no real SCO page is that big. */
const MAX_BRIDGED_HTML_BYTES = 5 * 1024 * 1024;

/** `</script>` and friends cannot end the inline JSON early. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * One file of a package, for its sandboxed frame. The content token says which package, for whom
 * and for which enrolment; the enrolment is checked again (withdrawn, another version: refused),
 * so a learner never reaches a package's files without access to its course. Files are served by
 * content hash (ETag, 304, long private caching, Range with 206/416). An HTML page gets the
 * SCORM run-time bridge and the data to resume from at the top of its <head>.
 */
export async function openPackageFile(options: {
  token: string;
  path: string;
  rangeHeader: string | null;
  ifNoneMatch: string | null;
}): Promise<TPackageFileAnswer> {
  const verified = verifyContentToken(options.token);
  if ("cmi5SessionId" in verified) return openCmi5File({ ...options, grant: verified });
  const grant = verified;
  const [file, enrolment, contentPackage] = await Promise.all([
    db.packageFile.findUnique({
      where: { packageId_path: { packageId: grant.packageId, path: options.path } },
      select: { sha256: true, sizeBytes: true, mediaType: true },
    }),
    db.enrolment.findFirst({
      where: {
        id: grant.enrolmentId,
        userId: grant.userId,
        status: { in: ["ACTIVE", "COMPLETED"] },
        courseVersion: {
          modules: { some: { activities: { some: { key: grant.activityKey, packageId: grant.packageId } } } },
        },
      },
      select: { id: true, user: { select: { name: true } } },
    }),
    db.contentPackage.findUnique({
      where: { id: grant.packageId },
      select: { standard: true, manifest: true, launchPath: true, title: true },
    }),
  ]);
  if (!file || !enrolment || !contentPackage) throw keyedError("NOT_FOUND", "errors.packages.notFound");

  const isBridged =
    file.mediaType.startsWith("text/html") &&
    file.sizeBytes <= MAX_BRIDGED_HTML_BYTES &&
    contentPackage.standard !== "CMI5";
  const base: Record<string, string> = {
    "content-type": file.mediaType,
    "cache-control": isBridged ? "private, no-store" : "private, max-age=86400",
    "x-content-type-options": "nosniff",
  };
  if (isBridged && contentPackage.standard !== "CMI5") {
    const state = await db.packageRuntimeState.findUnique({
      where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey: grant.activityKey } },
      select: { cmi: true },
    });
    const organization = readPackageOrganization({
      launchPath: contentPackage.launchPath,
      manifest: contentPackage.manifest,
      title: contentPackage.title,
    });
    const launchable = listLaunchableItems(organization);
    const sco = grant.scoId
      ? launchable.find((item) => item.id === grant.scoId)
      : launchable.find((item) => item.isSco);
    if (!sco) throw keyedError("NOT_FOUND", "errors.packages.notFound");
    const saved = readPackageRuntimeState(state?.cmi, launchable.find((item) => item.isSco)?.id ?? sco.id).scos[sco.id];
    const cmi = buildInitialCmi({
      standard: contentPackage.standard,
      saved: saved?.cmi ?? null,
      learner: { id: grant.userId, name: enrolment.user.name ?? "" },
      masteryScore: sco.masteryScore,
    });
    const boot = {
      standard: contentPackage.standard,
      scoId: sco.id,
      cmi,
      // adl.nav.request_valid.* as the SCO may ask them (SCORM 2004 only).
      nav: navigationValidity(organization, sco.id),
    };
    const bridge =
      `<script>window.__RELAIS_SCORM__=${inlineJson(boot)};</script>` +
      `<script src="/api/packages/bridge/${contentPackage.standard === "SCORM_12" ? "scorm12" : "scorm2004"}.js"></script>`;
    const html = (await readFile(packageBlobPath(file.sha256))).toString("utf8");
    const head = /<head[^>]*>/i.exec(html);
    const body = Buffer.from(
      head
        ? `${html.slice(0, head.index + head[0].length)}${bridge}${html.slice(head.index + head[0].length)}`
        : `${bridge}${html}`,
    );
    return { status: 200, headers: { ...base, "content-length": String(body.length) }, body, origins: grant.origins };
  }

  return {
    ...serveStoredFile({ file, base, ifNoneMatch: options.ifNoneMatch, rangeHeader: options.rangeHeader }),
    origins: grant.origins,
  };
}

/**
 * A cmi5 AU's file for its launch session: the session must exist for this package, and its
 * registration's enrolment, when it has one, must still give access to the course.
 */
async function openCmi5File(options: {
  grant: TCmi5ContentGrant;
  path: string;
  rangeHeader: string | null;
  ifNoneMatch: string | null;
}) {
  const [file, session] = await Promise.all([
    db.packageFile.findUnique({
      where: { packageId_path: { packageId: options.grant.packageId, path: options.path } },
      select: { sha256: true, sizeBytes: true, mediaType: true },
    }),
    db.cmi5Session.findFirst({
      where: { id: options.grant.cmi5SessionId, registration: { packageId: options.grant.packageId } },
      select: { registration: { select: { enrolmentId: true } } },
    }),
  ]);
  if (!file || !session) throw keyedError("NOT_FOUND", "errors.packages.notFound");
  const enrolmentId = session.registration.enrolmentId;
  if (
    enrolmentId &&
    !(await db.enrolment.findFirst({ where: { id: enrolmentId, status: { in: ["ACTIVE", "COMPLETED"] } } }))
  )
    throw keyedError("NOT_FOUND", "errors.packages.notFound");
  const base = {
    "content-type": file.mediaType,
    "cache-control": "private, max-age=86400",
    "x-content-type-options": "nosniff",
  };
  return serveStoredFile({ file, base, ifNoneMatch: options.ifNoneMatch, rangeHeader: options.rangeHeader });
}

/** A stored file by content hash: ETag, 304, Range with 206/416. */
function serveStoredFile(options: {
  file: { sha256: string; sizeBytes: number };
  base: Record<string, string>;
  ifNoneMatch: string | null;
  rangeHeader: string | null;
}): { status: number; headers: Record<string, string>; body: ReadableStream | Buffer | null } {
  const { file, base } = options;
  const etag = `"${file.sha256}"`;
  if (options.ifNoneMatch && options.ifNoneMatch.split(",").some((tag) => tag.trim() === etag))
    return { status: 304, headers: { ...base, etag }, body: null };
  const size = file.sizeBytes;
  const headers = { ...base, etag, "accept-ranges": "bytes" };
  const range = parseRangeHeader(options.rangeHeader, size);
  if (range === "unsatisfiable")
    return { status: 416, headers: { ...headers, "content-range": `bytes */${size}` }, body: null };
  const { start, end } = range ?? { start: 0, end: Math.max(0, size - 1) };
  const body =
    size === 0
      ? Buffer.alloc(0)
      : (Readable.toWeb(createReadStream(packageBlobPath(file.sha256), { start, end })) as ReadableStream);
  return {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      "content-length": String(size === 0 ? 0 : end - start + 1),
      ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
    },
    body,
  };
}
