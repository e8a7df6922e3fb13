// What Relais needs from a package's manifest, and the rules it must follow to be played:
// SCORM 1.2 and 2004 (imsmanifest.xml, IMS Content Packaging with ADL's extensions) and cmi5
// (cmi5.xml, the course structure of cmi5 §13). Pure: the files are given as a set of paths.
import { list, parseXml, resolveInPackage, text, type TNode } from "./manifest-xml";
import { listLaunchableItems, parseScormOrganization, type TScormOrganization } from "./parse-scorm-organization";
import { manifestError } from "./package-error";
import { packageError } from "./package-error";

export type TPackageStandard = "SCORM_12" | "SCORM_2004" | "CMI5";
export type TCmi5Au = {
  id: string;
  title: string;
  url: string;
  moveOn: "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
  masteryScore: number | null;
  launchMethod: "AnyWindow" | "OwnWindow";
  /** cmi5 §13.1.4: handed to the AU in LMS.LaunchData, as the course structure gives them. */
  launchParameters: string | null;
  entitlementKey: string | null;
  /** Indexes (in TParsedManifest.blocks) of the blocks holding this AU, outermost first. */
  blocks: number[];
};
export type TCmi5Block = { id: string; title: string };
export type TParsedManifest = {
  standard: TPackageStandard;
  manifestFile: "imsmanifest.xml" | "cmi5.xml";
  title: string;
  /** Path in the package of the file to open first (with its query string, as the manifest gives it). */
  launchPath: string;
  /** SCORM: the launched item's identifier; cmi5: the course id. */
  identifier: string;
  /** SCORM 1.2 adlcp:masteryscore (0–100) or 2004 minNormalizedMeasure (×100); cmi5: the first AU's. */
  masteryScore: number | null;
  schemaVersion: string | null;
  aus: TCmi5Au[];
  /** cmi5: the blocks of the course structure, in document order (SCORM: none). */
  blocks: TCmi5Block[];
  /** SCORM: the default organization's item tree (cmi5: none). */
  organization?: TScormOrganization;
};

function parseScorm(xml: string, files: Set<string>): TParsedManifest {
  const file = "imsmanifest.xml";
  const manifest = parseXml(file, xml).manifest as TNode | undefined;
  if (!manifest || typeof manifest !== "object") throw manifestError(file, "rootElement", "no <manifest> root");
  const metadata = (manifest.metadata ?? {}) as TNode;
  const schemaVersion = text(metadata.schemaversion);
  const organizations = (manifest.organizations ?? {}) as TNode;
  const orgs = list(organizations.organization);
  const defaultId = typeof organizations["@default"] === "string" ? organizations["@default"] : null;
  const organization = orgs.find((org) => org["@identifier"] === defaultId) ?? orgs[0];
  if (!organization) throw manifestError(file, "organizations", "no <organization> in <organizations>");
  const resources = list(((manifest.resources ?? {}) as TNode).resource);
  const is2004 =
    /2004|CAM 1\.3/i.test(schemaVersion ?? "") ||
    resources.some((resource) => "@scormType" in resource) ||
    JSON.stringify(manifest).includes("adlcp_v1p3");
  const tree = parseScormOrganization({
    organization,
    resources,
    files,
    is2004,
    sequencingCollection: manifest.sequencingCollection as TNode | undefined,
  });
  // The first SCO in flow order opens first (and names a one-SCO package, as before).
  const launch = listLaunchableItems(tree).find((item) => item.isSco);
  if (!launch?.launchPath)
    throw manifestError(file, "launchableItem", "no <item> refers to a resource of scormType sco");
  return {
    standard: is2004 ? "SCORM_2004" : "SCORM_12",
    manifestFile: file,
    title: (listLaunchableItems(tree).length > 1 ? tree.title : launch.title).slice(0, 200),
    launchPath: launch.launchPath,
    identifier: launch.id,
    masteryScore: launch.masteryScore,
    organization: tree,
    schemaVersion,
    aus: [],
    blocks: [],
  };
}

const MOVE_ON = new Set(["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"]);
/** cmi5 §8.1: the LMS adds these to the AU's URL, so the course structure may not (8.1.0.0-6). */
const LAUNCH_PARAMETERS = ["endpoint", "fetch", "actor", "registration", "activityId"];
/** cmi5 §3: identifiers are IRIs with a scheme (a bare "w3id.org/..." is a fragment, refused). */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

function cmi5Url(file: string, id: string, raw: string, files: Set<string>): string {
  const url = raw.trim();
  if (/\s/.test(url)) throw manifestError(file, "cmi5AuUrl", `au ${id}: the <url> ${url} is not a URL`);
  const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
  if (isAbsolute) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw manifestError(file, "cmi5AuUrl", `au ${id}: the <url> ${url} is not a URL`);
    }
    if (!/^https?:$/.test(parsed.protocol)) throw manifestError(file, "cmi5AuUrl", `au ${id}: ${url} is not http(s)`);
  } else {
    // A course structure alone (no zip) has no files: a relative URL then points nowhere (14.2.0.0-1).
    const resolved = resolveInPackage("", url);
    if (!resolved || !files.has(resolved)) throw manifestError(file, "cmi5AuUrl", `${url} is not in the package`);
  }
  const query = new URLSearchParams(url.includes("?") ? url.slice(url.indexOf("?") + 1).split("#")[0] : "");
  const conflict = LAUNCH_PARAMETERS.find((name) => query.has(name));
  if (conflict)
    throw manifestError(file, "cmi5AuUrl", `au ${id}: the <url> may not set the launch parameter ${conflict}`);
  return url;
}

function parseCmi5(xml: string, files: Set<string>): TParsedManifest {
  const file = "cmi5.xml";
  const structure = parseXml(file, xml).courseStructure as TNode | undefined;
  if (!structure || typeof structure !== "object")
    throw manifestError(file, "rootElement", "no <courseStructure> root");
  const course = structure.course as TNode | undefined;
  if (!course || typeof course["@id"] !== "string")
    throw manifestError(file, "cmi5Course", "<course> with an id is required");
  const seen = new Set<string>();
  const checkId = (kind: string, id: unknown): string => {
    if (typeof id !== "string" || !id) throw manifestError(file, "cmi5Au", `a <${kind}> has no id`);
    if (!IRI.test(id)) throw manifestError(file, "cmi5Iri", `${kind} id ${id} is not an IRI`);
    if (seen.has(id)) throw manifestError(file, "cmi5Duplicate", `${kind} id ${id} appears twice`);
    seen.add(id);
    return id;
  };
  checkId("course", course["@id"]);
  for (const objective of list(((structure.objectives ?? {}) as TNode).objective))
    checkId("objective", objective["@id"]);
  const aus: TCmi5Au[] = [];
  const blocks: TCmi5Block[] = [];
  const walk = (node: TNode, chain: number[]) => {
    for (const au of list(node.au)) {
      const id = checkId("au", au["@id"]);
      const rawUrl = text(au.url);
      if (!rawUrl) throw manifestError(file, "cmi5AuUrl", `au ${id} has no <url>`);
      const url = cmi5Url(file, id, rawUrl, files);
      for (const objective of list(((au.objectives ?? {}) as TNode).objective)) {
        const ref = objective["@idref"];
        if (typeof ref !== "string" || !IRI.test(ref))
          throw manifestError(file, "cmi5Iri", `au ${id}: objective ${String(ref)} is not an IRI`);
      }
      const moveOn = String(au["@moveOn"] ?? "NotApplicable");
      if (!MOVE_ON.has(moveOn)) throw manifestError(file, "cmi5MoveOn", `au ${id}: moveOn ${moveOn}`);
      const rawMastery = au["@masteryScore"];
      const masteryScore = rawMastery === undefined ? null : Number(rawMastery);
      if (masteryScore !== null && !(masteryScore >= 0 && masteryScore <= 1))
        throw manifestError(
          file,
          "masteryScore",
          `au ${id}: masteryScore ${String(rawMastery)} is not between 0 and 1`,
        );
      const launchMethod = au["@launchMethod"] ?? "AnyWindow";
      if (launchMethod !== "AnyWindow" && launchMethod !== "OwnWindow")
        throw manifestError(file, "cmi5Au", `au ${id}: launchMethod ${String(launchMethod)}`);
      aus.push({
        id,
        title: (text(au.title) ?? id).slice(0, 200),
        url,
        moveOn: moveOn as TCmi5Au["moveOn"],
        masteryScore,
        launchMethod,
        launchParameters: text(au.launchParameters),
        entitlementKey: text(au.entitlementKey),
        blocks: chain,
      });
    }
    for (const block of list(node.block)) {
      const id = checkId("block", block["@id"]);
      blocks.push({ id, title: (text(block.title) ?? id).slice(0, 200) });
      walk(block, [...chain, blocks.length - 1]);
    }
  };
  walk(structure, []);
  const first = aus[0];
  if (!first) throw manifestError(file, "cmi5Au", "the course has no <au>");
  return {
    standard: "CMI5",
    manifestFile: file,
    title: (text(course.title) ?? first.title).slice(0, 200),
    launchPath: first.url,
    identifier: course["@id"],
    masteryScore: first.masteryScore === null ? null : Math.round(first.masteryScore * 100),
    schemaVersion: null,
    aus,
    blocks,
  };
}

/** Which standard the package follows (from the manifest at its root) and what its manifest says. */
export function parsePackageManifest(options: {
  files: Set<string>;
  readManifest: (file: "imsmanifest.xml" | "cmi5.xml") => string;
}): TParsedManifest {
  if (options.files.has("cmi5.xml")) return parseCmi5(options.readManifest("cmi5.xml"), options.files);
  if (options.files.has("imsmanifest.xml")) return parseScorm(options.readManifest("imsmanifest.xml"), options.files);
  throw packageError("noManifest", "no imsmanifest.xml (SCORM) or cmi5.xml (cmi5) at the root of the package");
}
