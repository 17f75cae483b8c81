import { describe, expect, it } from 'vitest';
import { cohortSummary } from './cohort-report';
import type { TrajectoryReport } from './report-types';
import { trajectoriesEmpty, trajectoryGroups } from './trajectory-report';

const report: TrajectoryReport = {
  from: '2026-01-01',
  to: '2026-11-29',
  started: {
    total: 5,
    byRoute: { sw_internal: 2, direct: 3 },
    byStatus: { learning: 4, stopped: 1 },
    bySbiSection: {},
    bySizeClass: {},
  },
  viaSwCompany: { count: 2, share: 0.4 },
  direct: { count: 3, share: 0.6 },
  certified: { total: 1, byRoute: { direct: 1 } },
  stopped: { total: 1 },
  outcomes: { total: 1, counts: { employed_at_host: 1, other: 0 }, shares: { employed_at_host: 1, other: 0 } },
};

describe('trajectory figures', () => {
  it('should group started trajectories by route and status, and outcomes with their shares, in Dutch', () => {
    const groups = trajectoryGroups(report);
    expect(groups.map((group) => group.title)).toEqual([
      'Gestart per route',
      'Gestart per status',
      'Uitkomst na praktijkverklaring',
    ]);
    expect(groups[0].rows.map((row) => [row.label, row.count])).toEqual([
      ['Intern bij SW-bedrijf', 2],
      ['Direct bij de werkgever', 3],
    ]);
    expect(groups[2].rows[0]).toMatchObject({ label: 'Werk bij het gastbedrijf', count: 1, share: 1 });
  });

  it('should call a report empty only when nothing started, was certified or has an outcome', () => {
    expect(trajectoriesEmpty(report)).toBe(false);
    const none = { ...report, started: { ...report.started, total: 0 }, certified: { total: 0, byRoute: {} } };
    expect(trajectoriesEmpty({ ...none, outcomes: { ...report.outcomes, total: 0 } })).toBe(true);
  });
});

describe('cohort summary for screen readers', () => {
  it('should read every cohort and window, saying "nog niet" for a window that has not passed', () => {
    const text = cohortSummary([
      {
        period: '2026-Q1',
        size: 3,
        ownTrajectoryWithin: { '3': 0, '6': 0.3333, '12': null },
        structuralWithin: { '3': 0, '6': 0, '12': null },
      },
    ]);
    expect(text).toMatch(/^1e kwartaal 2026, 3 werkgevers: eigen traject binnen 3 maanden 0\s?%, 6 maanden 33,3\s?%/);
    expect(text).toContain('12 maanden nog niet');
  });
});
