import { useId } from 'react';
import { periodLabel } from './dashboard-state';
import { formatCount, formatShare, METRIC_LABELS, targetText } from './report-format';
import type { TargetItem, TargetReport } from './report-types';

/** Targets against actuals: a progress bar per metric, with the figures in words beside it. */
export function TargetChart({ report }: { report: TargetReport }) {
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">Doelen en realisatie per onderdeel</figcaption>
      <ul className="targets">
        {report.items.map((item) => (
          <TargetRow key={item.metric} item={item} />
        ))}
      </ul>
    </figure>
  );
}

function TargetRow({ item }: { item: TargetItem }) {
  const labelId = useId();
  const hasTarget = item.target !== null && item.share !== null;
  return (
    <li>
      <span id={labelId} className="bar-label">
        {METRIC_LABELS[item.metric] ?? item.metric}
      </span>
      {hasTarget ? (
        <progress aria-labelledby={labelId} max={item.target!} value={Math.min(item.actual, item.target!)}>
          {formatShare(item.share)}
        </progress>
      ) : (
        <span className="no-target" aria-hidden="true" />
      )}
      <span className="bar-value">
        {targetText(item)}
        {hasTarget && item.share! >= 1 && <span className="reached"> ✓ gehaald</span>}
      </span>
    </li>
  );
}

export function TargetTable({ report }: { report: TargetReport }) {
  return (
    <table className="data compact report-table">
      <caption>Doelen en realisatie, {periodLabel(report.period)}</caption>
      <thead>
        <tr>
          <th scope="col">Onderdeel</th>
          <th scope="col">Doel</th>
          <th scope="col">Realisatie</th>
          <th scope="col">Aandeel van doel</th>
        </tr>
      </thead>
      <tbody>
        {report.items.map((item) => (
          <tr key={item.metric}>
            <th scope="row">{METRIC_LABELS[item.metric] ?? item.metric}</th>
            <td className="number">{item.target === null ? 'geen doel' : formatCount(item.target)}</td>
            <td className="number">{formatCount(item.actual)}</td>
            <td className="number">{formatShare(item.share, 'geen doel')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
