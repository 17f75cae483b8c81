import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@app/crm';
import {
  CampaignReport,
  COHORT_WINDOWS,
  CohortReport,
  FunnelReport,
  TargetReport,
  TrajectoryReport,
} from './report.types';

type Cell = string | number | null;

/** A header and rows as CSV; null is an empty cell, and no cell can run as a spreadsheet formula. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const cells = (row: Cell[]) => row.map((cell) => (cell === null ? '' : neutraliseFormula(String(cell))));
  return stringify([header, ...rows.map(cells)]);
}

/** One row per stage, then a `new_to_network` row with its count under `reached`. */
export function funnelCsv(report: FunnelReport): string {
  return toCsv(
    ['stage', 'reached', 'conversionFromPrevious', 'medianDaysInStage', 'p75DaysInStage'],
    [
      ...report.stages.map((s) => [
        s.stage,
        s.reached,
        s.conversionFromPrevious,
        s.medianDaysInStage,
        s.p75DaysInStage,
      ]),
      ['new_to_network', report.newToNetwork, null, null, null],
    ],
  );
}

/** One row per cohort; a column per stage and window (`ownTrajectoryWithin3` …). */
export function cohortCsv(report: CohortReport): string {
  return toCsv(
    [
      'period',
      'size',
      ...COHORT_WINDOWS.map((n) => `ownTrajectoryWithin${n}`),
      ...COHORT_WINDOWS.map((n) => `structuralWithin${n}`),
    ],
    report.cohorts.map((c) => [
      c.period,
      c.size,
      ...COHORT_WINDOWS.map((n) => c.ownTrajectoryWithin[n]),
      ...COHORT_WINDOWS.map((n) => c.structuralWithin[n]),
    ]),
  );
}

/** Long format: `group,key,count,share` (share only where the JSON has one). */
export function trajectoryCsv(report: TrajectoryReport): string {
  const counts = (group: string, values: Record<string, number>): Cell[][] =>
    Object.entries(values).map(([key, count]) => [group, key, count, null]);
  return toCsv(
    ['group', 'key', 'count', 'share'],
    [
      ['started', 'total', report.started.total, null],
      ...counts('started_by_route', report.started.byRoute),
      ...counts('started_by_status', report.started.byStatus),
      ...counts('started_by_sbi_section', report.started.bySbiSection),
      ...counts('started_by_size_class', report.started.bySizeClass),
      ['started_by_channel', 'via_sw_company', report.viaSwCompany.count, report.viaSwCompany.share],
      ['started_by_channel', 'direct', report.direct.count, report.direct.share],
      ['certified', 'total', report.certified.total, null],
      ...counts('certified_by_route', report.certified.byRoute),
      ['stopped', 'total', report.stopped.total, null],
      ...Object.entries(report.outcomes.counts).map(([key, count]) => [
        'outcome',
        key,
        count,
        report.outcomes.shares[key as keyof typeof report.outcomes.shares],
      ]),
    ],
  );
}

export function targetCsv(report: TargetReport): string {
  return toCsv(
    ['metric', 'target', 'actual', 'share'],
    report.items.map((i) => [i.metric, i.target, i.actual, i.share]),
  );
}

/** Long format like trajectories: `group,key,step,count,rate` — one row per step figure, then the totals. */
export function campaignCsv(report: CampaignReport): string {
  const stepRows = report.steps.flatMap((s): Cell[][] => [
    ['step', 'sent', s.step, s.sent, null],
    ['step', 'bounced', s.step, s.bounced, s.bounceRate],
    ['step', 'blocked', s.step, s.blocked, s.blockRate],
    ['step', 'replied', s.step, s.replied, s.replyRate],
    ['step', 'unsubscribed', s.step, s.unsubscribed, s.unsubscribeRate],
  ]);
  return toCsv(
    ['group', 'key', 'step', 'count', 'rate'],
    [
      ...stepRows,
      ['campaign', 'audience', null, report.audience, null],
      ['campaign', 'enrolled', null, report.enrolled, null],
      ...Object.entries(report.skipped).map(([key, n]): Cell[] => ['skipped', key, null, n, null]),
      ...Object.entries(report.exited).map(([key, n]): Cell[] => ['exited', key, null, n, null]),
      ['campaign', 'employers_mailed', null, report.employersMailed, null],
      ['campaign', 'converted', null, report.converted, report.conversionRate],
    ],
  );
}
