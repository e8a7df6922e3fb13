import "server-only";
import type { TActor } from "../auth/permissions";
import { findPackageActivityOrThrow } from "./find-package-activity";
import { issueContentToken } from "./package-content-token";
import { launchCmi5ForEnrolment } from "./launch-cmi5-for-enrolment";

/**
 * What the player needs to launch a package for a learner: the sandboxed frame's URL, under a
 * content token issued only now that the enrolment is checked. The run-time data to resume from
 * is put into the launch document by the content route (lib/packages/open-package-file.ts).
 */
export async function getPackageLaunch(actor: TActor, options: { enrolmentId: string; activityKey: string }) {
  const { enrolment, contentPackage } = await findPackageActivityOrThrow(actor, options);
  if (contentPackage.standard === "CMI5") {
    const launch = await launchCmi5ForEnrolment(actor, { enrolmentId: enrolment.id, activityKey: options.activityKey });
    return { standard: contentPackage.standard, src: launch.url };
  }
  const token = issueContentToken({
    packageId: contentPackage.id,
    userId: actor.userId,
    enrolmentId: enrolment.id,
    activityKey: options.activityKey,
  });
  const launch = contentPackage.launchPath.split("?");
  return {
    standard: contentPackage.standard,
    src: `/api/packages/content/${token}/${launch[0]!.split("/").map(encodeURIComponent).join("/")}${launch[1] ? `?${launch[1]}` : ""}`,
  };
}
export type TPackageLaunch = Awaited<ReturnType<typeof getPackageLaunch>>;
