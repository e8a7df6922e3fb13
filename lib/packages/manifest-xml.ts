// The XML reading shared by the manifest parsers: no entity expansion (no entity bombs), the
// elements that may repeat always as arrays, paths resolved inside the package or refused.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { manifestError } from "./package-error";

export type TNode = Record<string, unknown>;
const ARRAYS = new Set([
  "organization",
  "item",
  "resource",
  "file",
  "au",
  "block",
  "langstring",
  "rollupRule",
  "rollupCondition",
]);
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

export function text(value: unknown): string | null {
  if (typeof value === "string") return decodeXml(value.trim()) || null;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === "object") {
    const node = value as TNode;
    if ("#text" in node) return text(node["#text"]);
    if ("langstring" in node) return text(node.langstring);
  }
  return null;
}

export function list(value: unknown): TNode[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is TNode => typeof item === "object" && item !== null,
  );
}

export function parseXml(file: string, xml: string): TNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw manifestError(file, "xmlWellFormed", `line ${valid.err.line}: ${valid.err.msg}`);
  return parser.parse(xml) as TNode;
}

/** A relative path resolved against its base, refused when it leaves the package. */
export function resolveInPackage(base: string, href: string): string | null {
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
