// The shared guard of every boundary (server actions, route handlers, route parameters, the LRS):
// values PostgreSQL cannot store or that would overflow a recursive reader are refused before any
// use case runs, so a hostile input gets a 400 and nothing is written. PostgreSQL refuses U+0000
// in text and jsonb (22021 / 22P05) and unpaired UTF-16 surrogates in jsonb; a 20,000-level JSON
// document overflows the stack of every recursive walker (zod, renderers, JSON.stringify).

/**
 * Deeper than any form, draft or statement Relais reads: a lesson renders at most 40 nested nodes
 * (lib/learning/render-lesson-html.ts), two JSON levels each (the node and its content array),
 * inside a draft's half a dozen levels; far below what overflows a recursive reader (thousands).
 */
export const MAX_INPUT_DEPTH = 128;

export type TInputProblem = { kind: "nul" | "surrogate" | "too-deep"; path: string };

// A lone high surrogate (not followed by a low one) or a lone low surrogate (not preceded by a high one).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The problem of one string, if any. */
export function findTextProblem(text: string): TInputProblem["kind"] | null {
  if (text.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(text)) return "surrogate";
  return null;
}

function childrenOf(value: unknown): [string, unknown][] | null {
  if (typeof FormData !== "undefined" && value instanceof FormData) {
    // A File's name is text the app may store; its bytes are the upload's business.
    return [...value.entries()].map(([key, entry]) => [key, typeof entry === "string" ? entry : entry.name]);
  }
  if (typeof Blob !== "undefined" && value instanceof Blob) return null;
  if (value instanceof Date) return null;
  if (Array.isArray(value)) return value.map((entry, index) => [String(index), entry]);
  if (value instanceof Map) return [...value.entries()].map(([key, entry]) => [String(key), entry]);
  if (typeof value === "object" && value !== null) return Object.entries(value);
  return null;
}

/**
 * The first problem found in a value (strings, keys, arrays, plain objects, FormData), walked
 * iteratively so that the guard itself cannot overflow; null when the value is safe to store.
 */
export function findInputProblem(value: unknown, options: { maxDepth?: number } = {}): TInputProblem | null {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === "string") {
      const kind = findTextProblem(current);
      if (kind) return { kind, path };
      continue;
    }
    const children = childrenOf(current);
    if (!children) continue;
    if (depth >= maxDepth) return { kind: "too-deep", path };
    for (const [key, child] of children) {
      const childPath = path ? `${path}.${key}` : key;
      const keyProblem = findTextProblem(key);
      if (keyProblem) return { kind: keyProblem, path: childPath };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * JSON.parse with a nesting bound checked on the text first (one pass, no recursion), so that a
 * document nested 20,000 levels deep is refused before any recursive reader sees it. Returns
 * `{ ok: false }` for invalid JSON as well as for a too-deep or unstorable document.
 */
export function parseBoundedJson(
  text: string,
  options: { maxDepth?: number } = {},
): { ok: true; value: unknown } | { ok: false; problem: TInputProblem | { kind: "syntax"; path: string } } {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  let depth = 0;
  let isInString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (isInString) {
      if (char === 0x5c) index += 1;
      else if (char === 0x22) isInString = false;
    } else if (char === 0x22) isInString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > maxDepth) return { ok: false, problem: { kind: "too-deep", path: "" } };
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: "syntax", path: "" } };
  }
  const problem = findInputProblem(value, { maxDepth });
  return problem ? { ok: false, problem } : { ok: true, value };
}

/**
 * The problem of a route parameter, or null. Next.js hands parameters over percent-decoded, but a
 * segment it could not decode (`%E0%A4%A`) would arrive raw: NUL, lone surrogates and leftover
 * malformed escapes are refused, so no lookup ever runs with them.
 */
export function findRouteParamProblem(value: string): TInputProblem["kind"] | "malformed" | null {
  return findTextProblem(value) ?? (/%(?![0-9A-Fa-f]{2})/.test(value) ? "malformed" : null);
}
