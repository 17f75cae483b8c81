import { useId, useState, type ReactNode } from 'react';
import { rawFetch } from '../../api/client';
import { Empty, ErrorMessage, Loading } from '../../ui/status';
import type { Loaded } from '../../ui/use-api';
import { useMutation } from '../../ui/use-mutation';

export interface CsvSource {
  /** Report path without `.csv`, e.g. `/api/reports/funnel`. */
  path: string;
  query: Record<string, string>;
  fileName: string;
}

/**
 * One report on the dashboard: heading, chart, a table toggle for screen readers and exact figures,
 * and a CSV download. It shows its own loading, empty and error state, so one failing report leaves
 * the others standing.
 */
export function ReportPanel<T>({
  title,
  description,
  report,
  blocked,
  isEmpty,
  emptyText,
  csv,
  chart,
  table,
}: {
  title: string;
  description?: ReactNode;
  /** null while the report cannot be asked for (see `blocked`). */
  report: Loaded<T> | null;
  /** Why the report is not shown (a choice is missing or invalid). */
  blocked?: string;
  isEmpty(data: T): boolean;
  emptyText: string;
  csv: CsvSource;
  chart(data: T): ReactNode;
  table(data: T): ReactNode;
}) {
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const data = report?.data;
  const ready = report !== null && data !== undefined && !report.error;
  const hasFigures = ready && !isEmpty(data);

  return (
    <section className="card report-panel" aria-labelledby={headingId} aria-busy={report?.loading ?? false}>
      <div className="report-head">
        <h2 id={headingId}>{title}</h2>
        {hasFigures && (
          <div className="report-tools">
            <button
              type="button"
              className="secondary small"
              aria-expanded={showTable}
              aria-controls={tableId}
              aria-describedby={headingId}
              onClick={() => setShowTable((shown) => !shown)}
            >
              {showTable ? 'Tabel verbergen' : 'Tabel tonen'}
            </button>
            <CsvDownload source={csv} describedBy={headingId} />
          </div>
        )}
      </div>
      {description && <p className="muted small">{description}</p>}
      {blocked ? (
        <Empty>{blocked}</Empty>
      ) : report === null ? null : report.error ? (
        <ErrorMessage error={report.error} onRetry={report.reload} />
      ) : data === undefined ? (
        <Loading label={`${title} laden…`} />
      ) : !hasFigures ? (
        <Empty>{emptyText}</Empty>
      ) : (
        <>
          {chart(data)}
          {/* Focusable and named: a wide table scrolls sideways, and keyboard users must be able to scroll it. */}
          <div
            id={tableId}
            className="table-wrap"
            hidden={!showTable}
            tabIndex={showTable ? 0 : undefined}
            role="region"
            aria-label={`${title}: tabel`}
          >
            {showTable && table(data)}
          </div>
        </>
      )}
    </section>
  );
}

/** Fetches the report's CSV with the bearer token (a plain link would carry none) and saves it. */
function CsvDownload({ source, describedBy }: { source: CsvSource; describedBy: string }) {
  const download = useMutation(async () => {
    const search = new URLSearchParams(source.query);
    const response = await rawFetch(`${source.path}.csv${search.size ? `?${search}` : ''}`, {
      headers: { Accept: 'text/csv' },
    });
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = source.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-describedby={describedBy}
        disabled={download.pending}
        onClick={() => void download.run()}
      >
        {download.pending ? 'Downloaden…' : 'CSV downloaden'}
      </button>
      {download.error && <ErrorMessage error={download.error} />}
    </>
  );
}
