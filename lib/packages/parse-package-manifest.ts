// What Relais needs from a package's manifest, and the rules it must follow to be played:
// SCORM 1.2 and 2004 (imsmanifest.xml, IMS Content Packaging with ADL's extensions) and cmi5
// (cmi5.xml, the course structure of cmi5 §13). Pure: the files are given as a set of paths.
import { XMLParser, XMLValidator } from "fast-xml-parser";
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
};

type TNode = Record<string, unknown>;
const ARRAYS = new Set(["organization", "item", "resource", "file", "au", "block", "langstring"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

/** The predefined XML entities and character references (the parser expands none: no entity bombs). */
function decodeXml(value: string): string {
  return value.replace(/&(lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, name: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function text(value: unknown): string | null {
  if (typeof value === "string") return decodeXml(value.trim()) || null;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object") {
    const node = value as TNode;
    if ("#text" in node) return text(node["#text"]);
    if ("langstring" in node) return text(node.langstring);
  }
  return null;
}

function list(value: unknown): TNode[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is TNode => typeof item === "object" && item !== null,
  );
}

function parseXml(file: string, xml: string): TNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw manifestError(file, "xmlWellFormed", `line ${valid.err.line}: ${valid.err.msg}`);
  return parser.parse(xml) as TNode;
}

/** A relative path resolved against its base, refused when it leaves the package. */
function resolveInPackage(base: string, href: string): string | null {
  const [pathPart] = href.split(/[?#]/);
  const segments = `${base}${decodeURI(pathPart ?? "")}`.split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (!out.pop()) return null;
    } else out.push(segment);
  }
  return out.join("/");
}

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
  const scormTypeOf = (resource: TNode) => String(resource["@scormType"] ?? resource["@scormtype"] ?? "").toLowerCase();

  // The first item (depth first) whose resource is a SCO with an href: the one the player opens.
  const items: TNode[] = [];
  const walk = (node: TNode) => {
    for (const item of list(node.item)) {
      items.push(item);
      walk(item);
    }
  };
  walk(organization);
  let launch: { item: TNode; resource: TNode } | null = null;
  for (const item of items) {
    const resource = resources.find((candidate) => candidate["@identifier"] === item["@identifierref"]);
    if (resource && scormTypeOf(resource) === "sco") {
      launch = { item, resource };
      break;
    }
  }
  if (!launch) throw manifestError(file, "launchableItem", "no <item> refers to a resource of scormType sco");
  const href = typeof launch.resource["@href"] === "string" ? launch.resource["@href"] : "";
  if (!href)
    throw manifestError(file, "resourceHref", `resource ${String(launch.resource["@identifier"])} has no href`);
  const base = typeof launch.resource["@base"] === "string" ? launch.resource["@base"].replace(/\/?$/, "/") : "";
  const resolved = resolveInPackage(base, href);
  if (!resolved || !files.has(resolved)) throw manifestError(file, "launchFileExists", `${href} is not in the package`);
  const query = href.includes("?") ? href.slice(href.indexOf("?")) : "";

  let masteryScore: number | null = null;
  const rawMastery = text(launch.item.masteryscore);
  if (!is2004 && rawMastery !== null) {
    masteryScore = Number(rawMastery);
    if (!Number.isFinite(masteryScore) || masteryScore < 0 || masteryScore > 100)
      throw manifestError(file, "masteryScore", `adlcp:masteryscore ${rawMastery} is not between 0 and 100`);
  }
  if (is2004) {
    const objective = ((((launch.item.sequencing ?? {}) as TNode).objectives ?? {}) as TNode).primaryObjective as
      TNode | undefined;
    const measure = objective ? text(objective.minNormalizedMeasure) : null;
    if (objective?.["@satisfiedByMeasure"] === "true" && measure !== null) {
      const value = Number(measure);
      if (!Number.isFinite(value) || value < -1 || value > 1)
        throw manifestError(file, "masteryScore", `minNormalizedMeasure ${measure} is not between -1 and 1`);
      masteryScore = Math.round(value * 100);
    }
  }
  return {
    standard: is2004 ? "SCORM_2004" : "SCORM_12",
    manifestFile: file,
    title: (text(launch.item.title) ?? text(organization.title) ?? "SCORM").slice(0, 200),
    launchPath: `${resolved}${query}`,
    identifier: String(launch.item["@identifier"] ?? ""),
    masteryScore,
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
