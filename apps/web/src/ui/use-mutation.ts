import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Mutation<A extends unknown[]> {
  /** Runs the action unless one is still running; resolves true when it succeeded. */
  run(...args: A): Promise<boolean>;
  /** True while the action runs: the submit button is disabled, so a double click posts once. */
  pending: boolean;
  /** The failure of the last run, cleared when the next one starts. */
  error: ApiError | null;
  reset(): void;
}

/**
 * One way for every form to send a change: busy state, error state and no second request while the
 * first is on its way (a ref, because two clicks can land before React re-renders the button).
 */
export function useMutation<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Mutation<A> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;

  const run = useCallback(async (...args: A) => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await actionRef.current(...args);
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
      return false;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
