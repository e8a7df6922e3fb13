// The lexical rules of xAPI 1.0.3 (part two, §4 and appendices): IRIs, UUIDs, language tags,
// ISO 8601 timestamps and durations, mbox and sha1 sums. Pure functions, no I/O.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

// An absolute IRI: a scheme, a colon, then no whitespace (RFC 3987 allows non-ASCII characters).
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
export function isIri(value: unknown): value is string {
  return typeof value === "string" && IRI.test(value);
}

const MBOX = /^mailto:[^@\s:/]+@[^@\s]+$/i;
export function isMbox(value: unknown): value is string {
  return typeof value === "string" && MBOX.test(value);
}

const SHA1 = /^[0-9a-f]{40}$/i;
export function isSha1(value: unknown): value is string {
  return typeof value === "string" && SHA1.test(value);
}

// RFC 5646 language tag (langtag and private use; the grandfathered tags are not used in xAPI).
const LANGUAGE_TAG =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?|x(?:-[a-z0-9]{1,8})+)$/i;
export function isLanguageTag(value: unknown): value is string {
  return typeof value === "string" && LANGUAGE_TAG.test(value);
}

// ISO 8601 combined date and time. xAPI forbids the "-00:00" style offsets (§4.5: an offset of
// zero must be written Z or +00:00), so they are refused.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
export function parseTimestamp(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const match = TIMESTAMP.exec(value);
  if (!match) return null;
  const offset = match[8];
  if (offset && /^-00(:?00)?$/.test(offset)) return null;
  const [, , month, day, hour, minute] = match.map(Number) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59 || Number(match[6] ?? 0) > 60)
    return null;
  let normalized = value.replace(",", ".");
  if (!offset) normalized += "Z";
  else if (/^[+-]\d{2}$/.test(offset)) normalized += ":00";
  else if (/^[+-]\d{4}$/.test(offset)) normalized = normalized.slice(0, -2) + ":" + normalized.slice(-2);
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? null : date;
}

// ISO 8601 duration (PnYnMnDTnHnMnS, or PnW alone); only the last component may be fractional.
const DURATION =
  /^P(?!$)(?:\d+(?:[.,]\d+)?Y)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?D)?(?:T(?=\d)(?:\d+(?:[.,]\d+)?H)?(?:\d+(?:[.,]\d+)?M)?(?:\d+(?:[.,]\d+)?S)?)?$|^P\d+(?:[.,]\d+)?W$/;
export function isDuration(value: unknown): value is string {
  return typeof value === "string" && DURATION.test(value);
}

/** xAPI versions this LRS accepts in X-Experience-API-Version and in statement.version. */
export function isSupportedVersion(value: unknown): value is string {
  return typeof value === "string" && (/^1\.0(\.\d+)?$/.test(value) || value === "2.0.0");
}
