import { DataSource } from 'typeorm';
import { SystemClock } from '@app/core';
import { StoryService, todayInAmsterdam } from '@app/crm';
import { seedDemoOnce } from '../../apps/api/demo/demo-seed';
import { DEMO_USERS } from '../../apps/api/demo/demo-people';
import { authed, login } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue 3's proof: the demo's employers in every stage with a consistent 18-month history. */
describe('demo history in the database', () => {
  let testApp: TestApp;
  let db: DataSource;
  let coordinator: ReturnType<typeof authed>;
  const query = <T>(sql: string, params: unknown[] = []) => db.query(sql, params) as Promise<T[]>;

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    await seedDemoOnce(() => undefined)(db);
    const user = DEMO_USERS.find((u) => u.key === 'coordinator')!;
    coordinator = authed(testApp, await login(testApp, user.email, user.password));
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should have employers in every stage and side state', async () => {
    const rows = await query<{ stage: string }>(`SELECT DISTINCT stage FROM organisations WHERE kind = 'employer'`);
    expect(rows.map((r) => r.stage).sort()).toEqual(
      [
        'ambassador',
        'contacted',
        'interested',
        'not_interested',
        'own_trajectory',
        'paused',
        'prospect',
        'structural',
        'sw_pilot',
      ].sort(),
    );
  });

  it('should end every employer’s stage history, one unbroken chain in time order, in its stage', async () => {
    const broken = await query<{ name: string }>(`
      SELECT o.name FROM organisations o
      JOIN LATERAL (
        SELECT array_agg(sc.to_stage ORDER BY sc.seq) AS tos, array_agg(sc.from_stage ORDER BY sc.seq) AS froms,
               array_agg(sc.at ORDER BY sc.seq) AS ats
        FROM stage_changes sc WHERE sc.employer_id = o.id
      ) h ON true
      WHERE o.kind = 'employer' AND (
        h.tos IS NULL OR h.tos[array_length(h.tos, 1)] <> o.stage OR h.froms[1] IS NOT NULL
        OR h.ats[1] <> o.created_at
        OR EXISTS (SELECT 1 FROM generate_subscripts(h.tos, 1) i
                   WHERE i > 1 AND (h.froms[i] <> h.tos[i - 1] OR h.ats[i] <= h.ats[i - 1])))`);
    expect(broken).toEqual([]);
  });

  it('should spread the history over the past 18 months and nothing in the future', async () => {
    const [span] = await query<{ oldest: number; newest: number; months: number }>(`
      SELECT extract(day FROM now() - min(at))::int AS oldest, extract(epoch FROM now() - max(at))::int AS newest,
             count(DISTINCT date_trunc('month', at))::int AS months
      FROM stage_changes`);
    expect(span.oldest).toBeLessThanOrEqual(550);
    expect(span.oldest).toBeGreaterThan(450);
    expect(span.newest).toBeGreaterThan(0);
    expect(span.months).toBeGreaterThanOrEqual(15);
    const future = await query(`SELECT 1 FROM activities WHERE at > now() UNION ALL
                                SELECT 1 FROM trajectories WHERE started_at > current_date`);
    expect(future).toEqual([]);
  });

  it('should date each trajectory-caused change at the start of a trajectory of that employer', async () => {
    const unexplained = await query(`
      SELECT sc.id FROM stage_changes sc
      WHERE sc.cause = 'trajectory' AND NOT EXISTS (
        SELECT 1 FROM trajectories t
        WHERE t.employer_id = sc.employer_id AND t.started_at = (sc.at AT TIME ZONE 'UTC')::date
          AND t.created_at <= sc.at)`);
    expect(unexplained).toEqual([]);
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM stage_changes WHERE cause = 'trajectory'`,
    );
    expect(n).toBeGreaterThan(10);
  });

  it('should keep the side states’ earlier stage so they can be left again', async () => {
    const rows = await query<{ stage: string; stage_before_side: string | null }>(
      `SELECT stage, stage_before_side FROM organisations WHERE stage IN ('not_interested', 'paused')`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(['contacted', 'interested']).toContain(row.stage_before_side);
  });

  it('should show the history, tasks and stories through the api', async () => {
    const stories = await coordinator.get('/api/stories').query({ usable: 'true' }).expect(200);
    expect(stories.body.total).toBeGreaterThanOrEqual(2);
    const ambassador = await coordinator.get('/api/employers').query({ stage: 'ambassador' }).expect(200);
    expect(ambassador.body.total).toBeGreaterThanOrEqual(1);
    const employer = ambassador.body.items[0] as { id: string; regionId: string; sbiSection: string };
    expect(stories.body.items.map((s: { employerId: string }) => s.employerId)).toContain(employer.id);
    const chosen = await testApp.app
      .get(StoryService)
      .findUsableStory({ regionId: employer.regionId, sbiVersion: 2025, sbiSection: employer.sbiSection });
    expect(chosen?.employerId).toBe(employer.id);

    const year = Number(todayInAmsterdam(new SystemClock()).slice(0, 4));
    const targets = await coordinator
      .get('/api/targets')
      .query({ period: String(year) })
      .expect(200);
    expect(targets.body.total).toBe(6);
    const next = await coordinator
      .get('/api/targets')
      .query({ period: String(year + 1) })
      .expect(200);
    expect(next.body.total).toBe(6);
    const [{ open, done }] = await query<{ open: number; done: number }>(
      `SELECT count(*) FILTER (WHERE done_at IS NULL)::int AS open, count(done_at)::int AS done FROM tasks`,
    );
    expect(open).toBeGreaterThan(10);
    expect(done).toBeGreaterThan(10);
  });
});
