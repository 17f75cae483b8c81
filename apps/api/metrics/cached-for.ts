import type { Clock } from '@app/core';

/**
 * `load` behind a cache of `ttlMs` (by the clock): callers within that time share one result, and
 * callers while a load runs share that load. A failed load is not kept, so the next call tries again.
 */
export function cachedFor<T>(load: () => Promise<T>, ttlMs: number, clock: Clock): () => Promise<T> {
  let current: { value: Promise<T>; until: number } | undefined;
  return () => {
    const now = clock.now().getTime();
    if (current && current.until > now) return current.value;
    const value = load();
    const entry = { value, until: now + ttlMs };
    current = entry;
    value.catch(() => {
      if (current === entry) current = undefined;
    });
    return value;
  };
}
