import { ROUTE_LABELS, TRAJECTORY_STATUS_LABELS } from '../../ui/labels';
import { Bar } from './bar';
import { barLength, formatCount, formatShare, OUTCOME_LABELS } from './report-format';
import type { TrajectoryReport } from './report-types';

export interface TrajectoryRow {
  group: string;
  label: string;
  count: number;
  share: number | null;
}

export interface TrajectoryGroup {
  title: string;
  rows: TrajectoryRow[];
}

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** The figures the dashboard shows, grouped: started by route and by status, and outcomes after certification. */
export function trajectoryGroups(report: TrajectoryReport): TrajectoryGroup[] {
  const counts = (title: string, values: Record<string, number>, labels: Record<string, string>) => ({
    title,
    rows: Object.entries(values).map(([key, count]) => ({
      group: title,
      label: label(labels, key),
      count,
      share: null,
    })),
  });
  return [
    counts('Gestart per route', report.started.byRoute, ROUTE_LABELS),
    counts('Gestart per status', report.started.byStatus, TRAJECTORY_STATUS_LABELS),
    {
      title: 'Uitkomst na praktijkverklaring',
      rows: Object.entries(report.outcomes.counts).map(([key, count]) => ({
        group: 'Uitkomst na praktijkverklaring',
        label: label(OUTCOME_LABELS, key),
        count,
        share: report.outcomes.shares[key] ?? null,
      })),
    },
  ];
}

export function trajectoriesEmpty(report: TrajectoryReport): boolean {
  return report.started.total === 0 && report.certified.total === 0 && report.outcomes.total === 0;
}

export function TrajectoryChart({ report }: { report: TrajectoryReport }) {
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">Trajecten per route, status en uitkomst</figcaption>
      <dl className="key-figures">
        <div>
          <dt>Gestart</dt>
          <dd>{formatCount(report.started.total)}</dd>
        </div>
        <div>
          <dt>Via een SW-bedrijf</dt>
          <dd>
            {formatCount(report.viaSwCompany.count)}{' '}
            <span className="muted">({formatShare(report.viaSwCompany.share)})</span>
          </dd>
        </div>
        <div>
          <dt>Direct</dt>
          <dd>
            {formatCount(report.direct.count)} <span className="muted">({formatShare(report.direct.share)})</span>
          </dd>
        </div>
        <div>
          <dt>Praktijkverklaringen</dt>
          <dd>{formatCount(report.certified.total)}</dd>
        </div>
        <div>
          <dt>Gestopt</dt>
          <dd>{formatCount(report.stopped.total)}</dd>
        </div>
      </dl>
      <div className="chart-groups">
        {trajectoryGroups(report).map((group) => {
          const largest = Math.max(0, ...group.rows.map((row) => row.count));
          return (
            <div key={group.title}>
              <h3>{group.title}</h3>
              <ul className="bar-list">
                {group.rows.map((row) => (
                  <li key={row.label}>
                    <span className="bar-label">{row.label}</span>
                    <Bar length={barLength(row.count, largest)} />
                    <span className="bar-value">{formatCount(row.count)}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </figure>
  );
}

export function TrajectoryTable({ report }: { report: TrajectoryReport }) {
  return (
    <table className="data compact report-table">
      <caption>Trajecten per route, status en uitkomst</caption>
      <thead>
        <tr>
          <th scope="col">Groep</th>
          <th scope="col">Onderdeel</th>
          <th scope="col">Aantal</th>
          <th scope="col">Aandeel</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>Totaal</td>
          <th scope="row">Gestart</th>
          <td className="number">{formatCount(report.started.total)}</td>
          <td className="number">—</td>
        </tr>
        <tr>
          <td>Totaal</td>
          <th scope="row">Via een SW-bedrijf</th>
          <td className="number">{formatCount(report.viaSwCompany.count)}</td>
          <td className="number">{formatShare(report.viaSwCompany.share)}</td>
        </tr>
        <tr>
          <td>Totaal</td>
          <th scope="row">Direct</th>
          <td className="number">{formatCount(report.direct.count)}</td>
          <td className="number">{formatShare(report.direct.share)}</td>
        </tr>
        <tr>
          <td>Totaal</td>
          <th scope="row">Praktijkverklaringen</th>
          <td className="number">{formatCount(report.certified.total)}</td>
          <td className="number">—</td>
        </tr>
        <tr>
          <td>Totaal</td>
          <th scope="row">Gestopt</th>
          <td className="number">{formatCount(report.stopped.total)}</td>
          <td className="number">—</td>
        </tr>
        {trajectoryGroups(report).flatMap((group) =>
          group.rows.map((row) => (
            <tr key={`${group.title}:${row.label}`}>
              <td>{group.title}</td>
              <th scope="row">{row.label}</th>
              <td className="number">{formatCount(row.count)}</td>
              <td className="number">{formatShare(row.share)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
