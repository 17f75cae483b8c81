import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, CoreInfrastructureModule, FixedClock, loadConfig, QueueName } from '@app/core';
import { MaintenanceWorkerModule, TASK_DIGEST_JOB, TaskDigestService } from '@app/crm';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';

const HOUR = 3_600_000;

describe('the 07:00 task digest (maintenance queue)', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let app: TestingModule;
  let db: DataSource;
  let digest: TaskDigestService;
  // 07:00 in Amsterdam (winter time, UTC+1) on Tuesday 2 March 2027.
  const clock = new FixedClock(new Date('2027-03-02T06:00:00Z'));
  let regionId: string;
  let employerId: string;

  const user = async (email: string, disabled = false): Promise<string> =>
    (
      await db.query(
        `INSERT INTO users (email, name, role, region_ids, password_hash, disabled_at)
         VALUES ($1, $1, 'account_manager', $2, 'x', $3) RETURNING id`,
        [email, [regionId], disabled ? new Date() : null],
      )
    )[0].id;
  const task = async (assigneeId: string, title: string, dueAt: string, done = false) =>
    db.query(
      `INSERT INTO tasks (employer_id, region_id, title, due_at, assignee_id, done_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [employerId, regionId, title, new Date(dueAt), assigneeId, done ? new Date(dueAt) : null],
    );
  const mailsTo = (address: string) => sink.messages.filter((m) => m.envelope.rcptTo.includes(address));

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: 'inbound.vliegwiel.test',
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
    digest = app.get(TaskDigestService);
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
    employerId = (
      await db.query(
        `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'employer', 'Bakkerij Jansen') RETURNING id`,
        [regionId],
      )
    )[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await sink?.close();
    await database?.drop();
  });

  it('should register one job scheduler at 07:00 Europe/Amsterdam when the module starts', async () => {
    const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
    const scheduler = await queue.getJobScheduler(TASK_DIGEST_JOB);

    expect(scheduler).toMatchObject({ pattern: '0 7 * * *', tz: 'Europe/Amsterdam' });
    expect((await queue.getJobSchedulers()).filter((s) => s.key === TASK_DIGEST_JOB)).toHaveLength(1);
  });

  it('should send each user one e-mail listing overdue and today’s open tasks, once, when several workers run it', async () => {
    const anna = await user('anna@wsp.example');
    const bob = await user('bob@wsp.example');
    const gone = await user('gone@wsp.example', true);
    await task(anna, 'Bel terug over de pilot', '2027-02-26T09:00:00Z'); // overdue
    await task(anna, 'Offerte sturen', '2027-03-02T14:00:00Z'); // today, 15:00 local
    await task(anna, 'Late avond', '2027-03-02T22:30:00Z'); // today, 23:30 local
    await task(anna, 'Al gedaan', '2027-03-01T09:00:00Z', true);
    await task(anna, 'Morgen pas', '2027-03-02T23:30:00Z'); // tomorrow, 00:30 local
    await task(bob, 'Volgende week', '2027-03-09T09:00:00Z');
    await task(gone, 'Vergeten', '2027-02-20T09:00:00Z');

    const counts = await Promise.all([digest.run(), digest.run(), digest.run()]);

    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const [mail] = await sink.waitFor(1);
    expect(mailsTo('anna@wsp.example')).toHaveLength(1);
    expect(mailsTo('bob@wsp.example')).toHaveLength(0);
    expect(mailsTo('gone@wsp.example')).toHaveLength(0);
    expect(mail.parsed.subject).toBe('Uw taken voor vandaag (3)');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Bel terug over de pilot');
    expect(text).toContain('2027-03-02 15:00 — Bakkerij Jansen: Offerte sturen');
    expect(text).toContain('Late avond');
    expect(text).not.toContain('Al gedaan');
    expect(text).not.toContain('Morgen pas');
  });

  it('should send nothing more the same day and send again the next morning when tasks are still open', async () => {
    clock.advance(6 * HOUR);
    expect(await digest.run()).toBe(0);

    clock.set(new Date('2027-03-03T06:00:00Z'));
    expect(await digest.run()).toBe(1);
    await sink.waitFor(2);
    const latest = mailsTo('anna@wsp.example').at(-1)!;
    expect(latest.parsed.subject).toBe('Uw taken voor vandaag (4)');
    expect(await db.query(`SELECT day::text FROM task_digests ORDER BY day`)).toEqual([
      { day: '2027-03-02' },
      { day: '2027-03-03' },
    ]);
  });

  it('should send the digest when the maintenance worker gets a task-digest job', async () => {
    clock.set(new Date('2027-03-04T06:00:00Z'));
    const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));

    const job = await queue.add(TASK_DIGEST_JOB, {});

    await sink.waitFor(3);
    expect(mailsTo('anna@wsp.example')).toHaveLength(3);
    const deadline = Date.now() + 10_000;
    while (!(await job.isCompleted()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await queue.getJob(job.id!))?.returnvalue).toBe(1);
  });
});
