/**
 * Splits a batch into rounds so that no round holds the same key twice: the n-th row of a key goes
 * into round n. Set-based SQL can then apply a round at once (an export has one row per contact,
 * so one employer often fills several rows) while rows of one key still apply in file order.
 */
export function assignRounds<T>(rows: readonly T[], key: (row: T) => string): { row: T; round: number }[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const k = key(row);
    const round = seen.get(k) ?? 0;
    seen.set(k, round + 1);
    return { row, round };
  });
}
