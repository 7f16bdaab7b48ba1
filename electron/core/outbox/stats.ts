// Backlog per lane for fleet views (relay heartbeats): how many messages wait, and how old the
// oldest is. A message being sent is backlog until its receiver answered; a replayed one waits
// from its replay, as health counts it (queries.ts `waitingSince`).
import type { Db } from '../db/connection.js';
import { waitingSince } from './queries.js';

export interface LaneBacklog {
  lane: string;
  depth: number;
  oldestAgeMs: number;
}

export function laneBacklog(db: Db, now: number): LaneBacklog[] {
  const rows = db
    .prepare(
      `SELECT lane, COUNT(*) AS depth, MIN(${waitingSince()}) AS oldest FROM outbox
        WHERE state IN ('pending','sending') GROUP BY lane ORDER BY lane`,
    )
    .all() as { lane: string; depth: number; oldest: number }[];
  return rows.map((r) => ({
    lane: r.lane,
    depth: r.depth,
    oldestAgeMs: Math.max(0, now - r.oldest),
  }));
}
