import { useEffect, useRef } from 'react';

/**
 * Moves focus to the returned element whenever `trigger` changes (not on the first render), so
 * keyboard and screen-reader users land somewhere sensible after an action (WCAG 2.4.3) instead of
 * on the body when the control they used disappears.
 */
export function useFocusOnChange<T extends HTMLElement>(trigger: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
  }, [trigger]);
  return ref;
}
