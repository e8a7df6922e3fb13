import "server-only";
// Paging that never skips a statement committed out of `seq` order.
//
// `seq` comes from a sequence: a batch may take seq 10 and commit after a batch that took seq 11.
// A reader that saw 11 and handed out a cursor "after 11" would never return 10. So every
// statement query reads only up to a *horizon* H below which nothing is still in flight:
// - each storing transaction first publishes, in its own application_name (which PostgreSQL
//   shows in pg_stat_activity at once and resets when the transaction ends, after its commit
//   became visible), the sequence value and the clock *before* it takes any seq or stamps
//   `stored` ("relais-lrs-store:<floor seq>:<floor ms>");
// - a reader reads the sequence's last value L and the clock first, then the floors of the
//   writers in flight: H = min(L, floors), and X-Experience-API-Consistent-Through =
//   min(clock, floor clocks). A writer not yet visible then takes seqs above L and a later
//   `stored`; a visible one takes seqs above its floor. H only grows, so a cursor below H
//   always finds every row between it and the next horizon.
import type { TTransaction } from "../db";
import { db } from "../db";

const WRITER_LABEL = "relais-lrs-store";

/** In a storing transaction, before its INSERT: publishes its floor and returns its `stored` (ms precision). */
export async function beginStatementWrite(tx: TTransaction): Promise<string> {
  // Nested subqueries with volatile functions are not flattened: floor first, then the label, then the stamp.
  const [row] = await tx.$queryRawUnsafe<{ stored: Date }[]>(`
    SELECT date_trunc('milliseconds', clock_timestamp()) AS stored FROM (
      SELECT set_config('application_name', '${WRITER_LABEL}:' || s.floor || ':' || s.at, true) AS label FROM (
        SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS floor,
               floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS at
        FROM "XapiStatement_seq_seq") s) b
    WHERE b.label IS NOT NULL`);
  return row!.stored.toISOString();
}

export type TStatementHorizon = { seq: bigint; consistentThrough: Date };

/** The highest seq with nothing in flight below it, and the matching Consistent-Through time. */
export async function readStatementHorizon(): Promise<TStatementHorizon> {
  // LATERAL on h.floor: pg_stat_activity is read after the sequence and the clock.
  const [row] = await db.$queryRawUnsafe<
    { floor: bigint; at: bigint; minFloor: bigint | null; minAt: bigint | null }[]
  >(`
    SELECT h.floor, h.at, w."minFloor", w."minAt" FROM (
      SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS floor,
             floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS at
      FROM "XapiStatement_seq_seq") h,
    LATERAL (
      SELECT min(split_part(application_name, ':', 2)::bigint) AS "minFloor", min(split_part(application_name, ':', 3)::bigint) AS "minAt"
      FROM pg_stat_activity WHERE h.floor IS NOT NULL AND application_name LIKE '${WRITER_LABEL}:%' AND pid <> pg_backend_pid()) w`);
  const { floor, at, minFloor, minAt } = row!;
  const seq = minFloor !== null && minFloor < floor ? minFloor : floor;
  const time = minAt !== null && minAt < at ? minAt : at;
  // Minus 1 ms: a writer may stamp `stored` in that very millisecond (Consistent-Through means
  // "at or before this time, everything is available").
  return { seq, consistentThrough: new Date(Number(time) - 1) };
}

let recentHorizon: { readAt: number; horizon: Promise<TStatementHorizon> } | null = null;

/**
 * A horizon read at most `maxAgeMs` ago, shared by concurrent callers. An older horizon is still
 * true (everything up to an earlier instant is available), only less informative: error answers
 * use it, so a flood of refused requests (401, 429) costs no pg_stat_activity scan each.
 */
export function readRecentStatementHorizon(maxAgeMs = 1000): Promise<TStatementHorizon> {
  const now = Date.now();
  if (recentHorizon && now - recentHorizon.readAt < maxAgeMs) return recentHorizon.horizon;
  const horizon = readStatementHorizon();
  recentHorizon = { readAt: now, horizon };
  horizon.catch(() => {
    if (recentHorizon?.horizon === horizon) recentHorizon = null;
  });
  return horizon;
}
