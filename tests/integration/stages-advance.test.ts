import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, DomainEvents, loadConfig, Transactions } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { EMPLOYER_STAGE_CHANGED, EmployerService, EmployerStageChanged, StageService, StagesModule } from '@app/crm';

describe('StageService.advance', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  let stages: StageService;
  let regionId: string;
  let userId: string;
  const events: EmployerStageChanged[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), StagesModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    db = context.get(DataSource);
    stages = context.get(StageService);
    context.get(DomainEvents).subscribe<EmployerStageChanged>(EMPLOYER_STAGE_CHANGED, (e) => void events.push(e));
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
    userId = (
      await db.query(
        `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ('s@test.example', 'S', 'wsp_staff', $1, 'x')
         RETURNING id`,
        [[regionId]],
      )
    )[0].id;
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  beforeEach(() => {
    events.length = 0;
  });

  let kvk = 20000000;
  const employer = async (stage = 'prospect', stageBeforeSide: string | null = null): Promise<string> => {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number, stage, stage_before_side)
       VALUES ($1, 'employer', 'Werkgever', $2, $3, $4) RETURNING id`,
      [regionId, String(kvk++), stage, stageBeforeSide],
    );
    return rows[0].id;
  };
  const stageOf = async (id: string) =>
    (await db.query(`SELECT stage, stage_before_side AS "before" FROM organisations WHERE id = $1`, [id]))[0];
  const history = async (id: string) =>
    db.query(
      `SELECT from_stage AS "from", to_stage AS "to", at, by_user_id AS "by", cause, reason
       FROM stage_changes WHERE employer_id = $1 ORDER BY seq`,
      [id],
    );

  it('should move forward, record the change with its date and publish the event when the stage is earlier', async () => {
    const id = await employer('contacted');
    const startedAt = new Date('2026-03-02T08:00:00Z');
    const moved = await stages.advance(id, 'sw_pilot', { cause: 'trajectory', at: startedAt, by: userId });
    expect(moved).toBe(true);
    expect(await stageOf(id)).toEqual({ stage: 'sw_pilot', before: null });
    expect(await history(id)).toEqual([
      { from: 'contacted', to: 'sw_pilot', at: startedAt, by: userId, cause: 'trajectory', reason: null },
    ]);
    expect(events).toEqual([
      {
        name: EMPLOYER_STAGE_CHANGED,
        employerId: id,
        regionId,
        from: 'contacted',
        to: 'sw_pilot',
        at: startedAt,
        cause: 'trajectory',
        by: userId,
      },
    ]);
  });

  it('should do nothing and return false when the employer already is at that stage or later', async () => {
    const id = await employer('own_trajectory');
    expect(await stages.advance(id, 'sw_pilot', { cause: 'trajectory', at: new Date(), by: null })).toBe(false);
    expect(await stages.advance(id, 'own_trajectory', { cause: 'trajectory', at: new Date(), by: null })).toBe(false);
    expect(await stageOf(id)).toEqual({ stage: 'own_trajectory', before: null });
    expect(await history(id)).toEqual([]);
    expect(events).toEqual([]);
  });

  it('should date the change now when the given time lies in the future', async () => {
    const id = await employer();
    const before = Date.now();
    await stages.advance(id, 'contacted', { cause: 'manual', at: new Date(Date.now() + 86_400_000), by: userId });
    const [row] = await history(id);
    expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('should lift a side state when a trajectory leads past the stage kept from before it', async () => {
    const id = await employer('paused', 'contacted');
    expect(await stages.advance(id, 'sw_pilot', { cause: 'trajectory', at: new Date(), by: null })).toBe(true);
    expect(await stageOf(id)).toEqual({ stage: 'sw_pilot', before: null });
    const [row] = await history(id);
    expect(row).toMatchObject({ from: 'paused', to: 'sw_pilot' });
  });

  it('should keep a side state when the fact does not lead past the stage kept from before it', async () => {
    const id = await employer('not_interested', 'structural');
    expect(await stages.advance(id, 'own_trajectory', { cause: 'trajectory', at: new Date(), by: null })).toBe(false);
    expect(await stageOf(id)).toEqual({ stage: 'not_interested', before: 'structural' });
  });

  it('should keep a side state when the cause is contact (a call or a campaign e-mail)', async () => {
    const id = await employer('not_interested', 'prospect');
    expect(await stages.advance(id, 'contacted', { cause: 'campaign', at: new Date(), by: null })).toBe(false);
    expect(await stages.advance(id, 'contacted', { cause: 'manual', at: new Date(), by: userId })).toBe(false);
    expect(await stageOf(id)).toEqual({ stage: 'not_interested', before: 'prospect' });
  });

  it('should roll back with the caller and publish nothing when the surrounding transaction fails', async () => {
    const id = await employer();
    await expect(
      context.get(Transactions).run(async () => {
        await stages.advance(id, 'interested', { cause: 'manual', at: new Date(), by: userId });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await stageOf(id)).toEqual({ stage: 'prospect', before: null });
    expect(await history(id)).toEqual([]);
    expect(events).toEqual([]);
  });

  /** An employer as the api creates it: its history starts with the "entered prospect" row. */
  const created = async (): Promise<string> => {
    const principal = {
      id: userId,
      email: 's@test.example',
      name: 'S',
      role: 'wsp_staff' as const,
      regionIds: [regionId],
    };
    return (await context.get(EmployerService).create(principal, { name: 'W', kvkNumber: String(kvk++), regionId })).id;
  };
  const dates = async (id: string) =>
    (await history(id)).map((row: { to: string; at: Date }) => [row.to, row.at.toISOString()]);

  it('should move the initial prospect row back when a fact is dated before it and nothing else is later', async () => {
    const id = await created();
    const call = new Date('2024-05-02T09:15:00Z');
    await stages.advance(id, 'contacted', { cause: 'manual', at: call, by: userId });
    expect(await dates(id)).toEqual([
      ['prospect', call.toISOString()],
      ['contacted', call.toISOString()],
    ]);
  });

  it('should date a fact at the latest change when a change other than the initial row is later', async () => {
    const id = await created();
    const pilot = new Date('2026-06-01T12:00:00Z');
    await stages.advance(id, 'sw_pilot', { cause: 'trajectory', at: pilot, by: null });
    await stages.advance(id, 'own_trajectory', { cause: 'trajectory', at: new Date('2026-01-15T12:00:00Z'), by: null });
    expect(await dates(id)).toEqual([
      ['prospect', pilot.toISOString()],
      ['sw_pilot', pilot.toISOString()],
      ['own_trajectory', pilot.toISOString()],
    ]);
    expect(events.at(-1)).toMatchObject({ to: 'own_trajectory', at: pilot });
  });

  it('should fail with not found when the employer does not exist', async () => {
    await expect(
      stages.advance('00000000-0000-4000-8000-000000000001', 'contacted', {
        cause: 'manual',
        at: new Date(),
        by: null,
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});
