// Moving between the SCOs of a package: the outline the player shows (visible items only, with
// each SCO's status and whether the learner may pick it), Previous/Next in flow order, and the
// navigation request a SCORM 2004 SCO leaves in adl.nav.request when it terminates. Pure.
//
// - choice: an item can be chosen when it launches something, it and its ancestors are visible
//   (isvisible="false" hides an item from the outline and from choice, not from flow), and its
//   parent's controlMode allows choice;
// - flow (Previous/Next, and the requests continue/previous): the previous/next launchable item in
//   the tree's depth-first order, unless the parent cluster of the current item or of the target has
//   flow="false";
// - jump {target=…} goes to any launchable item; exit, exitAll, suspendAll, abandon, abandonAll end
//   the delivery (the player closes the SCO and keeps the outline).
import { listLaunchableItems, type TScormItem, type TScormOrganization } from "./parse-scorm-organization";
import type { TScormFacts } from "./scorm-runtime-facts";

export type TScoStatus = "notAttempted" | "incomplete" | "completed" | "passed" | "failed";
export type TOutlineItem = {
  id: string;
  title: string;
  status: TScoStatus | null;
  isCurrent: boolean;
  canChoose: boolean;
  children: TOutlineItem[];
};
export type TNavigationTarget = { kind: "sco"; scoId: string } | { kind: "exit" };

type TPlaced = { item: TScormItem; parent: TScormItem | TScormOrganization; isShown: boolean };

function place(organization: TScormOrganization): Map<string, TPlaced> {
  const placed = new Map<string, TPlaced>();
  const walk = (parent: TScormItem | TScormOrganization, isShown: boolean) => {
    for (const item of parent.children) {
      placed.set(item.id, { item, parent, isShown: isShown && item.isVisible });
      walk(item, isShown && item.isVisible);
    }
  };
  walk(organization, true);
  return placed;
}

export function scoStatusOf(facts: TScormFacts | undefined): TScoStatus {
  if (!facts) return "notAttempted";
  if (facts.success === "failed") return "failed";
  if (facts.success === "passed") return "passed";
  return facts.completion === "completed" ? "completed" : "incomplete";
}

/** Whether the learner may choose this item (a choice request from a SCO, or a click in the outline). */
export function canChooseItem(organization: TScormOrganization, itemId: string): boolean {
  const placed = place(organization).get(itemId);
  return !!placed && !!placed.item.launchPath && placed.isShown && placed.parent.choice;
}

function flowNeighbour(organization: TScormOrganization, currentId: string, step: 1 | -1): string | null {
  const placed = place(organization);
  const order = listLaunchableItems(organization);
  const index = order.findIndex((item) => item.id === currentId);
  const target = index < 0 ? undefined : order[index + step];
  if (!target) return null;
  const fromParent = placed.get(currentId)?.parent;
  const toParent = placed.get(target.id)?.parent;
  return fromParent?.flow === false || toParent?.flow === false ? null : target.id;
}

export function buildScormOutline(options: {
  organization: TScormOrganization;
  currentId: string;
  factsOf: (scoId: string) => TScormFacts | undefined;
}) {
  const { organization, currentId } = options;
  const toOutline = (parent: TScormItem | TScormOrganization): TOutlineItem[] =>
    parent.children
      .filter((item) => item.isVisible)
      .map((item) => ({
        id: item.id,
        title: item.title,
        status: item.launchPath && item.isSco ? scoStatusOf(options.factsOf(item.id)) : null,
        isCurrent: item.id === currentId,
        canChoose: !!item.launchPath && parent.choice && item.id !== currentId,
        children: toOutline(item),
      }));
  return {
    title: organization.title,
    items: toOutline(organization),
    previousId: flowNeighbour(organization, currentId, -1),
    nextId: flowNeighbour(organization, currentId, 1),
  };
}
export type TScormOutline = ReturnType<typeof buildScormOutline>;

/** The SCORM 2004 adl.nav.request_valid answers the SCO may ask for, precomputed for its frame. */
export function navigationValidity(organization: TScormOrganization, currentId: string) {
  return {
    continue: flowNeighbour(organization, currentId, 1) !== null,
    previous: flowNeighbour(organization, currentId, -1) !== null,
    choice: listLaunchableItems(organization)
      .filter((item) => canChooseItem(organization, item.id))
      .map((item) => item.id),
    jump: listLaunchableItems(organization).map((item) => item.id),
  };
}

const CHOICE = /^\{target=([^}]{1,200})\}(choice|jump)$/;

/**
 * Where the navigation request left by a terminating SCO leads; null when there is none or it
 * cannot be honoured (an unknown, hidden or non-choosable target, no next SCO): the learner stays
 * and uses the outline.
 */
export function resolveNavigationRequest(options: {
  organization: TScormOrganization;
  currentId: string;
  request: string | undefined;
}): TNavigationTarget | null {
  const { organization, currentId } = options;
  const request = (options.request ?? "").trim();
  if (request === "" || request === "_none_") return null;
  if (["exit", "exitAll", "suspendAll", "abandon", "abandonAll"].includes(request)) return { kind: "exit" };
  if (request === "continue" || request === "previous") {
    const scoId = flowNeighbour(organization, currentId, request === "continue" ? 1 : -1);
    return scoId ? { kind: "sco", scoId } : request === "continue" ? { kind: "exit" } : null;
  }
  const match = CHOICE.exec(request);
  if (!match) return null;
  const [, target, kind] = match as unknown as [string, string, "choice" | "jump"];
  if (kind === "choice") return canChooseItem(organization, target) ? { kind: "sco", scoId: target } : null;
  return listLaunchableItems(organization).some((item) => item.id === target) ? { kind: "sco", scoId: target } : null;
}
