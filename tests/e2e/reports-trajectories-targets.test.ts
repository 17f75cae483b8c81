import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { insertEmployer, insertHistory, insertTrajectory } from './reports-fixtures';

const Q1 = 'from=2026-01-01&to=2026-03-31';

/**
 * AM25, period 2026-01-01 … 2026-03-31. Employers: E1 (SBI C, small), E2 (C, medium), E3 (none), E4 (Q, large).
 * Trajectories:
 *   #1 E1 sw_internal   started 01-05  learning
 *   #2 E1 sw_secondment started 02-10  certified 03-20, employed_at_host
 *   #3 E2 direct        started 03-31  intake        (last day: in)
 *   #4 E2 direct        started 04-01  intake        (out)
 *   #5 E3 sw_internal   started 2025-12-31 certified 01-15, employed_at_sw (certified in, started out)
 *   #6 E4 direct        started 01-01  stopped 02-01
 *   #7 E4 sw_internal   started 2025-06-01 certified 02-20, no outcome yet
 *   #8 E3 direct        started 02-02  certified 03-01, further_education
 *   #9 an AM01 employer, sw_internal started 01-10 (outside the region)
 * Stage histories:
 *   E1 prospect 2025-11-01 → contacted 2025-12-15 → sw_pilot 01-05
 *   E2 prospect 01-02 → contacted 02-01 → own_trajectory 03-31 21:30 UTC (23:30 Amsterdam, the last day)
 *   E3 prospect 2025-06-01 → override structural 02-02
 *   E4 prospect 2025-01-01 → own_trajectory 2025-02-01 → structural 04-01
 */
describe('Trajectory and target reports over HTTP', () => {
  let testApp: TestApp;
  let db: DataSource;
  let am25: string;
  let am01: string;
  let coordinator: TestUser;
  let admin: TestUser;
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.app.get(Clock).now = () => new Date('2026-06-01T10:00:00Z');
    db = testApp.app.get(DataSource);
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });
    const e1 = await insertEmployer(db, am25, { sbiSection: 'C', sizeClass: 'small' });
    const e2 = await insertEmployer(db, am25, { sbiSection: 'C', sizeClass: 'medium' });
    const e3 = await insertEmployer(db, am25);
    const e4 = await insertEmployer(db, am25, { sbiSection: 'Q', sizeClass: 'large' });
    const other = await insertEmployer(db, am01, { sbiSection: 'C', sizeClass: 'small' });
    await insertTrajectory(db, e1, { route: 'sw_internal', startedAt: '2026-01-05' });
    await insertTrajectory(db, e1, {
      route: 'sw_secondment',
      startedAt: '2026-02-10',
      status: 'certified',
      praktijkverklaringAt: '2026-03-20',
      outcome: 'employed_at_host',
    });
    await insertTrajectory(db, e2, { route: 'direct', startedAt: '2026-03-31', status: 'intake' });
    await insertTrajectory(db, e2, { route: 'direct', startedAt: '2026-04-01', status: 'intake' });
    await insertTrajectory(db, e3, {
      route: 'sw_internal',
      startedAt: '2025-12-31',
      status: 'certified',
      praktijkverklaringAt: '2026-01-15',
      outcome: 'employed_at_sw',
    });
    await insertTrajectory(db, e4, {
      route: 'direct',
      startedAt: '2026-01-01',
      status: 'stopped',
      stoppedAt: '2026-02-01',
    });
    await insertTrajectory(db, e4, {
      route: 'sw_internal',
      startedAt: '2025-06-01',
      status: 'certified',
      praktijkverklaringAt: '2026-02-20',
    });
    await insertTrajectory(db, e3, {
      route: 'direct',
      startedAt: '2026-02-02',
      status: 'certified',
      praktijkverklaringAt: '2026-03-01',
      outcome: 'further_education',
    });
    await insertTrajectory(db, other, { route: 'sw_internal', startedAt: '2026-01-10' });
    await insertHistory(db, e1, [
      ['prospect', '2025-11-01T10:00:00Z'],
      ['contacted', '2025-12-15T10:00:00Z'],
      ['sw_pilot', '2026-01-05T11:00:00Z', 'trajectory'],
    ]);
    await insertHistory(db, e2, [
      ['prospect', '2026-01-02T10:00:00Z'],
      ['contacted', '2026-02-01T10:00:00Z'],
      ['own_trajectory', '2026-03-31T21:30:00Z', 'trajectory'],
    ]);
    await insertHistory(db, e3, [
      ['prospect', '2025-06-01T10:00:00Z'],
      ['structural', '2026-02-02T10:00:00Z', 'override', 'known partner'],
    ]);
    await insertHistory(db, e4, [
      ['prospect', '2025-01-01T10:00:00Z'],
      ['own_trajectory', '2025-02-01T10:00:00Z', 'trajectory'],
      ['structural', '2026-04-01T10:00:00Z', 'trajectory'],
    ]);
    await db.query(
      `INSERT INTO targets (region_id, period, metric, value) VALUES
         ($1, '2026-Q1', 'employers_contacted', 10), ($1, '2026-Q1', 'employers_sw_pilot', 4),
         ($1, '2026-Q1', 'employers_own_trajectory', 0), ($1, '2026-Q1', 'trajectories_started', 10),
         ($1, '2026', 'employers_contacted', 99), ($2, '2026-Q1', 'certificates', 7)`,
      [am25, am01],
    );
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should count trajectories by route, status, section and size and outcomes as worked out by hand', async () => {
    const response = await as(coordinator).get(`/api/reports/trajectories?regionId=${am25}&${Q1}`).expect(200);
    // Started in the period: #1 #2 #3 #6 #8 = 5; via an SW-bedrijf #1 #2 = 2/5 = 0.4, direct 3/5 = 0.6.
    // Certified in the period: #2 #5 #7 #8 = 4 (sw_internal #5 #7, sw_secondment #2, direct #8);
    // outcomes host #2, sw #5, education #8, unknown #7 (none recorded) → 1/4 each, other 0.
    expect(response.body).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      started: {
        total: 5,
        byRoute: { sw_internal: 1, sw_secondment: 1, direct: 3 },
        byStatus: { intake: 1, agreed: 0, learning: 1, assessment: 0, certified: 2, stopped: 1 },
        bySbiSection: { '2025:C': 3, '2025:Q': 1, unknown: 1 },
        bySizeClass: { micro: 0, small: 2, medium: 1, large: 1, unknown: 1 },
      },
      viaSwCompany: { count: 2, share: 0.4 },
      direct: { count: 3, share: 0.6 },
      certified: { total: 4, byRoute: { sw_internal: 2, sw_secondment: 1, direct: 1 } },
      stopped: { total: 1 },
      outcomes: {
        total: 4,
        counts: { employed_at_host: 1, employed_at_sw: 1, further_education: 1, other: 0, unknown: 1 },
        shares: { employed_at_host: 0.25, employed_at_sw: 0.25, further_education: 0.25, other: 0, unknown: 0.25 },
      },
    });
  });

  it('should include other regions only for a caller who has them', async () => {
    const all = await as(admin).get(`/api/reports/trajectories?${Q1}`).expect(200);
    expect(all.body.started.total).toBe(6); // the five of AM25 and #9
    await as(coordinator).get(`/api/reports/trajectories?regionId=${am01}`).expect(404);
  });

  it('should answer the trajectory report as long-format CSV', async () => {
    const response = await as(coordinator)
      .get(`/api/reports/trajectories?regionId=${am25}&${Q1}`)
      .set('Accept', 'text/csv')
      .expect(200);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe('group,key,count,share');
    expect(lines).toContain('started,total,5,');
    expect(lines).toContain('started_by_sbi_section,2025:C,3,');
    expect(lines).toContain('started_by_channel,via_sw_company,2,0.4');
    expect(lines).toContain('outcome,unknown,1,0.25');
  });

  it('should set actuals beside targets as worked out by hand when the period is a quarter', async () => {
    const response = await as(coordinator).get(`/api/reports/targets?regionId=${am25}&period=2026-Q1`).expect(200);
    // Reached in Q1 (a row to the stage or later): contacted+ E1 E2 E3 = 3; sw_pilot+ E1 E2 E3 = 3;
    // own_trajectory+ E2 (23:30 on the last day) E3 = 2; structural+ E3 = 1 (E4's is in April).
    // Started #1 #2 #3 #6 #8 = 5; certificates #2 #5 #7 #8 = 4. Shares: 3/10, 3/4, target 0 → null, 5/10.
    expect(response.body).toEqual({
      regionId: am25,
      period: '2026-Q1',
      from: '2026-01-01',
      to: '2026-03-31',
      items: [
        { metric: 'employers_contacted', target: 10, actual: 3, share: 0.3 },
        { metric: 'employers_sw_pilot', target: 4, actual: 3, share: 0.75 },
        { metric: 'employers_own_trajectory', target: 0, actual: 2, share: null },
        { metric: 'employers_structural', target: null, actual: 1, share: null },
        { metric: 'trajectories_started', target: 10, actual: 5, share: 0.5 },
        { metric: 'certificates', target: null, actual: 4, share: null },
      ],
    });
  });

  it("should use the year's target and the caller's only region when period is a year and regionId is left out", async () => {
    const response = await as(coordinator).get('/api/reports/targets?period=2026').expect(200);
    // 2026 as a whole: contacted+ also E4 (structural 04-01) = 4; its target is the year's 99.
    expect(response.body.regionId).toBe(am25);
    expect(response.body.items[0]).toEqual({ metric: 'employers_contacted', target: 99, actual: 4, share: 0.0404 });
  });

  it('should answer 400 without a period or a usable region and 404 for a region outside the caller', async () => {
    await as(coordinator).get('/api/reports/targets').expect(400);
    await as(coordinator).get('/api/reports/targets?period=2026-Q5').expect(400);
    await as(admin).get('/api/reports/targets?period=2026').expect(400);
    const twoRegions = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25', 'AM01'] });
    await as(twoRegions).get('/api/reports/targets?period=2026').expect(400);
    await as(coordinator).get(`/api/reports/targets?regionId=${am01}&period=2026`).expect(404);
    const other = await as(admin).get(`/api/reports/targets?regionId=${am01}&period=2026-Q1`).expect(200);
    expect(other.body.items[5]).toEqual({ metric: 'certificates', target: 7, actual: 0, share: 0 });
  });

  it('should answer the targets as CSV', async () => {
    const response = await as(coordinator).get(`/api/reports/targets.csv?regionId=${am25}&period=2026-Q1`).expect(200);
    expect(response.text.split('\n')).toEqual([
      'metric,target,actual,share',
      'employers_contacted,10,3,0.3',
      'employers_sw_pilot,4,3,0.75',
      'employers_own_trajectory,0,2,',
      'employers_structural,,1,',
      'trajectories_started,10,5,0.5',
      'certificates,,4,',
      '',
    ]);
  });
});
