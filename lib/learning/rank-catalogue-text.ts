import "server-only";
import { Prisma } from "../db/generated/client";
import { db } from "../db";

/**
 * The words of a catalogue query as a PostgreSQL prefix tsquery ("donnees rech" → "donnees:* & rech:*"):
 * letters and digits only, so nothing the person types can break the query syntax; null when no word
 * is left (punctuation only). A word of digits also matches its signed form: in a course's text
 * "INST-12345678" is parsed as the word "inst" and the number "-12345678", which "12345678:*" misses.
 */
export function toPrefixTsQuery(text: string): string | null {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const unique = [...new Set(words.map((word) => word.toLowerCase()))].slice(0, 12);
  const prefix = (word: string) => (/^[0-9]+$/.test(word) ? `(${word}:* | '-${word}':*)` : `${word}:*`);
  return unique.length === 0 ? null : unique.map(prefix).join(" & ");
}

/**
 * Course ids whose latest published version matches the text, best first. The match runs on
 * CourseVersion.searchDocument (French and English stemming with accents removed, see its
 * migration), so it ignores case, accents and French word forms; titles weigh more than summaries,
 * summaries more than objectives. Visibility is not decided here: callers AND these ids with
 * courseWhereForActor.
 */
export async function rankCoursesByText(text: string): Promise<Map<string, number>> {
  const query = toPrefixTsQuery(text);
  if (!query) return new Map();
  const rows = await db.$queryRaw<{ courseId: string; rank: number }[]>(Prisma.sql`
    WITH latest AS (
      SELECT DISTINCT ON ("courseId") "courseId", "searchDocument"
      FROM "CourseVersion" WHERE "status" = 'PUBLISHED'
      ORDER BY "courseId", "number" DESC
    ), q AS (
      SELECT to_tsquery('relais_french', ${query}) AS fr, to_tsquery('relais_english', ${query}) AS en
    )
    SELECT latest."courseId",
           greatest(ts_rank(latest."searchDocument", q.fr), ts_rank(latest."searchDocument", q.en))::float8 AS rank
    FROM latest, q
    WHERE latest."searchDocument" @@ q.fr OR latest."searchDocument" @@ q.en
    ORDER BY rank DESC, latest."courseId"`);
  return new Map(rows.map((row) => [row.courseId, row.rank]));
}
