import { useEffect, useState } from 'react';
import { navigate } from '../router';

const PARAM = 'opgeslagen';

/** The address of a record just created, marked so its screen can say it was saved (`?opgeslagen=1`). */
export function savedAddress(path: string): string {
  return `${path}?${PARAM}=1`;
}

/**
 * True when the screen was opened with `?opgeslagen=1` (see `savedAddress`). The mark is read once
 * and taken off the address at once, so a reload or a link shared later does not say it again.
 */
export function useJustSaved(): boolean {
  const [saved] = useState(() => new URLSearchParams(window.location.search).get(PARAM) === '1');
  useEffect(() => {
    const search = new URLSearchParams(window.location.search);
    if (!search.has(PARAM)) return;
    search.delete(PARAM);
    const rest = search.toString();
    navigate(`${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`, { replace: true });
  }, []);
  return saved;
}
