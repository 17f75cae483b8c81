import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import type { ApiGroup } from './segment-filter-form';
import { PREVIEW_DELAY_MS, useLivePreview } from './use-live-preview';

// The request itself is stubbed here: this checks the timing rules of the hook (debounce, stale
// answers); the browser test checks the real count against the real api.
interface Pending {
  body: { regionId: string; filter: ApiGroup };
  answer(total: number): void;
}
let pending: Pending[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  pending = [];
  vi.spyOn(api, 'POST').mockImplementation(
    ((_path: string, init: { body: Pending['body'] }) =>
      new Promise((resolve) => {
        pending.push({
          body: init.body,
          answer: (total) => resolve({ data: { total, sample: [] }, response: new Response(null, { status: 200 }) }),
        });
      })) as never,
  );
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function Probe({ tag }: { tag: string }) {
  const preview = useLivePreview('region-1', { all: [{ field: 'tag', op: 'eq', value: tag }] });
  return <p>{preview.data ? `${preview.data.total} werkgevers` : 'geen telling'}</p>;
}

const filterTag = (request: Pending) => (request.body.filter as { all: { value: string }[] }).all[0].value;

describe('useLivePreview', () => {
  it('should ask once for the last filter when the user changes it quickly', async () => {
    const view = render(<Probe tag="z" />);
    view.rerender(<Probe tag="zo" />);
    view.rerender(<Probe tag="zorg" />);
    await act(async () => vi.advanceTimersByTime(PREVIEW_DELAY_MS));

    expect(pending.map(filterTag)).toEqual(['zorg']);
    await act(async () => pending[0].answer(4));
    expect(screen.getByText('4 werkgevers')).toBeTruthy();
  });

  it('should keep the newest count when an older request answers last', async () => {
    const view = render(<Probe tag="horeca" />);
    await act(async () => vi.advanceTimersByTime(PREVIEW_DELAY_MS));
    view.rerender(<Probe tag="zorg" />);
    await act(async () => vi.advanceTimersByTime(PREVIEW_DELAY_MS));
    expect(pending.map(filterTag)).toEqual(['horeca', 'zorg']);

    await act(async () => pending[1].answer(2));
    await act(async () => pending[0].answer(9));
    expect(screen.getByText('2 werkgevers')).toBeTruthy();
    expect(screen.queryByText('9 werkgevers')).toBeNull();
  });
});
