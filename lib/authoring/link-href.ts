// Links a trainer writes into a lesson: http(s) and mailto only. The link dialog checks with this
// before inserting, the draft schema refuses anything else on save (a forged PUT included), and the
// renderer drops what slips through (lib/learning/render-lesson-html.ts): three locks, one rule.
const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * The href to store, or null when the address is not an http(s)/mailto URL. Control characters and
 * spaces are removed first (" java\tscript:" is still javascript:); "www.example.fr" gets https://.
 */
export function toLinkHref(raw: string): string | null {
  const value = raw.replace(/[\u0000-\u001f\u007f\s]/g, "");
  if (value.length === 0 || value.length > 2048) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^www\./i.test(value) ? `https://${value}` : value;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== "mailto:" && !url.hostname) return null;
  if (url.protocol === "mailto:" && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname))) return null;
  return url.href;
}

type TNode = { marks?: unknown; content?: unknown };

/** Paths of link marks whose href is not an http(s)/mailto URL, in a tiptap document. */
export function findUnsafeLinks(node: unknown, path = "content"): string[] {
  if (typeof node !== "object" || node === null) return [];
  const { marks, content } = node as TNode;
  const here = Array.isArray(marks)
    ? marks.some((mark: unknown) => {
        if (typeof mark !== "object" || mark === null || (mark as { type?: unknown }).type !== "link") return false;
        const href = (mark as { attrs?: { href?: unknown } }).attrs?.href;
        return typeof href !== "string" || toLinkHref(href) === null;
      })
      ? [path]
      : []
    : [];
  const children = Array.isArray(content)
    ? content.flatMap((child, index) => findUnsafeLinks(child, `${path}.content[${index}]`))
    : [];
  return [...here, ...children];
}
