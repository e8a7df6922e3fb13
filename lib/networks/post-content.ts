// A post's body arrives as tiptap JSON from the browser: untrusted. It is rebuilt here from an
// allowlist (the text subset of the lessons' allowlist: no image, video or table in a post),
// NUL and other control characters removed (PostgreSQL's jsonb refuses \u0000), depth and size
// bounded, and refused when empty or too long. What is stored is then rendered by the lessons'
// renderer (lib/learning/render-lesson-html.ts), which escapes and checks links again.
import { safeUrl } from "../learning/render-lesson-html";
import { networkError } from "./network-errors";

export const MAX_POST_JSON_CHARS = 200_000;
export const MAX_POST_TEXT_CHARS = 20_000;
/** Lists within lists within quotes: a real post stays far below; a hostile one is refused, not recursed into. */
export const MAX_POST_DEPTH = 16;

type TNode = { type?: unknown; attrs?: unknown; content?: unknown; text?: unknown; marks?: unknown };
export type TPostDoc = { type: "doc"; content: TCleanNode[] };
type TCleanNode = {
  type: string;
  attrs?: Record<string, string | number>;
  content?: TCleanNode[];
  text?: string;
  marks?: { type: string; attrs?: { href: string } }[];
};

const BLOCKS = new Set([
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "codeBlock",
  "hardBreak",
  "horizontalRule",
]);
const MARKS = new Set(["bold", "italic", "underline", "strike", "code", "link"]);
const LINK_SCHEMES = ["http:", "https:", "mailto:"];
// Control characters except tab and newline; lone surrogates (invalid UTF-16) too.
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL, "");
}

function cleanMarks(marks: unknown): TCleanNode["marks"] {
  if (!Array.isArray(marks)) return undefined;
  const kept: NonNullable<TCleanNode["marks"]> = [];
  for (const mark of marks as TNode[]) {
    if (typeof mark?.type !== "string" || !MARKS.has(mark.type)) continue;
    if (mark.type === "link") {
      const href = safeUrl((mark.attrs as { href?: unknown } | undefined)?.href, LINK_SCHEMES);
      if (href) kept.push({ type: "link", attrs: { href } });
    } else kept.push({ type: mark.type });
  }
  return kept.length ? kept : undefined;
}

function cleanNode(node: TNode, depth: number, out: { text: string[] }): TCleanNode[] {
  if (typeof node !== "object" || node === null) return [];
  if (depth > MAX_POST_DEPTH) throw networkError("INVALID", "postTooDeep");
  if (node.type === "text") {
    const text = typeof node.text === "string" ? cleanText(node.text) : "";
    if (!text) return [];
    out.text.push(text);
    const marks = cleanMarks(node.marks);
    return [marks ? { type: "text", text, marks } : { type: "text", text }];
  }
  const children = Array.isArray(node.content)
    ? (node.content as TNode[]).flatMap((child) => cleanNode(child, depth + 1, out))
    : [];
  if (typeof node.type !== "string" || !BLOCKS.has(node.type)) return children; // unknown: keep its text only
  if (node.type === "hardBreak" || node.type === "horizontalRule") {
    out.text.push("\n");
    return [{ type: node.type }];
  }
  out.text.push("\n");
  const clean: TCleanNode = { type: node.type, content: children };
  if (node.type === "heading") {
    const level = Number((node.attrs as { level?: unknown } | undefined)?.level);
    clean.attrs = { level: level === 3 ? 3 : 2 };
  }
  return [clean];
}

export type TPostContent = { doc: TPostDoc; text: string; mentions: string[] };

/**
 * Parses and rebuilds a post body (JSON text of a tiptap document). Refusals: malformed, too
 * large, too deeply nested, empty, text too long — each with its own message.
 */
export function parsePostContent(raw: string): TPostContent {
  if (raw.length > MAX_POST_JSON_CHARS)
    throw networkError("PAYLOAD_TOO_LARGE", "postTooLong", { max: MAX_POST_TEXT_CHARS });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw networkError("INVALID", "postMalformed");
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as TNode).type !== "doc")
    throw networkError("INVALID", "postMalformed");
  const out = { text: [] as string[] };
  const content = Array.isArray((parsed as TNode).content)
    ? ((parsed as TNode).content as TNode[]).flatMap((child) => cleanNode(child, 1, out))
    : [];
  const text = out.text
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (!text) throw networkError("INVALID", "postEmpty");
  if (text.length > MAX_POST_TEXT_CHARS)
    throw networkError("PAYLOAD_TOO_LARGE", "postTooLong", { max: MAX_POST_TEXT_CHARS });
  return { doc: { type: "doc", content }, text, mentions: findMentions(text) };
}

/** Plain text typed without the editor (no JavaScript): one paragraph per line. */
export function postDocFromPlainText(value: string): string {
  const paragraphs = cleanText(value)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
  return JSON.stringify({ type: "doc", content: paragraphs });
}

/** @handles mentioned in a text (handles: lower-case letters, digits, dots, hyphens; see network profiles). */
export function findMentions(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/(?:^|[^\w@.])@([a-z0-9][a-z0-9.-]{1,38}[a-z0-9])/g))
    handles.add(match[1]!);
  return [...handles].slice(0, 20);
}
