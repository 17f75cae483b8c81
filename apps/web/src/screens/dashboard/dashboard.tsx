import { api, query, unwrap } from '../../api/client';
import { useReferenceData } from '../../reference-data';
import { navigate, useLocation } from '../../router';
import { CohortChart, CohortTable } from './cohort-report';
import { DashboardFilters } from './dashboard-filters';
import {
  amsterdamToday,
  periodLabel,
  rangeProblem,
  searchFromState,
  stateFromSearch,
  type DashboardState,
} from './dashboard-state';
import { FunnelChart, FunnelTable } from './funnel-report';
import { csvFileName } from './report-format';
import { ReportPanel } from './report-panel';
import type { CohortReport, FunnelReport, TargetReport, TrajectoryReport } from './report-types';
import { TargetChart, TargetTable } from './target-report';
import { TrajectoryChart, TrajectoryTable, trajectoriesEmpty } from './trajectory-report';
import { useReport } from './use-report';
import './dashboard.css';

/**
 * The coordinator's dashboard (issue 10): funnel, cohorts, trajectories and targets for a region and
 * period kept in the address bar. Every role may read reports (api.md "Roles"); the api limits them
 * to the user's regions, and the region picker offers only those.
 */
export function Dashboard(_props: { id?: string }) {
  const reference = useReferenceData();
  const { search } = useLocation();
  const today = amsterdamToday();
  const onlyRegion = reference.regions.length === 1 ? reference.regions[0].id : '';
  const parsed = stateFromSearch(search, { today, regionId: onlyRegion });
  // A shared link may name a region this user does not work in: show their own instead.
  const known = parsed.regionId === '' || reference.regions.some((region) => region.id === parsed.regionId);
  const state: DashboardState = { ...parsed, regionId: known ? parsed.regionId : onlyRegion };
  const problem = rangeProblem(state);
  const regionPart = state.regionId ? reference.regionName(state.regionId) : 'alle-regios';

  const range = query({ regionId: state.regionId, from: state.from, to: state.to });
  const rangeKey = JSON.stringify(range);
  const funnel = useReport(
    problem ? null : () => unwrap<FunnelReport>(api.GET('/api/reports/funnel', { params: { query: range } })),
    rangeKey,
  );
  const trajectories = useReport(
    problem ? null : () => unwrap<TrajectoryReport>(api.GET('/api/reports/trajectories', { params: { query: range } })),
    rangeKey,
  );
  const cohortQuery = query({ regionId: state.regionId, by: state.by });
  const cohorts = useReport(
    () => unwrap<CohortReport>(api.GET('/api/reports/cohorts', { params: { query: cohortQuery } })),
    JSON.stringify(cohortQuery),
  );
  // Targets are per region: with "all regions" chosen there is nothing to compare (unless the user has one).
  const targetRegion = state.regionId || onlyRegion;
  const targetQuery = query({ regionId: targetRegion, period: state.targetPeriod });
  const targets = useReport(
    targetRegion
      ? () => unwrap<TargetReport>(api.GET('/api/reports/targets', { params: { query: targetQuery } }))
      : null,
    JSON.stringify(targetQuery),
  );

  function update(change: Partial<DashboardState>) {
    navigate(`/dashboard${searchFromState({ ...state, ...change })}`, { replace: true });
  }

  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <div className="page-head">
        <h1 id="dashboard-title">Dashboard</h1>
        <p className="muted">{state.regionId ? reference.regionName(state.regionId) : 'Al mijn regio’s'}</p>
      </div>
      <DashboardFilters state={state} today={today} regions={reference.regions} problem={problem} onChange={update} />
      <div className="report-grid">
        <ReportPanel
          title="Trechter"
          description="Werkgevers die een fase (of een latere) bereikten in de gekozen periode, en de conversie vanaf de fase ervoor."
          report={funnel}
          blocked={problem ?? undefined}
          isEmpty={(report) => report.stages.every((stage) => stage.reached === 0)}
          emptyText="Geen werkgevers in deze periode."
          csv={{
            path: '/api/reports/funnel',
            query: range,
            fileName: csvFileName('trechter', regionPart, state.from, 'tot', state.to),
          }}
          chart={(report) => <FunnelChart report={report} />}
          table={(report) => <FunnelTable report={report} />}
        />
        <ReportPanel
          title="Cohorten"
          description="Werkgevers gegroepeerd naar het moment dat ze in de SW-pilot kwamen: welk deel binnen 3, 6 en 12 maanden een eigen traject of structureel bereikte. ‘nog niet’: die periode is nog niet voorbij."
          report={cohorts}
          isEmpty={(report) => report.cohorts.length === 0}
          emptyText="Nog geen werkgevers in een SW-pilot."
          csv={{
            path: '/api/reports/cohorts',
            query: cohortQuery,
            fileName: csvFileName('cohorten', regionPart, state.by === 'month' ? 'per-maand' : 'per-kwartaal'),
          }}
          chart={(report) => <CohortChart report={report} />}
          table={(report) => <CohortTable report={report} />}
        />
        <ReportPanel
          title="Trajecten"
          description="Trajecten gestart in de gekozen periode, per route en status, en de uitkomst na een praktijkverklaring."
          report={trajectories}
          blocked={problem ?? undefined}
          isEmpty={trajectoriesEmpty}
          emptyText="Geen trajecten in deze periode."
          csv={{
            path: '/api/reports/trajectories',
            query: range,
            fileName: csvFileName('trajecten', regionPart, state.from, 'tot', state.to),
          }}
          chart={(report) => <TrajectoryChart report={report} />}
          table={(report) => <TrajectoryTable report={report} />}
        />
        <ReportPanel
          title="Doelen"
          description={`Doelen tegenover de realisatie in ${periodLabel(state.targetPeriod)}.`}
          report={targets}
          blocked={targetRegion ? undefined : 'Kies een regio om de doelen te zien: doelen gelden per regio.'}
          isEmpty={(report) => report.items.length === 0}
          emptyText="Geen doelen voor deze periode."
          csv={{
            path: '/api/reports/targets',
            query: targetQuery,
            fileName: csvFileName('doelen', targetRegion ? reference.regionName(targetRegion) : '', state.targetPeriod),
          }}
          chart={(report) => <TargetChart report={report} />}
          table={(report) => <TargetTable report={report} />}
        />
      </div>
    </section>
  );
}
