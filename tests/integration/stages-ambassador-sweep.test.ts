import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, CoreInfrastructureModule, FixedClock, loadConfig, QueueName } from '@app/core';
import type { Principal } from '@app/auth';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import {
  AMBASSADOR_SWEEP_SCHEDULE,
  AmbassadorSweep,
  EmployerService,
  MaintenanceJob,
  MaintenanceWorkerModule,
  StageService,
  StoryService,
  todayInAmsterdam,
} from '@app/crm';

const DAY = 86_400_000;

describe('the daily ambassador sweep (maintenance queue)', () => {
  let database: TestDatabase;
  let app: TestingModule;
  let db: DataSource;
  let sweep: AmbassadorSweep;
  let stages: StageService;
  const clock = new FixedClock(new Date());
  let coordinator: Principal;
  let kvk = 71000000;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    app = await Test.createTestingModule({
      imports: [CoreInfrastructureModule.forRoot(config, database.url), MaintenanceWorkerModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app.useLogger(['error', 'warn']);
    await app.init();
    db = app.get(DataSource);
    sweep = app.get(AmbassadorSweep);
    stages = app.get(StageService);
    const regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
    const [{ id }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash)
       VALUES ('c@test.example', 'C', 'coordinator', $1, 'x') RETURNING id`,
      [[regionId]],
    );
    coordinator = { id, email: 'c@test.example', name: 'C', role: 'coordinator', regionIds: [regionId] };
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** A `YYYY-MM-DD` date `days` from the clock's today in Amsterdam. */
  const day = (days: number) => todayInAmsterdam(new FixedClock(new Date(clock.now().getTime() + days * DAY)));
  const employer = async (): Promise<string> =>
    (
      await app
        .get(EmployerService)
        .create(coordinator, { name: 'W', kvkNumber: String(kvk++), regionId: coordinator.regionIds[0] })
    ).id;
  const structural = (id: string) =>
    stages.advance(id, 'structural', { cause: 'trajectory', at: clock.now(), by: null });
  const story = (employerId: string, consentAt: string) =>
    app.get(StoryService).create(coordinator, {
      employerId,
      title: 'Leerbaan',
      summary: 'Een kandidaat bleef na de praktijkverklaring.',
      published: true,
      consentAt,
    });
  const last = async (id: string) =>
    (
      await db.query(
        `SELECT to_stage AS "to", at, cause, by_user_id AS "by" FROM stage_changes WHERE employer_id = $1
         ORDER BY seq DESC LIMIT 1`,
        [id],
      )
    )[0];

  it('should move a structural employer on the day its story’s consent arrives, once', async () => {
    const waiting = await employer();
    await structural(waiting);
    await story(waiting, day(1));
    const overridden = await employer();
    await story(overridden, day(-10));
    await stages.moveByHand(coordinator, overridden, { stage: 'structural', override: true, reason: 'Correctie' });
    const notYet = await employer();
    await stages.advance(notYet, 'own_trajectory', { cause: 'trajectory', at: clock.now(), by: null });
    await story(notYet, day(-10));

    await sweep.run();
    expect((await last(waiting)).to).toBe('structural');

    clock.advance(DAY);
    const consentDay = day(0);
    expect(await sweep.run()).toBe(1);
    const moved = await last(waiting);
    expect(moved).toMatchObject({ to: 'ambassador', cause: 'story', by: null });
    // Dated when the story became usable: 00:00 of the consent day in Amsterdam.
    expect(todayInAmsterdam(new FixedClock(moved.at))).toBe(consentDay);
    expect((await last(overridden)).to).toBe('structural');
    expect((await last(notYet)).to).toBe('own_trajectory');

    expect(await sweep.run()).toBe(0);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM stage_changes WHERE employer_id = $1 AND to_stage = 'ambassador'`,
      [waiting],
    );
    expect(n).toBe(1);
  });

  it('should register the sweep as a daily job scheduler at 03:00 Amsterdam time when the worker starts', async () => {
    const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
    const scheduler = await queue.getJobScheduler(MaintenanceJob.AmbassadorSweep);
    expect(scheduler).toMatchObject({
      name: MaintenanceJob.AmbassadorSweep,
      pattern: AMBASSADOR_SWEEP_SCHEDULE.pattern,
      tz: 'Europe/Amsterdam',
    });
    expect(AMBASSADOR_SWEEP_SCHEDULE.pattern).toBe('0 3 * * *');
    // One scheduler per maintenance job: the sweep and the 07:00 task digest.
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
      [MaintenanceJob.AmbassadorSweep, MaintenanceJob.TaskDigest].sort(),
    );
  });
});
