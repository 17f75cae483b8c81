import { useApi, type Loaded } from '../../ui/use-api';

/**
 * A report request that may not be possible yet (no region for targets, an impossible range):
 * `load` null asks nothing and answers null, so the panel can say why instead of showing an api error.
 */
export function useReport<T>(load: (() => Promise<T>) | null, key: string): Loaded<T> | null {
  const state = useApi<T | null>(() => (load ? load() : Promise.resolve(null)), load ? key : '');
  if (!load) return null;
  // An earlier "nothing asked" answer is no report: the panel shows loading until the real one comes.
  return { ...state, data: state.data ?? undefined, replace: () => undefined };
}
