import { useEffect, useState } from 'react';

/** `value`, but only once it has stopped changing for `delay` ms (a preview per pause, not per keystroke). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
