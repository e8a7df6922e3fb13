// The request URL as a boundary: every dynamic segment of every page and route handler is read
// from the path, so a path that cannot be decoded (`/verify/%E0%A4%A`, which Next.js itself
// answers with a 500 before any code of ours runs) or that decodes to NUL (`/api/reports/jobs/%00`)
// is refused here, once, for every route. Query strings are checked for NUL the same way.
import { findTextProblem, type TInputProblem } from "./find-input-problem";

export type TUrlProblem = { kind: "malformed-encoding" | TInputProblem["kind"]; part: "path" | "query" };

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The first problem of a URL's path (raw, percent-encoded) and query, or null. */
export function findUrlProblem(url: { pathname: string; search: string }): TUrlProblem | null {
  for (const segment of url.pathname.split("/")) {
    const decoded = decodeOrNull(segment);
    if (decoded === null) return { kind: "malformed-encoding", part: "path" };
    const kind = findTextProblem(decoded);
    if (kind) return { kind, part: "path" };
  }
  const query = url.search.startsWith("?") ? url.search.slice(1) : url.search;
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    // URLSearchParams decodes leniently (a bad escape stays as typed), so only what it yields matters.
    for (const [key, value] of new URLSearchParams(pair)) {
      const kind = findTextProblem(key) ?? findTextProblem(value);
      if (kind) return { kind, part: "query" };
    }
  }
  return null;
}
