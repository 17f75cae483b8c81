/** A recorded change of the employer dated after a new one (see `dateChange`). */
export interface LaterChange {
  at: Date;
  /** The "entered prospect" row every employer starts with (`from` null, `to` prospect). */
  initial: boolean;
}

export interface ChangeDating {
  /** The date the new change is recorded at. */
  at: Date;
  /** Set when the initial prospect row moves back to this date first. */
  moveInitialTo: Date | null;
}

/**
 * Keeps an employer's history monotonic: along `seq`, `at` never decreases (docs/metrics.md). A fact
 * dated before the employer's latest change (a call logged for last year, a trajectory recorded out of
 * order, an import of history) either moves the initial prospect row back to its date, when that row
 * is the only later one (the employer evidently existed then), or is clamped to the latest change.
 */
export function dateChange(at: Date, later: readonly LaterChange[]): ChangeDating {
  if (later.length === 0) return { at, moveInitialTo: null };
  if (later.every((change) => change.initial)) return { at, moveInitialTo: at };
  const latest = Math.max(...later.map((change) => change.at.getTime()));
  return { at: new Date(latest), moveInitialTo: null };
}
