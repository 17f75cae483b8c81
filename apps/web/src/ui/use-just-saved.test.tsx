import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { savedAddress, useJustSaved } from './use-just-saved';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('useJustSaved', () => {
  it('should say "saved" once for an address marked by savedAddress and take the mark off the address', () => {
    window.history.replaceState(null, '', `${savedAddress('/campagnes/c1/bewerken')}&tab=stappen`);
    const { result, rerender } = renderHook(() => useJustSaved());
    expect(result.current).toBe(true);
    expect(window.location.pathname + window.location.search).toBe('/campagnes/c1/bewerken?tab=stappen');
    rerender();
    expect(result.current).toBe(true);
    // A later visit to the same address (a reload) says nothing.
    expect(renderHook(() => useJustSaved()).result.current).toBe(false);
  });

  it('should say nothing for an unmarked address and leave it alone', () => {
    window.history.replaceState(null, '', '/campagnes/segmenten/s1');
    expect(renderHook(() => useJustSaved()).result.current).toBe(false);
    expect(window.location.pathname + window.location.search).toBe('/campagnes/segmenten/s1');
  });
});
