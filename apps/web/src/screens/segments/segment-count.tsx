import { api, unwrap } from '../../api/client';
import { Link } from '../../router';
import { numberFormat } from '../../ui/labels';
import { createLimiter } from '../../ui/limit';
import { useApi } from '../../ui/use-api';
import type { SegmentPreview } from './segment-types';

// The segment list shows a count per row (25 a page): asked a few at a time, so one page view does not take
// every database connection of the api at once.
const listCounts = createLimiter(3);

/**
 * A saved segment's count today (filters change meaning as employers move). `brief`: just the
 * number, for a table cell; otherwise a sentence in a polite live region with a link to the segment.
 */
export function SegmentCount({
  segmentId,
  version = '',
  brief = false,
}: {
  segmentId: string;
  /** Changes when the segment does (e.g. its `updatedAt`), so the count is asked again. */
  version?: string;
  brief?: boolean;
}) {
  const preview = useApi(() => {
    if (!segmentId) return Promise.resolve(null);
    const ask = () =>
      unwrap<SegmentPreview>(api.GET('/api/segments/{id}/preview', { params: { path: { id: segmentId } } }));
    return brief ? listCounts(ask) : ask();
  }, `segment-count|${segmentId}|${version}`);
  const total = preview.data?.total;
  if (brief) {
    if (preview.error) return <span className="muted">onbekend</span>;
    if (preview.loading || total === undefined) return <span className="muted">…</span>;
    return <span data-testid="segment-total">{numberFormat.format(total)}</span>;
  }
  return (
    <p className="segment-total" aria-live="polite">
      {!segmentId ? null : preview.error ? (
        'Aantal onbekend'
      ) : preview.loading || total === undefined ? (
        'Tellen…'
      ) : (
        <>
          <strong data-testid="segment-total">{numberFormat.format(total)}</strong>{' '}
          {total === 1 ? 'werkgever' : 'werkgevers'} in dit segment
          {' · '}
          <Link to={`/campagnes/segmenten/${segmentId}`}>bekijken</Link>
        </>
      )}
    </p>
  );
}
