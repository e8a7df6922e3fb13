import "server-only";
import { Prisma } from "../db/generated/client";
import { db } from "../db";

/**
 * The words of a catalogue query, lower-cased: letters and digits only, so nothing the person types
 * can break the query syntax; empty when no word is left (punctuation only).
 */
export function catalogueSearchWords(text: string): string[] {
  const words = text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.toLowerCase()))].slice(0, 12);
}

/**
 * Course ids whose latest published version matches the text, best first. The match runs on
 * CourseVersion.searchDocument (French and English stemming with accents removed, see its
 * migration), so it ignores case, accents and French word forms; titles weigh more than summaries,
 * summaries more than objectives. Visibility is not decided here: callers AND these ids with
 * courseWhereForActor.
 *
 * Each word must match as a prefix, either as the parser reads it alone (stemmed: "donnees" finds
 * "données") or verbatim: the parser reads a word by its context, so a code such as "9e480dcb"
 * typed alone becomes the number "9e480" followed by "dcb", while inside "INST-9e480dcb" the document
 * keeps "9e480dcb" whole; and "INST-12345678" keeps the signed number "-12345678". Stop words
 * ("de", "la") are left out, as the document leaves them out.
 */
export async function rankCoursesByText(text: string): Promise<Map<string, number>> {
  const words = catalogueSearchWords(text);
  if (words.length === 0) return new Map();
  const rows = await db.$queryRaw<{ courseId: string; rank: number }[]>(Prisma.sql`
    WITH terms AS (
      SELECT to_tsquery('relais_french', word || ':*')::text AS fr,
             to_tsquery('relais_english', word || ':*')::text AS en,
             CASE WHEN word ~ '^[0-9]+$' THEN format('%L:* | %L:*', word, '-' || word)
                  ELSE format('%L:*', word) END AS verbatim
      FROM unnest(${words}::text[]) AS word
    ), q AS (
      SELECT (SELECT string_agg(format('(%s | %s)', fr, verbatim), ' & ') FROM terms WHERE fr <> '')::tsquery AS fr,
             (SELECT string_agg(format('(%s | %s)', en, verbatim), ' & ') FROM terms WHERE en <> '')::tsquery AS en
    ), latest AS (
      SELECT DISTINCT ON ("courseId") "courseId", "searchDocument"
      FROM "CourseVersion" WHERE "status" = 'PUBLISHED'
      ORDER BY "courseId", "number" DESC
    )
    SELECT latest."courseId",
           greatest(coalesce(ts_rank(latest."searchDocument", q.fr), 0),
                    coalesce(ts_rank(latest."searchDocument", q.en), 0))::float8 AS rank
    FROM latest, q
    WHERE latest."searchDocument" @@ q.fr OR latest."searchDocument" @@ q.en
    ORDER BY rank DESC, latest."courseId"`);
  return new Map(rows.map((row) => [row.courseId, row.rank]));
}
