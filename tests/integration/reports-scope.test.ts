import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, DomainError, loadConfig } from '@app/core';
import type { Principal } from '@app/auth';
import { ReportingModule, ReportsService, TrajectoryReportService } from '@app/reporting';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';

const ADMIN: Principal = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'a@x',
  name: 'A',
  role: 'admin',
  regionIds: [],
};
const UNKNOWN_REGION = '00000000-0000-4000-8000-00000000beef';

/** The kind of DomainError a report call fails with (`not_found`, `invalid`, …), or `ok`. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.kind;
    throw error;
  }
}

// The admin's "does this region exist?" runs beside the report's statements (ReportScope.run): the answer
// must still be the 404 for an unknown region, before any 400, and the report itself for a known one.
describe('Report scope (an admin naming a region)', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let reports: ReportsService;
  let trajectories: TrajectoryReportService;
  let regionId: string;

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
    trajectories = context.get(TrajectoryReportService);
    [{ id: regionId }] = await context.get(DataSource).query(`SELECT id FROM regions WHERE code = 'AM25'`);
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('should answer 404 for a region that does not exist, also when another input is invalid too', async () => {
    const calls = (region: string, bad: boolean) => [
      reports.funnel(ADMIN, { regionId: region, from: bad ? 'nonsense' : undefined }),
      reports.cohorts(ADMIN, { regionId: region, by: bad ? 'year' : undefined }),
      trajectories.report(ADMIN, { regionId: region, to: bad ? '2026-02-30' : undefined }),
      reports.targets(ADMIN, { regionId: region, period: bad ? 'someday' : '2026' }),
    ];
    for (const bad of [false, true]) {
      expect(await Promise.all(calls(UNKNOWN_REGION, bad).map(outcome))).toEqual([
        'not_found',
        'not_found',
        'not_found',
        'not_found',
      ]);
    }
    expect(await Promise.all(calls(regionId, true).map(outcome))).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
  });

  it('should answer the report for a region that exists', async () => {
    const funnel = await reports.funnel(ADMIN, { regionId, from: '2026-01-01', to: '2026-03-31' });
    expect(funnel).toMatchObject({ from: '2026-01-01', to: '2026-03-31', newToNetwork: 0 });
    expect(funnel.stages.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const targets = await reports.targets(ADMIN, { regionId, period: '2026-Q1' });
    expect(targets).toMatchObject({ regionId, period: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect((await reports.cohorts(ADMIN, { regionId })).cohorts).toEqual([]);
    expect((await trajectories.report(ADMIN, { regionId, to: '2026-03-31' })).started.total).toBe(0);
  });
});
