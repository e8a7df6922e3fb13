// A SCORM organization as the player needs it: the item tree (titles, nesting, isvisible), the
// SCOs and assets each item launches, and the IMS Simple Sequencing the runtime honours
// (controlMode choice/flow, deliveryControls tracked, the primary objective's mastery, rollup rules
// and the rollupObjectiveSatisfied / rollupProgressCompletion switches), from the item's own
// sequencing or the sequencingCollection entry it names (IDRef). Pre/post/exit condition rules,
// limit conditions, rollupConsiderations, shared global objectives and randomisation are not read:
// the tree stays in document order and every visible item stays reachable (docs/scorm.md).
import { manifestError } from "./package-error";
import { list, resolveInPackage, text, type TNode } from "./manifest-xml";

export type TRollupCondition =
  "satisfied" | "objectiveStatusKnown" | "completed" | "activityProgressKnown" | "attempted";
export type TRollupRule = {
  childActivitySet: "all" | "any" | "none" | "atLeastCount" | "atLeastPercent";
  minimumCount: number;
  minimumPercent: number;
  conditionCombination: "all" | "any";
  conditions: { condition: TRollupCondition; isNegated: boolean }[];
  action: "satisfied" | "notSatisfied" | "completed" | "incomplete";
};
export type TScormItem = {
  id: string;
  title: string;
  isVisible: boolean;
  /** The file to open (resolved in the package, with its query and adlcp:parameters); null for a cluster. */
  launchPath: string | null;
  /** A SCO talks to the API; an asset is only shown. */
  isSco: boolean;
  /** deliveryControls tracked: an untracked item counts for nothing in rollup. */
  isTracked: boolean;
  /** SCORM 1.2 adlcp:masteryscore (0–100) or 2004 minNormalizedMeasure (×100). */
  masteryScore: number | null;
  /** controlMode of this item's children: may the learner pick one, may they go next/previous. */
  choice: boolean;
  flow: boolean;
  /** rollupObjectiveSatisfied / rollupProgressCompletion: does this item count in its parent's rollup. */
  contributesToSatisfaction: boolean;
  contributesToCompletion: boolean;
  rollupRules: TRollupRule[];
  children: TScormItem[];
};
export type TScormOrganization = Omit<TScormItem, "launchPath" | "isSco" | "masteryScore"> & {
  launchPath: null;
  isSco: false;
  masteryScore: null;
};

const FILE = "imsmanifest.xml";
/** More items than any real course has: the tree is walked on every commit. */
const MAX_ITEMS = 500;
const SETS = new Set(["all", "any", "none", "atLeastCount", "atLeastPercent"]);
const CONDITIONS = new Set(["satisfied", "objectiveStatusKnown", "completed", "activityProgressKnown", "attempted"]);
const ACTIONS = new Set(["satisfied", "notSatisfied", "completed", "incomplete"]);

function attribute(node: TNode | undefined, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === "string" ? value.trim() : null;
}

function readRollupRules(rollup: TNode | undefined): TRollupRule[] {
  return list(rollup?.rollupRule).flatMap((rule): TRollupRule[] => {
    const set = attribute(rule, "childActivitySet") ?? "all";
    const conditionsNode = rule.rollupConditions as TNode | undefined;
    const action = attribute(rule.rollupAction as TNode | undefined, "action") ?? "";
    const conditions = list(conditionsNode?.rollupCondition).flatMap((condition) => {
      const name = attribute(condition, "condition") ?? "";
      return CONDITIONS.has(name)
        ? [{ condition: name as TRollupCondition, isNegated: attribute(condition, "operator") === "not" }]
        : [];
    });
    // A rule naming a condition or action Relais does not evaluate is left out, not half-applied.
    if (!SETS.has(set) || !ACTIONS.has(action) || conditions.length !== list(conditionsNode?.rollupCondition).length)
      return [];
    return [
      {
        childActivitySet: set as TRollupRule["childActivitySet"],
        minimumCount: Number(attribute(rule, "minimumCount") ?? 0) || 0,
        minimumPercent: Number(attribute(rule, "minimumPercent") ?? 0) || 0,
        conditionCombination: attribute(conditionsNode, "conditionCombination") === "all" ? "all" : "any",
        conditions,
        action: action as TRollupRule["action"],
      },
    ];
  });
}

/**
 * An item's imsss:sequencing, with the one of the manifest's sequencingCollection it names by IDRef
 * under it (SN book 3.2: the item's own elements override the collection's).
 */
function ownSequencing(node: TNode, collection: Map<string, TNode>): TNode | undefined {
  const own = node.sequencing as TNode | undefined;
  const shared = own ? collection.get(attribute(own, "IDRef") ?? "") : undefined;
  return shared ? { ...shared, ...own } : own;
}

function readSequencing(node: TNode, collection: Map<string, TNode>) {
  const sequencing = ownSequencing(node, collection);
  const controlMode = sequencing?.controlMode as TNode | undefined;
  const rollup = sequencing?.rollupRules as TNode | undefined;
  const delivery = sequencing?.deliveryControls as TNode | undefined;
  return {
    sequencing,
    controlMode,
    choice: attribute(controlMode, "choice") !== "false",
    isTracked: attribute(delivery, "tracked") !== "false",
    contributesToSatisfaction: attribute(rollup, "rollupObjectiveSatisfied") !== "false",
    contributesToCompletion: attribute(rollup, "rollupProgressCompletion") !== "false",
    rollupRules: readRollupRules(rollup),
  };
}

function readMastery(item: TNode, sequencing: TNode | undefined, is2004: boolean): number | null {
  if (!is2004) {
    const raw = text(item.masteryscore);
    if (raw === null) return null;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 100)
      throw manifestError(FILE, "masteryScore", `adlcp:masteryscore ${raw} is not between 0 and 100`);
    return value;
  }
  const objective = ((sequencing?.objectives ?? {}) as TNode).primaryObjective as TNode | undefined;
  const measure = objective ? text(objective.minNormalizedMeasure) : null;
  if (objective?.["@satisfiedByMeasure"] !== "true" || measure === null) return null;
  const value = Number(measure);
  if (!Number.isFinite(value) || value < -1 || value > 1)
    throw manifestError(FILE, "masteryScore", `minNormalizedMeasure ${measure} is not between -1 and 1`);
  return Math.round(value * 100);
}

/**
 * The organization's tree. SCORM 1.2 has no sequencing: flow and choice are both allowed there
 * (the LMS offers its own navigation), as SCORM 2004's defaults for an organization without
 * controlMode are choice only — Relais gives Previous/Next in both cases unless flow is set to
 * "false" explicitly, so a package whose SCOs never issue navigation requests can still be followed.
 */
export function parseScormOrganization(options: {
  organization: TNode;
  resources: TNode[];
  files: Set<string>;
  is2004: boolean;
  /** The manifest's imsss:sequencingCollection, if any. */
  sequencingCollection?: TNode;
}): TScormOrganization {
  const seen = new Set<string>();
  const collection = new Map(
    list(options.sequencingCollection?.sequencing).map((node) => [attribute(node, "ID") ?? "", node] as const),
  );
  const scormTypeOf = (resource: TNode) => String(resource["@scormType"] ?? resource["@scormtype"] ?? "").toLowerCase();
  const readItem = (item: TNode): TScormItem => {
    const id = attribute(item, "identifier");
    if (!id || seen.has(id) || seen.size >= MAX_ITEMS)
      throw manifestError(FILE, "itemIdentifier", `item ${id ?? "(no identifier)"}: missing, repeated or too many`);
    seen.add(id);
    const seq = readSequencing(item, collection);
    const ref = attribute(item, "identifierref");
    const resource = ref ? options.resources.find((candidate) => candidate["@identifier"] === ref) : undefined;
    const isSco = !!resource && scormTypeOf(resource) === "sco";
    let launchPath: string | null = null;
    const href = resource ? attribute(resource, "href") : null;
    if (resource && isSco && !href) throw manifestError(FILE, "resourceHref", `resource ${ref} has no href`);
    if (resource && href) {
      const base = (attribute(resource, "base") ?? "").replace(/\/?$/, "/").replace(/^\/$/, "");
      const resolved = resolveInPackage(base, href);
      // A SCO must be there; an asset that is not is only left out of the tree's links.
      if ((!resolved || !options.files.has(resolved)) && isSco)
        throw manifestError(FILE, "launchFileExists", `${href} is not in the package`);
      const query = href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
      // SCORM CAM 3.4.1.10: parameters are appended to the href's query ("?" or "&" when one exists).
      const parameters = (attribute(item, "parameters") ?? "").replace(/^[?&]/, "");
      const search = [query, parameters].filter(Boolean).join("&");
      if (resolved && options.files.has(resolved)) launchPath = `${resolved}${search ? `?${search}` : ""}`;
    }
    const children = list(item.item).map(readItem);
    return {
      id,
      title: (text(item.title) ?? id).slice(0, 200),
      isVisible: attribute(item, "isvisible") !== "false",
      launchPath: children.length > 0 ? null : launchPath,
      isSco: children.length === 0 && isSco,
      isTracked: seq.isTracked,
      masteryScore: readMastery(item, seq.sequencing, options.is2004),
      choice: seq.choice,
      flow: attribute(seq.controlMode, "flow") !== "false",
      contributesToSatisfaction: seq.contributesToSatisfaction,
      contributesToCompletion: seq.contributesToCompletion,
      rollupRules: seq.rollupRules,
      children,
    };
  };
  const seq = readSequencing(options.organization, collection);
  return {
    id: attribute(options.organization, "identifier") ?? "organization",
    title: (text(options.organization.title) ?? "SCORM").slice(0, 200),
    isVisible: true,
    launchPath: null,
    isSco: false,
    isTracked: true,
    masteryScore: null,
    choice: seq.choice,
    flow: attribute(seq.controlMode, "flow") !== "false",
    contributesToSatisfaction: true,
    contributesToCompletion: true,
    rollupRules: seq.rollupRules,
    children: list(options.organization.item).map(readItem),
  };
}

/** The items a learner can be sent to, in flow order (a depth-first walk of the tree). */
export function listLaunchableItems(organization: TScormOrganization): TScormItem[] {
  const out: TScormItem[] = [];
  const walk = (items: TScormItem[]) => {
    for (const item of items) {
      if (item.launchPath) out.push(item);
      walk(item.children);
    }
  };
  walk(organization.children);
  return out;
}
