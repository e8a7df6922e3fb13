import "server-only";
import { z } from "zod";
import { db, Prisma } from "../db";
import type { TActor } from "../auth/permissions";
import { readableNetworkSql } from "./network-access";
import { cleanText } from "./post-content";

export const SEARCH_RESULTS_PER_PAGE = 20;
/**
 * At most this many matching posts, and as many matching titles, are ranked (the first the GIN
 * index or, for a word in most posts, the table scan yields): ranking every match of a common word
 * costs seconds at a million posts, while a rare word has fewer matches than this and is ranked whole.
 */
export const SEARCH_CANDIDATES = 1000;
export const ZSearchQuery = z.object({
  q: z.string().transform(cleanText).pipe(z.string().trim().max(200)).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(50).optional().catch(undefined),
});

// Highlight markers: control characters, which stored text never contains (post-content.ts removes them).
const START = "\u0001";
const STOP = "\u0002";

export type TSearchHit = {
  threadId: string;
  title: string;
  networkSlug: string;
  networkName: string;
  rank: number;
  lastPostAt: Date;
  /** The best matching post's passage, split into plain and matched parts (the page escapes them). */
  excerpt: { text: string; isMatch: boolean }[];
};

function splitHighlight(headline: string): TSearchHit["excerpt"] {
  const parts: TSearchHit["excerpt"] = [];
  for (const chunk of headline.split(START)) {
    const [match, rest] = chunk.includes(STOP) ? chunk.split(STOP, 2) : [null, chunk];
    if (match) parts.push({ text: match, isMatch: true });
    if (rest) parts.push({ text: rest, isMatch: false });
  }
  return parts;
}

/**
 * French full-text search over the threads the actor may read (network-access.ts, in SQL):
 * titles (weight A, counted double) and visible posts, both through the generated tsvector
 * columns and their GIN indexes (configuration relais_french: french stemming after unaccent),
 * ranked by ts_rank among a bounded candidate set (SEARCH_CANDIDATES), best first; a passage of
 * the best post, highlighted, for each thread. The query is written out in each candidate scan
 * (not read from the CTE) so that the planner sees its words and estimates their frequency.
 */
export async function searchThreads(actor: TActor, input: { q?: string; page?: number }): Promise<TSearchHit[]> {
  const text = input.q?.trim() ?? "";
  if (text.length < 2) return [];
  const offset = ((input.page ?? 1) - 1) * SEARCH_RESULTS_PER_PAGE;
  const readable = readableNetworkSql(actor);
  const rows = await db.$queryRaw<
    {
      threadId: string;
      title: string;
      networkSlug: string;
      networkName: string;
      rank: number;
      lastPostAt: Date;
      headline: string | null;
    }[]
  >(Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('relais_french', ${text}) AS query),
    post_candidates AS (
      SELECT p."threadId", p.id AS "postId", p."searchVector"
      FROM "NetworkPost" p JOIN "Network" n ON n.id = p."networkId"
      WHERE p."searchVector" @@ websearch_to_tsquery('relais_french', ${text}) AND NOT p."isHidden" AND ${readable}
      LIMIT ${SEARCH_CANDIDATES}
    ),
    title_candidates AS (
      SELECT t.id AS "threadId", t."searchVector"
      FROM "NetworkThread" t JOIN "Network" n ON n.id = t."networkId"
      WHERE t."searchVector" @@ websearch_to_tsquery('relais_french', ${text}) AND NOT t."isHidden" AND ${readable}
      LIMIT ${SEARCH_CANDIDATES}
    ),
    hits AS (
      SELECT c."threadId", c."postId", ts_rank(c."searchVector", q.query) AS rank FROM q, post_candidates c
      UNION ALL
      SELECT c."threadId", NULL, 2 * ts_rank(c."searchVector", q.query) FROM q, title_candidates c
    ),
    best AS (
      SELECT h."threadId", max(h.rank) AS rank,
             (array_agg(h."postId" ORDER BY h.rank DESC) FILTER (WHERE h."postId" IS NOT NULL))[1] AS "postId"
      FROM hits h GROUP BY h."threadId"
    ),
    page AS (
      SELECT b.*, t.title, t."lastPostAt", n.slug AS "networkSlug", n.name AS "networkName"
      FROM best b JOIN "NetworkThread" t ON t.id = b."threadId" JOIN "Network" n ON n.id = t."networkId"
      WHERE NOT t."isHidden"
      ORDER BY b.rank DESC, t."lastPostAt" DESC, t.id
      LIMIT ${SEARCH_RESULTS_PER_PAGE} OFFSET ${offset}
    )
    SELECT page."threadId", page.title, page."networkSlug", page."networkName", page.rank::float8 AS rank,
           page."lastPostAt",
           ts_headline('relais_french', p."bodyText", q.query,
             ${`StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=10, MaxFragments=1`}) AS headline
    FROM page CROSS JOIN q LEFT JOIN "NetworkPost" p ON p.id = page."postId"
    ORDER BY page.rank DESC, page."lastPostAt" DESC, page."threadId"`);
  return rows.map((row) => ({
    threadId: row.threadId,
    title: row.title,
    networkSlug: row.networkSlug,
    networkName: row.networkName,
    rank: row.rank,
    lastPostAt: row.lastPostAt,
    excerpt: row.headline ? splitHighlight(row.headline) : [],
  }));
}
