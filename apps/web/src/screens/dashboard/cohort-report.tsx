import { periodLabel } from './dashboard-state';
import { formatCount, formatShare, shareStep } from './report-format';
import { COHORT_WINDOWS, type Cohort, type CohortReport } from './report-types';

const NOT_YET = 'nog niet';

const GROUPS: { key: 'ownTrajectoryWithin' | 'structuralWithin'; label: string }[] = [
  { key: 'ownTrajectoryWithin', label: 'Eigen traject' },
  { key: 'structuralWithin', label: 'Structureel' },
];

/**
 * A heat-table: per cohort (employers by when they entered the SW-pilot) the share that reached an
 * own trajectory and structural within 3, 6 and 12 months. Every cell prints its percentage.
 */
export function CohortChart({ report }: { report: CohortReport }) {
  return (
    <figure className="chart">
      <figcaption className="visually-hidden">Cohorten: van SW-pilot naar eigen traject en structureel</figcaption>
      <div className="heat" role="img" aria-label={cohortSummary(report.cohorts)}>
        <div className="heat-row heat-head" aria-hidden="true">
          <span>Cohort</span>
          {GROUPS.flatMap((group) =>
            COHORT_WINDOWS.map((window) => (
              <span key={`${group.key}${window}`}>
                {group.label} {window} mnd
              </span>
            )),
          )}
        </div>
        {report.cohorts.map((cohort) => (
          <div className="heat-row" key={cohort.period} aria-hidden="true">
            <span className="heat-period">
              {periodLabel(cohort.period)} <span className="muted">({formatCount(cohort.size)})</span>
            </span>
            {GROUPS.flatMap((group) =>
              COHORT_WINDOWS.map((window) => {
                const share = cohort[group.key][window];
                return (
                  <span key={`${group.key}${window}`} className={`heat-cell step-${shareStep(share)}`}>
                    {formatShare(share, NOT_YET)}
                  </span>
                );
              }),
            )}
          </div>
        ))}
      </div>
    </figure>
  );
}

/** The chart in one sentence per cohort, for screen readers that meet the heat-table as an image. */
export function cohortSummary(cohorts: Cohort[]): string {
  const windows = (shares: Cohort['ownTrajectoryWithin']) =>
    COHORT_WINDOWS.map((window) => `${window} maanden ${formatShare(shares[window], NOT_YET)}`).join(', ');
  return cohorts
    .map(
      (cohort) =>
        `${periodLabel(cohort.period)}, ${formatCount(cohort.size)} werkgevers: eigen traject binnen ` +
        `${windows(cohort.ownTrajectoryWithin)}; structureel binnen ${windows(cohort.structuralWithin)}.`,
    )
    .join(' ');
}

export function CohortTable({ report }: { report: CohortReport }) {
  return (
    <table className="data compact report-table">
      <caption>Cohorten per {report.by === 'month' ? 'maand' : 'kwartaal'} van instroom in de SW-pilot</caption>
      <thead>
        <tr>
          <th scope="col">Cohort</th>
          <th scope="col">Werkgevers</th>
          {GROUPS.flatMap((group) =>
            COHORT_WINDOWS.map((window) => (
              <th scope="col" key={`${group.key}${window}`}>
                {group.label} binnen {window} mnd
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        {report.cohorts.map((cohort) => (
          <tr key={cohort.period}>
            <th scope="row">{periodLabel(cohort.period)}</th>
            <td className="number">{formatCount(cohort.size)}</td>
            {GROUPS.flatMap((group) =>
              COHORT_WINDOWS.map((window) => (
                <td className="number" key={`${group.key}${window}`}>
                  {formatShare(cohort[group.key][window], NOT_YET)}
                </td>
              )),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
