import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
  /** Shows a value the api just answered (e.g. the record a PATCH returned) without asking again. */
  replace(value: T | ((previous: T | undefined) => T | undefined)): void;
}

/**
 * Runs `load` when `key` changes and keeps the last answer while the next one loads, so a list
 * does not blank between pages. A late answer for an older key is dropped.
 */
export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason instanceof ApiError ? reason : new ApiError(0, String(reason)));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { data, error, loading, reload, replace: setData };
}
