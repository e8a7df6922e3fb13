import "server-only";
import type { TActor } from "../auth/permissions";
import type { TLocale } from "../i18n/config";
import { getPlayerView } from "../learning/get-player-view";
import { getPackageLaunch } from "./get-package-launch";

/**
 * The player's view, with the package's launch when the current activity is a package (lib/packages
 * depends on lib/learning, never the reverse). A package is done when it reports itself so: the
 * learner has no "mark as done" button for it.
 */
export async function getPackagePlayerView(
  actor: TActor,
  options: {
    enrolmentId: string;
    requestedKey: string | null;
    attemptId: string | null;
    locale: TLocale;
    scoId?: string | null;
    origins?: { content: string; player: string } | null;
  },
) {
  const view = await getPlayerView(actor, options);
  const current = view.current;
  const packageLaunch =
    current?.kind === "PACKAGE"
      ? {
          ...(await getPackageLaunch(actor, {
            enrolmentId: view.enrolmentId,
            activityKey: current.key,
            scoId: options.scoId,
            origins: options.origins,
          })),
          // The player's URL for this activity, to which a SCO's `&sco=<id>` is added.
          hrefBase: `/player/${view.enrolmentId}?activity=${encodeURIComponent(current.key)}`,
        }
      : null;
  return {
    ...view,
    packageLaunch,
    canMarkDone: !!current && current.kind !== "QUIZ" && current.kind !== "PACKAGE" && !current.isUnreadable,
  };
}
