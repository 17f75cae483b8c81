import { useEffect, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import type { ApiGroup } from './segment-filter-form';
import type { SegmentPreview } from './segment-types';

export interface LivePreview {
  data: SegmentPreview | undefined;
  error: ApiError | null;
  loading: boolean;
}

/** Time after the last change before the count is asked again: typing a tag asks once, not per letter. */
export const PREVIEW_DELAY_MS = 300;

/**
 * The count and sample of a filter being edited (`POST /api/segments/preview`), asked again a moment
 * after each change. An answer to an older filter is dropped, so a slow request never overwrites a
 * newer count; the last count stays on screen while the next one loads.
 */
export function useLivePreview(regionId: string, filter: ApiGroup): LivePreview {
  const [data, setData] = useState<SegmentPreview>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify([regionId, filter]);

  useEffect(() => {
    if (!regionId) return;
    let current = true;
    setLoading(true);
    const [region, body] = JSON.parse(key) as [string, ApiGroup];
    const timer = setTimeout(() => {
      unwrap<SegmentPreview>(api.POST('/api/segments/preview', { body: { regionId: region, filter: body } })).then(
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
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, regionId]);

  return { data, error, loading };
}
