import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { employerWith, insertTrajectory } from './reports-fixtures';

/**
 * Hand-built sw_pilot cohorts in AM25 (times UTC; Amsterdam is UTC+2 in summer). Today: 2026-06-01.
 *   P1: sw_pilot 2025-07-10 → own_trajectory 2025-09-05 → structural 2025-12-01          start 07-10
 *   P2: SW trajectory started 2025-07-20, its sw_pilot row clamped to 2025-08-15 →
 *       own_trajectory 2025-10-21                                                         start 07-20
 *   P3: sw_pilot 2025-07-31 22:30 UTC = 2025-08-01 00:30 Amsterdam                        start 08-01
 *   P4: own_trajectory 2025-06-01 (direct first), then a stopped SW trajectory from
 *       2025-08-10 that recorded no stage                                                 start 08-10
 *   P5: sw_pilot 2026-04-15                                                               start 2026-04-15
 *   Q:  in AM01, sw_pilot 2025-07-10 (outside the coordinator's region)
 */
describe('Cohort report over HTTP', () => {
  let testApp: TestApp;
  let db: DataSource;
  let am25: string;
  let coordinator: TestUser;
  let now = '2026-06-01T10:00:00Z';
  const get = (path: string) => authed(testApp, coordinator.token).get(path);

  beforeAll(async () => {
    testApp = await startTestApp();
    testApp.app.get(Clock).now = () => new Date(now);
    db = testApp.app.get(DataSource);
    am25 = await regionId(testApp, 'AM25');
    const am01 = await regionId(testApp, 'AM01');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    await employerWith(db, am25, [
      ['prospect', '2025-07-01T10:00:00Z'],
      ['sw_pilot', '2025-07-10T10:00:00Z', 'trajectory'],
      ['own_trajectory', '2025-09-05T10:00:00Z', 'trajectory'],
      ['structural', '2025-12-01T10:00:00Z', 'trajectory'],
    ]);
    const p2 = await employerWith(db, am25, [
      ['prospect', '2025-07-01T10:00:00Z'],
      ['contacted', '2025-08-15T10:00:00Z'],
      ['sw_pilot', '2025-08-15T10:00:00Z', 'trajectory'],
      ['own_trajectory', '2025-10-21T10:00:00Z', 'trajectory'],
    ]);
    await insertTrajectory(db, p2, { route: 'sw_secondment', startedAt: '2025-07-20' });
    await employerWith(db, am25, [
      ['prospect', '2025-07-01T10:00:00Z'],
      ['sw_pilot', '2025-07-31T22:30:00Z', 'trajectory'],
    ]);
    const p4 = await employerWith(db, am25, [
      ['prospect', '2025-05-01T10:00:00Z'],
      ['own_trajectory', '2025-06-01T10:00:00Z', 'trajectory'],
    ]);
    await insertTrajectory(db, p4, {
      route: 'sw_internal',
      startedAt: '2025-08-10',
      status: 'stopped',
      stoppedAt: '2025-09-01',
    });
    await employerWith(db, am25, [
      ['prospect', '2026-04-01T10:00:00Z'],
      ['sw_pilot', '2026-04-15T10:00:00Z', 'trajectory'],
    ]);
    await employerWith(db, am01, [
      ['prospect', '2025-07-01T10:00:00Z'],
      ['sw_pilot', '2025-07-10T10:00:00Z', 'trajectory'],
    ]);
  });

  afterEach(() => {
    now = '2026-06-01T10:00:00Z';
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should group by month with shares worked out by hand and null for windows not yet passed', async () => {
    const response = await get(`/api/reports/cohorts?regionId=${am25}&by=month`).expect(200);
    // 2025-07 = P1, P2. Windows end at 07-31 + N months: 10-31 and 2026-01-31 passed, 2026-07-31 not (null).
    //   own within 3: P1 09-05 ≤ 10-10 yes, P2 10-21 > 10-20 no → 1/2; within 6: both → 1.
    //   structural within 3: none → 0; within 6: P1 12-01 ≤ 2026-01-10 → 1/2.
    // 2025-08 = P3, P4. own: P4 had it before its start (counts as reached), P3 never → 1/2, 1/2; structural 0.
    // 2026-04 = P5: 04-30 + 3 months = 07-30 is after today → all null.
    expect(response.body).toEqual({
      by: 'month',
      cohorts: [
        {
          period: '2025-07',
          size: 2,
          ownTrajectoryWithin: { '3': 0.5, '6': 1, '12': null },
          structuralWithin: { '3': 0, '6': 0.5, '12': null },
        },
        {
          period: '2025-08',
          size: 2,
          ownTrajectoryWithin: { '3': 0.5, '6': 0.5, '12': null },
          structuralWithin: { '3': 0, '6': 0, '12': null },
        },
        {
          period: '2026-04',
          size: 1,
          ownTrajectoryWithin: { '3': null, '6': null, '12': null },
          structuralWithin: { '3': null, '6': null, '12': null },
        },
      ],
    });
  });

  it('should group by quarter when by is left out', async () => {
    const response = await get(`/api/reports/cohorts?regionId=${am25}`).expect(200);
    // 2025-Q3 = P1..P4; windows end 12-30, 2026-03-30 (passed), 2026-09-30 (null).
    //   own within 3: P1, P4 → 2/4; within 6: P1, P2, P4 → 3/4. structural within 6: P1 → 1/4.
    expect(response.body.cohorts).toEqual([
      {
        period: '2025-Q3',
        size: 4,
        ownTrajectoryWithin: { '3': 0.5, '6': 0.75, '12': null },
        structuralWithin: { '3': 0, '6': 0.25, '12': null },
      },
      {
        period: '2026-Q2',
        size: 1,
        ownTrajectoryWithin: { '3': null, '6': null, '12': null },
        structuralWithin: { '3': null, '6': null, '12': null },
      },
    ]);
  });

  it('should keep a window null on its last day and fill it the day after', async () => {
    // July's 3-month window ends 2025-10-31 (the end of July + 3 months).
    now = '2025-10-31T12:00:00Z';
    const onLastDay = await get(`/api/reports/cohorts?regionId=${am25}&by=month`).expect(200);
    expect(onLastDay.body.cohorts[0].ownTrajectoryWithin['3']).toBeNull();
    now = '2025-10-31T23:30:00Z'; // 00:30 on 11-01 in Amsterdam (UTC+1 since 10-26)
    const dayAfter = await get(`/api/reports/cohorts?regionId=${am25}&by=month`).expect(200);
    expect(dayAfter.body.cohorts[0].ownTrajectoryWithin['3']).toBe(0.5);
  });

  it('should answer 400 for an unknown grouping and 404 for a region outside the caller', async () => {
    await get('/api/reports/cohorts?by=week').expect(400);
    const am01 = await regionId(testApp, 'AM01');
    await get(`/api/reports/cohorts?regionId=${am01}`).expect(404);
  });

  it('should answer CSV with empty cells for null windows', async () => {
    const response = await get(`/api/reports/cohorts.csv?regionId=${am25}`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    expect(response.text.split('\n')).toEqual([
      'period,size,ownTrajectoryWithin3,ownTrajectoryWithin6,ownTrajectoryWithin12,structuralWithin3,structuralWithin6,structuralWithin12',
      '2025-Q3,4,0.5,0.75,,0,0.25,',
      '2026-Q2,1,,,,,,',
      '',
    ]);
  });
});
