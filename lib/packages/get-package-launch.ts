import "server-only";
import type { TActor } from "../auth/permissions";
import { db } from "../db";
import { keyedError } from "../errors/localized-error";
import { findPackageActivityOrThrow } from "./find-package-activity";
import { issueContentToken } from "./package-content-token";
import { launchCmi5ForEnrolment } from "./launch-cmi5-for-enrolment";
import { readPackageOrganization, readPackageRuntimeState } from "./package-runtime-state";
import { listLaunchableItems } from "./parse-scorm-organization";
import { buildScormOutline, canChooseItem } from "./scorm-navigation";

/**
 * What the player needs to launch a package for a learner: the sandboxed frame's URL, under a
 * content token issued only now that the enrolment is checked, for one SCO of the package — the
 * one asked for, else the one the learner was on (resume on any device), else the first. A SCO
 * may be asked for when the learner could reach it: by choice (lib/packages/scorm-navigation.ts),
 * or as the one they are on or its flow neighbour; any other (unknown, hidden, choice="false") is
 * NOT_FOUND. The run-time data to resume from is put into the launch document by the content
 * route (lib/packages/open-package-file.ts). A package of several SCOs comes with its outline.
 */
export async function getPackageLaunch(
  actor: TActor,
  options: {
    enrolmentId: string;
    activityKey: string;
    scoId?: string | null;
    /** The package content origin for the player's origin (lib/security/package-content-origin.ts), if any. */
    origins?: { content: string; player: string } | null;
  },
) {
  const { enrolment, activity, contentPackage } = await findPackageActivityOrThrow(actor, options);
  if (contentPackage.standard === "CMI5") {
    const launch = await launchCmi5ForEnrolment(actor, { enrolmentId: enrolment.id, activityKey: options.activityKey });
    return { standard: contentPackage.standard, src: launch.url, scoId: null, outline: null, isIsolated: false };
  }
  const organization = readPackageOrganization({ ...contentPackage, title: activity.title });
  const launchable = listLaunchableItems(organization);
  const stored = await db.packageRuntimeState.findUnique({
    where: { enrolmentId_activityKey: { enrolmentId: enrolment.id, activityKey: options.activityKey } },
    select: { cmi: true },
  });
  const first = launchable.find((item) => item.isSco) ?? launchable[0]!;
  const state = readPackageRuntimeState(stored?.cmi, first.id);
  const resumed = launchable.find((item) => item.id === state.currentScoId) ?? first;
  let sco = resumed;
  if (options.scoId && options.scoId !== resumed.id) {
    const asked = launchable.find((item) => item.id === options.scoId);
    const around = buildScormOutline({ organization, currentId: resumed.id, factsOf: () => undefined });
    const isReachable =
      !!asked &&
      (canChooseItem(organization, asked.id) || asked.id === around.previousId || asked.id === around.nextId);
    if (!asked || !isReachable) throw keyedError("NOT_FOUND", "errors.packages.scoNotFound");
    sco = asked;
  }
  const token = issueContentToken({
    packageId: contentPackage.id,
    userId: actor.userId,
    enrolmentId: enrolment.id,
    activityKey: options.activityKey,
    scoId: sco.id,
    ...(options.origins ? { origins: options.origins } : {}),
  });
  const launch = sco.launchPath!.split("?");
  return {
    standard: contentPackage.standard,
    // On the package content origin the frame keeps that origin (its own frames script each other).
    isIsolated: Boolean(options.origins),
    src: `${options.origins?.content ?? ""}/api/packages/content/${token}/${launch[0]!.split("/").map(encodeURIComponent).join("/")}${launch[1] ? `?${launch[1]}` : ""}`,
    scoId: sco.id,
    outline:
      launchable.length > 1
        ? buildScormOutline({ organization, currentId: sco.id, factsOf: (id) => state.scos[id]?.facts })
        : null,
  };
}
export type TPackageLaunch = Awaited<ReturnType<typeof getPackageLaunch>>;
