import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import type { Principal } from '@app/auth';
import { ReportingModule, ReportsService } from '@app/reporting';
import { createTestDatabase, seededRandom, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';

const STATES = [
  'prospect',
  'contacted',
  'interested',
  'sw_pilot',
  'own_trajectory',
  'structural',
  'ambassador',
  'not_interested',
  'paused',
];
const PIPELINE = STATES.slice(0, 7);
const DAY = 86_400_000;
const ADMIN: Principal = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'a@x',
  name: 'A',
  role: 'admin',
  regionIds: [],
};
const amsterdamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

describe('Funnel reached (property)', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let reports: ReportsService;
  const histories: { to: string; at: Date }[][] = [];
  const random = seededRandom(20261128);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), ReportingModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    reports = context.get(ReportsService);
    const db = context.get(DataSource);
    const [{ id: regionId }] = await db.query(`SELECT id FROM regions WHERE code = 'AM25'`);
    // 120 employers, 1–10 random moves each (any state, any order: overrides and reversals included).
    for (let e = 0; e < 120; e++) {
      let at = Date.parse('2025-01-01T00:00:00Z') + random() * 365 * DAY;
      const steps = [{ to: 'prospect', at: new Date(at) }];
      for (let n = Math.floor(random() * 10); n > 0; n--) {
        at += Math.floor(random() * 40 * DAY);
        steps.push({ to: pick(STATES), at: new Date(at) });
      }
      histories.push(steps);
      await db.query(
        `WITH e AS (INSERT INTO organisations (region_id, kind, name, stage) VALUES ($1, 'employer', 'W', $2) RETURNING id)
         INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
         SELECT e.id, $1, s.stage, s.at, 'override' FROM e, unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS s(stage, at, n)
         ORDER BY s.n`,
        [regionId, steps[steps.length - 1].to, steps.map((s) => s.to), steps.map((s) => s.at.toISOString())],
      );
    }
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('should never count more employers for a stage than for the stage before it when histories are random', async () => {
    for (let run = 0; run < 25; run++) {
      const start = Date.parse('2025-01-01T00:00:00Z') + random() * 600 * DAY;
      const from = amsterdamDay.format(new Date(start));
      const to = amsterdamDay.format(new Date(start + random() * 200 * DAY));
      const { stages } = await reports.funnel(ADMIN, { from, to });
      const reached = stages.map((s) => s.reached);
      for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]);
      // The same count, worked out here from the generated steps: each employer's highest stage entered in range.
      const expected = PIPELINE.map(
        (_, rank) =>
          histories.filter((steps) =>
            steps.some((s) => {
              const day = amsterdamDay.format(s.at);
              return day >= from && day <= to && PIPELINE.indexOf(s.to) >= rank;
            }),
          ).length,
      );
      expect(reached).toEqual(expected);
    }
  });
});
