// Lessons are stored as tiptap JSON written by trainers in the browser, i.e. untrusted input.
// This renderer is the only way they become HTML: an allowlist of node types, marks and
// attributes, every text and attribute escaped, links limited to http(s)/mailto/same-site paths
// and media to http(s)/same-site paths. Anything else is dropped (its text kept where it has any).

type TNode = { type?: unknown; attrs?: unknown; content?: unknown; text?: unknown; marks?: unknown };

/** Deepest nesting of nodes rendered; deeper ones are dropped (and refused on save, draft-schema.ts). */
export const MAX_LESSON_DEPTH = 40;
const CALLOUT_TONES = new Set(["info", "warning", "success"]);

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function attr(node: TNode, name: string): unknown {
  return typeof node.attrs === "object" && node.attrs !== null
    ? (node.attrs as Record<string, unknown>)[name]
    : undefined;
}

function stringAttr(node: TNode, name: string): string | null {
  const value = attr(node, name);
  return typeof value === "string" ? value : null;
}

function intAttr(node: TNode, name: string, min: number, max: number): number | null {
  const value = Number(attr(node, name));
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * A URL is safe when it is a same-site path ("/..." but not "//host" or "/\host", which browsers
 * treat as another host) or an absolute URL whose scheme is in the allowlist. Parsing with URL
 * normalises the tricks (" javascript:", "java\tscript:", upper case) before the check.
 */
export function safeUrl(raw: unknown, schemes: readonly string[]): string | null {
  if (typeof raw !== "string") return null;
  const value = raw.replace(/[\u0000-\u001f\u007f\s]/g, "");
  if (value.length === 0 || value.length > 2048) return null;
  if (value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return schemes.includes(url.protocol) ? url.href : null;
}

const LINK_SCHEMES = ["http:", "https:", "mailto:"] as const;
const MEDIA_SCHEMES = ["http:", "https:"] as const;

function renderText(node: TNode): string {
  let html = escapeHtml(typeof node.text === "string" ? node.text : "");
  const marks = Array.isArray(node.marks) ? (node.marks as TNode[]) : [];
  for (const mark of marks) {
    switch (mark.type) {
      case "bold":
        html = `<strong>${html}</strong>`;
        break;
      case "italic":
        html = `<em>${html}</em>`;
        break;
      case "underline":
        html = `<u>${html}</u>`;
        break;
      case "strike":
        html = `<s>${html}</s>`;
        break;
      case "code":
        html = `<code>${html}</code>`;
        break;
      case "link": {
        const href = safeUrl(attr(mark, "href"), LINK_SCHEMES);
        // An unsafe link keeps its text, without the link.
        if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
        break;
      }
      default:
        break;
    }
  }
  return html;
}

function renderChildren(node: TNode, depth: number): string {
  if (!Array.isArray(node.content)) return "";
  return (node.content as TNode[]).map((child) => renderNode(child, depth + 1)).join("");
}

function renderNode(node: TNode, depth: number): string {
  if (typeof node !== "object" || node === null || depth > MAX_LESSON_DEPTH) return "";
  const children = () => renderChildren(node, depth);
  switch (node.type) {
    case "doc":
      return children();
    case "text":
      return renderText(node);
    case "paragraph":
      return `<p>${children()}</p>`;
    case "heading": {
      // The page has its h1 (course) and h2 (activity): lesson headings start at h3.
      const level = Math.min(6, (intAttr(node, "level", 1, 6) ?? 2) + 1);
      return `<h${level}>${children()}</h${level}>`;
    }
    case "bulletList":
      return `<ul>${children()}</ul>`;
    case "orderedList": {
      const start = intAttr(node, "start", 0, 10_000);
      return start !== null && start !== 1 ? `<ol start="${start}">${children()}</ol>` : `<ol>${children()}</ol>`;
    }
    case "listItem":
      return `<li>${children()}</li>`;
    case "blockquote":
      return `<blockquote>${children()}</blockquote>`;
    case "codeBlock":
      return `<pre><code>${children()}</code></pre>`;
    case "hardBreak":
      return "<br>";
    case "horizontalRule":
      return "<hr>";
    case "callout": {
      const tone = stringAttr(node, "tone");
      return `<aside class="callout callout-${tone && CALLOUT_TONES.has(tone) ? tone : "info"}" role="note">${children()}</aside>`;
    }
    case "image": {
      const src = safeUrl(attr(node, "src"), MEDIA_SCHEMES);
      if (!src) return "";
      const alt = stringAttr(node, "alt") ?? "";
      return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy">`;
    }
    case "video": {
      const src = safeUrl(attr(node, "src"), MEDIA_SCHEMES);
      if (!src) return "";
      const title = stringAttr(node, "title") ?? "";
      const poster = safeUrl(attr(node, "poster"), MEDIA_SCHEMES);
      return `<video controls preload="metadata" src="${escapeHtml(src)}"${poster ? ` poster="${escapeHtml(poster)}"` : ""} title="${escapeHtml(title)}"></video>`;
    }
    case "table":
      return `<table><tbody>${children()}</tbody></table>`;
    case "tableRow":
      return `<tr>${children()}</tr>`;
    case "tableHeader":
    case "tableCell": {
      const tag = node.type === "tableHeader" ? "th" : "td";
      const colspan = intAttr(node, "colspan", 2, 50);
      const rowspan = intAttr(node, "rowspan", 2, 50);
      const spans = `${colspan ? ` colspan="${colspan}"` : ""}${rowspan ? ` rowspan="${rowspan}"` : ""}`;
      return `<${tag}${spans}>${children()}</${tag}>`;
    }
    default:
      // Unknown node (including "script", "iframe", raw "html"): drop the element, keep nested text.
      return children();
  }
}

/** Renders a lesson's tiptap JSON to HTML that is safe to insert into the page as is. */
export function renderLessonHtml(doc: unknown): string {
  return renderNode(doc as TNode, 0);
}
