// HTTP Range requests (RFC 9110 §14) for video streaming: a single byte range is enough for
// <video> elements; multi-range requests are answered with the whole file (allowed by the RFC).

export type TByteRange = { start: number; end: number };

/** The range to send for a file of `size` bytes: null means "send everything" (200), "unsatisfiable" means 416. */
export function parseRangeHeader(header: string | null, size: number): TByteRange | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, rawStart, rawEnd] = match;
  if (rawStart === "" && rawEnd === "") return null;
  if (rawStart === "") {
    // Suffix range: the last N bytes.
    const length = Number(rawEnd);
    if (length === 0) return "unsatisfiable";
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(rawStart);
  if (start >= size) return "unsatisfiable";
  const end = rawEnd === "" ? size - 1 : Math.min(Number(rawEnd), size - 1);
  if (end < start) return null;
  return { start, end };
}
