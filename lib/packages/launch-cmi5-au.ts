import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { TTransaction } from "../db";
import { db } from "../db";
import { publicUrl } from "../env";
import { keyedError } from "../errors/localized-error";
import { agentIfi } from "../lrs/agent-ifi";
import { CMI5_LAUNCH_DATA } from "../lrs/cmi5-document-rules";
import { etagOf } from "../lrs/documents";
import { buildCmi5LmsStatement, isoDurationBetween } from "./build-cmi5-lms-statement";
import { readCmi5Progress, type TCmi5Structure } from "./cmi5-progress";
import { CMI5_EXTENSION, cmi5ActivityId, type TCmi5LaunchMode } from "./cmi5-vocabulary";
import { issueCmi5ContentToken } from "./package-content-token";
import type { TCmi5Au, TCmi5Block } from "./parse-package-manifest";
import { issueCmi5LmsStatements, recordCmi5Satisfaction } from "./record-cmi5-satisfaction";

type TJson = Record<string, unknown>;
export type TCmi5PackageStructure = TCmi5Structure & { courseId: string; title: string };

/** The course structure kept at import (lib/packages/import-package.ts); older imports lack blocks and parameters. */
export function readCmi5Structure(contentPackage: { title: string; manifest: unknown }): TCmi5PackageStructure {
  const manifest = (contentPackage.manifest ?? {}) as { identifier?: string; aus?: TCmi5Au[]; blocks?: TCmi5Block[] };
  return {
    courseId: manifest.identifier ?? "",
    title: contentPackage.title,
    aus: (manifest.aus ?? []).map((au) => ({
      ...au,
      blocks: au.blocks ?? [],
      launchParameters: au.launchParameters ?? null,
      entitlementKey: au.entitlementKey ?? null,
    })),
    blocks: manifest.blocks ?? [],
  };
}

/** The AU's URL: a file of the package under the session's content token, or the absolute URL it gives. */
function auUrl(options: { packageId: string; sessionId: string; au: TCmi5Au }): URL {
  if (/^https?:\/\//i.test(options.au.url)) return new URL(options.au.url);
  const token = issueCmi5ContentToken({ packageId: options.packageId, cmi5SessionId: options.sessionId });
  const [path, query] = options.au.url.split("?");
  const encoded = path!.split("/").map(encodeURIComponent).join("/");
  return new URL(`${publicUrl()}/api/packages/content/${token}/${encoded}${query ? `?${query}` : ""}`);
}

/** Sessions of this AU left open (launched, never terminated) are abandoned at the next launch (cmi5 §9.3.6). */
async function abandonOpenSessions(
  tx: TTransaction,
  options: {
    registrationId: string;
    auIndex: number;
    actor: TJson;
    activityId: string;
    publisherId: string;
    exceptSessionId: string;
  },
): Promise<void> {
  const open = await tx.cmi5Session.findMany({
    where: {
      registrationId: options.registrationId,
      auIndex: options.auIndex,
      terminatedAt: null,
      abandonedAt: null,
      id: { not: options.exceptSessionId },
    },
    select: { id: true, createdAt: true, initializedAt: true, lastRequestAt: true },
  });
  if (open.length === 0) return;
  const now = new Date();
  await tx.cmi5Session.updateMany({
    where: { id: { in: open.map((session) => session.id) } },
    data: { abandonedAt: now },
  });
  await issueCmi5LmsStatements(
    tx,
    open.map((session) =>
      buildCmi5LmsStatement({
        verb: "abandoned",
        actor: options.actor,
        registration: options.registrationId,
        sessionId: session.id,
        object: { id: options.activityId },
        publisherId: options.publisherId,
        result: { duration: isoDurationBetween(session.initializedAt ?? session.createdAt, session.lastRequestAt) },
      }),
    ),
  );
}

/**
 * Launches one AU of a cmi5 course (cmi5 §8, §10): the registration (new, or the one given,
 * which must be this course's and this actor's), a session with its one-time fetch token, the
 * LMS.LaunchData state document written before the launch, and the LMS's statements — on a new
 * registration, satisfied for what moveOn NotApplicable satisfies at once (9.6.1.1-3); the
 * abandoned statements of this AU's sessions left open; then launched. Returns the AU's URL with
 * the launch parameters (endpoint, fetch, actor, registration, activityId).
 */
export async function launchCmi5Au(options: {
  contentPackage: { id: string; title: string; institutionId: string | null; manifest: unknown };
  auIndex: number;
  actor: TJson;
  registration?: string;
  launchMode?: TCmi5LaunchMode;
  link?: { enrolmentId: string; activityKey: string };
  returnUrl?: string | null;
  createdById: string;
}): Promise<{ url: string; registration: string; sessionId: string }> {
  const structure = readCmi5Structure(options.contentPackage);
  const au = structure.aus[options.auIndex];
  if (!au) throw keyedError("NOT_FOUND", "errors.packages.cmi5NotLaunchable");
  const actorIfi = agentIfi(options.actor);
  if (!actorIfi || !(options.actor.account && typeof options.actor.account === "object"))
    throw keyedError("INVALID", "errors.packages.cmi5RegistrationMismatch");
  const actor: TJson = { objectType: "Agent", ...options.actor };
  const packageId = options.contentPackage.id;
  const launchMode = options.launchMode ?? "Normal";
  const sessionId = randomUUID();
  const fetchToken = randomBytes(32).toString("base64url");
  const activityId = cmi5ActivityId.au(packageId, options.auIndex);

  const registrationId = await db.$transaction(
    async (tx) => {
      const wanted = options.registration?.toLowerCase() ?? randomUUID();
      // One launch at a time per registration: the progress and the abandoned sessions are read once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`cmi5-registration:${wanted}`}))`;
      let registration = await tx.cmi5Registration.findUnique({ where: { id: wanted } });
      if (registration && (registration.packageId !== packageId || registration.actorIfi !== actorIfi))
        throw keyedError("FORBIDDEN", "errors.packages.cmi5RegistrationMismatch");
      const isNew = !registration;
      if (!registration)
        registration = await tx.cmi5Registration.create({
          data: {
            id: wanted,
            packageId,
            institutionId: options.contentPackage.institutionId,
            enrolmentId: options.link?.enrolmentId ?? null,
            activityKey: options.link?.activityKey ?? null,
            actor: actor as object,
            actorIfi,
            createdById: options.createdById,
          },
        });
      await tx.cmi5Session.create({
        data: {
          id: sessionId,
          registrationId: registration.id,
          auIndex: options.auIndex,
          launchMode,
          fetchTokenHash: createHash("sha256").update(fetchToken).digest("hex"),
          authSecretHash: "",
        },
      });
      if (isNew) {
        const progress = await recordCmi5Satisfaction(tx, {
          registration: { ...registration, actor },
          structure,
          progress: readCmi5Progress(registration.progress),
          sessionId,
        });
        await tx.cmi5Registration.update({ where: { id: registration.id }, data: { progress: progress as object } });
      }
      await abandonOpenSessions(tx, {
        registrationId: registration.id,
        auIndex: options.auIndex,
        actor,
        activityId,
        publisherId: au.id,
        exceptSessionId: sessionId,
      });

      const launchData = {
        contextTemplate: {
          contextActivities: { grouping: [{ id: au.id }] },
          extensions: { [CMI5_EXTENSION.sessionId]: sessionId },
        },
        launchMode,
        launchMethod: au.launchMethod,
        moveOn: au.moveOn,
        ...(au.masteryScore !== null ? { masteryScore: au.masteryScore } : {}),
        ...(au.launchParameters !== null ? { launchParameters: au.launchParameters } : {}),
        ...(au.entitlementKey !== null ? { entitlementKey: { courseStructure: au.entitlementKey } } : {}),
        ...(options.returnUrl ? { returnURL: options.returnUrl } : {}),
      };
      const content = Buffer.from(JSON.stringify(launchData));
      const key = {
        scope: registration.institutionId ?? "",
        kind: "STATE" as const,
        activityId,
        agentIfi: actorIfi,
        registration: registration.id,
        documentId: CMI5_LAUNCH_DATA,
      };
      const data = {
        contentType: "application/json",
        content: new Uint8Array(content),
        etag: etagOf(content),
        updatedAt: new Date(),
      };
      await tx.xapiDocument.upsert({
        where: { scope_kind_activityId_agentIfi_registration_documentId: key },
        create: { ...key, ...data },
        update: data,
      });

      const launchUrl = auUrl({ packageId, sessionId, au });
      await issueCmi5LmsStatements(tx, [
        buildCmi5LmsStatement({
          verb: "launched",
          actor,
          registration: registration.id,
          sessionId,
          object: { id: activityId },
          publisherId: au.id,
          extensions: {
            [CMI5_EXTENSION.launchMode]: launchMode,
            [CMI5_EXTENSION.launchUrl]: launchUrl.toString(),
            [CMI5_EXTENSION.moveOn]: au.moveOn,
            ...(au.masteryScore !== null ? { [CMI5_EXTENSION.masteryScore]: au.masteryScore } : {}),
            ...(au.launchParameters !== null ? { [CMI5_EXTENSION.launchParameters]: au.launchParameters } : {}),
          },
        }),
      ]);
      return registration.id;
    },
    { timeout: 20_000 },
  );

  const url = auUrl({ packageId, sessionId, au });
  url.searchParams.set("endpoint", `${publicUrl()}/api/xapi`);
  url.searchParams.set("fetch", `${publicUrl()}/api/packages/cmi5-fetch/${fetchToken}`);
  url.searchParams.set("actor", JSON.stringify(actor));
  url.searchParams.set("registration", registrationId);
  url.searchParams.set("activityId", activityId);
  return { url: url.toString(), registration: registrationId, sessionId };
}
