import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { employerWith, insertLink, insertSwCompany } from './reports-fixtures';

const NOW = '2026-06-01T10:00:00Z';
const Q1 = 'from=2026-01-01&to=2026-03-31';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Hand-built histories in AM25 (times UTC; Amsterdam is UTC+1 until 2026-03-29, then UTC+2).
 * Period 2026-01-01 … 2026-03-31 (Amsterdam); "now" 2026-06-01 10:00 UTC.
 *   A: prospect 2025-12-01 → contacted 01-10 → interested 01-20 → sw_pilot 02-09 (current)
 *   B: prospect 01-05 → contacted 01-15 (current)
 *   C: prospect 2025-06-01 → sw_pilot 03-01 10:00 → structural 03-01 10:00 (same `at`: a zero-length stay)
 *   D: prospect 02-01 → contacted 02-11 → interested 02-21 → contacted 03-03 (a reversal, current)
 *   E: prospect 2025-01-01 → contacted 2025-02-01 (all before the period)
 *   F: prospect 03-31 21:30 UTC = 23:30 Amsterdam on the last day (counts) → paused 04-10 21:30
 *   G: prospect 03-31 22:30 UTC = 00:30 Amsterdam on 04-01 (does not count)
 *   H: prospect 2025-12-31 23:30 UTC = 00:30 Amsterdam on 01-01 (counts) → paused 01-20 23:30
 *   I: prospect 2025-05-01 → override own_trajectory 02-15 → override interested 02-25 (current)
 *   X: in AM01: prospect 01-10 → contacted 01-12
 */
describe('Funnel report over HTTP', () => {
  let testApp: TestApp;
  let db: DataSource;
  let am25: string;
  let am01: string;
  let coordinator: TestUser;
  let admin: TestUser;
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.app.get(Clock).now = () => new Date(NOW);
    db = testApp.app.get(DataSource);
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });
    const t = (day: string, time = '10:00') => `${day}T${time}:00Z`;
    const a = await employerWith(db, am25, [
      ['prospect', t('2025-12-01')],
      ['contacted', t('2026-01-10')],
      ['interested', t('2026-01-20')],
      ['sw_pilot', t('2026-02-09'), 'trajectory'],
    ]);
    const b = await employerWith(db, am25, [
      ['prospect', t('2026-01-05')],
      ['contacted', t('2026-01-15')],
    ]);
    const c = await employerWith(db, am25, [
      ['prospect', t('2025-06-01')],
      ['sw_pilot', t('2026-03-01'), 'trajectory'],
      ['structural', t('2026-03-01'), 'trajectory'],
    ]);
    const d = await employerWith(db, am25, [
      ['prospect', t('2026-02-01')],
      ['contacted', t('2026-02-11')],
      ['interested', t('2026-02-21')],
      ['contacted', t('2026-03-03'), 'manual', 'no budget this year'],
    ]);
    await employerWith(db, am25, [
      ['prospect', t('2025-01-01')],
      ['contacted', t('2025-02-01')],
    ]);
    await employerWith(db, am25, [
      ['prospect', t('2026-03-31', '21:30')],
      ['paused', t('2026-04-10', '21:30')],
    ]);
    await employerWith(db, am25, [['prospect', t('2026-03-31', '22:30')]]);
    await employerWith(db, am25, [
      ['prospect', t('2025-12-31', '23:30')],
      ['paused', t('2026-01-20', '23:30')],
    ]);
    await employerWith(db, am25, [
      ['prospect', t('2025-05-01')],
      ['own_trajectory', t('2026-02-15'), 'override', 'signed contract'],
      ['interested', t('2026-02-25'), 'override', 'contract withdrawn'],
    ]);
    await employerWith(db, am01, [
      ['prospect', t('2026-01-10')],
      ['contacted', t('2026-01-12')],
    ]);
    // New to the network: A (first link 02-01) and D (03-31); not B (linked before, in 2025), not C (after).
    const sw = await insertSwCompany(db, am25);
    await insertLink(db, sw, a, '2026-02-01');
    await insertLink(db, sw, b, '2025-10-01', '2025-12-01');
    await insertLink(db, sw, b, '2026-02-01');
    await insertLink(db, sw, c, '2026-04-01');
    await insertLink(db, sw, d, '2026-03-31');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should count reached, conversion and days in stage as worked out by hand when the period is Q1 2026', async () => {
    const response = await as(coordinator).get(`/api/reports/funnel?regionId=${am25}&${Q1}`).expect(200);
    // reached (a row to the stage or later in the period; each employer once):
    //   prospect+ A B C D F H I = 7; contacted+ A B C D I = 5; interested+ A C D I = 4;
    //   sw_pilot+ A C I = 3; own_trajectory+ C I = 2; structural+ C = 1; ambassador 0.
    // conversion: 5/7 = 0.7143, 4/5 = 0.8, 3/4 = 0.75, 2/3 = 0.6667, 1/2 = 0.5, 0/1 = 0.
    // days of the stays beginning in the period (zero-length left out; the current stage runs to now):
    //   prospect: B 10, D 10, F 10, H 20 → median 10, p75 = 10 + 0.25 × (20 − 10) = 12.5
    //   contacted: A 10, B 01-15→06-01 = 137, D 10, D 03-03→06-01 = 90 → median (10 + 90) / 2 = 50,
    //              p75 = 90 + 0.25 × (137 − 90) = 101.75 → 101.8
    //   interested: A 20, D 10, I 02-25→06-01 = 96 → median 20, p75 = 20 + 0.5 × (96 − 20) = 58
    //   sw_pilot: A 02-09→06-01 = 112 (C's is zero-length) → 112; own_trajectory: I 10;
    //   structural: C 03-01→06-01 = 92; ambassador: none.
    expect(response.body).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      stages: [
        { stage: 'prospect', reached: 7, conversionFromPrevious: null, medianDaysInStage: 10, p75DaysInStage: 12.5 },
        {
          stage: 'contacted',
          reached: 5,
          conversionFromPrevious: 0.7143,
          medianDaysInStage: 50,
          p75DaysInStage: 101.8,
        },
        { stage: 'interested', reached: 4, conversionFromPrevious: 0.8, medianDaysInStage: 20, p75DaysInStage: 58 },
        { stage: 'sw_pilot', reached: 3, conversionFromPrevious: 0.75, medianDaysInStage: 112, p75DaysInStage: 112 },
        {
          stage: 'own_trajectory',
          reached: 2,
          conversionFromPrevious: 0.6667,
          medianDaysInStage: 10,
          p75DaysInStage: 10,
        },
        { stage: 'structural', reached: 1, conversionFromPrevious: 0.5, medianDaysInStage: 92, p75DaysInStage: 92 },
        { stage: 'ambassador', reached: 0, conversionFromPrevious: 0, medianDaysInStage: null, p75DaysInStage: null },
      ],
      newToNetwork: 2,
    });
  });

  it('should count every region when an admin leaves regionId out', async () => {
    const response = await as(admin).get(`/api/reports/funnel?${Q1}`).expect(200);
    // AM25's 7 and 5 plus X in AM01 (prospect and contacted).
    expect(response.body.stages.slice(0, 2).map((s: { reached: number }) => s.reached)).toEqual([8, 6]);
  });

  it('should give null conversion when the previous stage reached nobody', async () => {
    const response = await as(coordinator).get(`/api/reports/funnel?from=2030-01-01&to=2030-01-31`).expect(200);
    expect(
      response.body.stages.map((s: { conversionFromPrevious: number | null }) => s.conversionFromPrevious),
    ).toEqual([null, null, null, null, null, null, null]);
  });

  it('should cover the twelve months up to today when from and to are left out', async () => {
    const response = await as(coordinator).get('/api/reports/funnel').expect(200);
    // Today is 2026-06-01 in Amsterdam: 2025-06-02 … 2026-06-01.
    expect(response.body).toMatchObject({ from: '2025-06-02', to: '2026-06-01' });
    // prospect+: A B C D F H I as before, plus G (04-01 is inside now); E's rows (early 2025) stay outside = 8.
    expect(response.body.stages[0].reached).toBe(8);
  });

  it('should answer 404 when the region is outside the caller or does not exist', async () => {
    await as(coordinator).get(`/api/reports/funnel?regionId=${am01}`).expect(404);
    await as(admin).get(`/api/reports/funnel?regionId=${UNKNOWN_ID}`).expect(404);
    // 404 comes before 400: an outside region with a bad date is still a 404.
    await as(coordinator).get(`/api/reports/funnel?regionId=${am01}&from=nonsense`).expect(404);
  });

  it('should answer 400 when the input is malformed', async () => {
    await as(coordinator).get('/api/reports/funnel?regionId=abc').expect(400);
    const bad = await as(coordinator).get('/api/reports/funnel?from=2026-02-30&to=31-03-2026').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'to']);
    await as(coordinator).get('/api/reports/funnel?from=2026-04-01&to=2026-03-31').expect(400);
    await as(coordinator).get('/api/reports/funnel?colour=red').expect(400);
  });

  it('should answer CSV with a header row when asked by Accept or by the .csv path', async () => {
    const byHeader = await as(coordinator)
      .get(`/api/reports/funnel?regionId=${am25}&${Q1}`)
      .set('Accept', 'text/csv')
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const byPath = await as(coordinator).get(`/api/reports/funnel.csv?regionId=${am25}&${Q1}`).expect(200);
    expect(byPath.text).toBe(byHeader.text);
    expect(byHeader.text.split('\n')).toEqual([
      'stage,reached,conversionFromPrevious,medianDaysInStage,p75DaysInStage',
      'prospect,7,,10,12.5',
      'contacted,5,0.7143,50,101.8',
      'interested,4,0.8,20,58',
      'sw_pilot,3,0.75,112,112',
      'own_trajectory,2,0.6667,10,10',
      'structural,1,0.5,92,92',
      'ambassador,0,0,,',
      'new_to_network,2,,,',
      '',
    ]);
  });

  it('should let every role read every report and refuse a caller without a token', async () => {
    const reports = ['funnel', 'cohorts', 'trajectories', 'targets?period=2026'];
    for (const role of ['admin', 'coordinator', 'account_manager', 'wsp_staff'] as const) {
      const user = await createUser(testApp, { role, regionCodes: role === 'admin' ? [] : ['AM25'] });
      for (const report of reports) {
        const separator = report.includes('?') ? '&' : '?';
        await as(user).get(`/api/reports/${report}${separator}regionId=${am25}`).expect(200);
      }
    }
    for (const report of reports) await authed(testApp, 'not-a-token').get(`/api/reports/${report}`).expect(401);
  });
});
