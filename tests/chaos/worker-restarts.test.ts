import { Job, Queue, QueueEvents } from 'bullmq';
import pg from 'pg';
import { QueueName, redisConnectionOptions } from '@app/core';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { BuiltProcess } from '../support/built-process';
import {
  addressDraw,
  bySize,
  campaignDone,
  campaignFigures,
  figureLine,
  pause,
  PROFILE,
  random,
  report,
  SEED,
  SeededCampaign,
  seedCampaign,
  until,
} from './support/chaos-campaign';
import { activeJobs, expireDeadLocks, startWorker, WorkerEnv } from './support/chaos-worker';

/**
 * Scenarios 1 and 2 (docs/reliability.md "Faults during a campaign"): the built standalone worker is
 * killed (`kill -9`) or stopped (SIGTERM) at seeded random moments of a two-step campaign and started
 * again by the test. One in ten recipients is slow (1 s before the 250), so stops land mid-send.
 */
const REDIS_URL = testRedisUrl();
/** Short profile: a dead worker's locks are expired by the test instead of lapsing after 30 s (see expireDeadLocks). */
const FAST_EXPIRY = PROFILE === 'short';

interface Fixture {
  database: TestDatabase;
  db: pg.Pool;
  sink: SmtpSink;
  env: WorkerEnv;
  worker?: BuiltProcess;
}

async function setUp(extra: Record<string, string> = {}): Promise<Fixture> {
  const database = await createTestDatabase();
  const sink = await startSmtpSink({
    afterData: (address) => (addressDraw(address) < 0.1 ? { kind: 'tarpit', ms: 1000 } : undefined),
  });
  return {
    database,
    db: new pg.Pool({ connectionString: database.url, max: 4 }),
    sink,
    env: { databaseUrl: database.url, redisUrl: REDIS_URL, queuePrefix: testQueuePrefix(), smtpUrl: sink.url, extra },
  };
}

async function tearDown(fixture: Fixture | undefined): Promise<void> {
  if (!fixture) return;
  await fixture.worker?.stop('SIGKILL');
  await fixture.db.end();
  await fixture.sink.close();
  await fixture.database.drop();
}

/** Kills the worker and, in the short profile (or when asked), ages its locks out at once. */
async function kill(fixture: Fixture, fastExpiry = FAST_EXPIRY): Promise<string[]> {
  await fixture.worker!.stop('SIGKILL');
  if (!fastExpiry) return [];
  const [emails] = await Promise.all([
    expireDeadLocks(REDIS_URL, fixture.env.queuePrefix, QueueName.EmailSend),
    expireDeadLocks(REDIS_URL, fixture.env.queuePrefix, QueueName.Dispatch),
  ]);
  return emails;
}

describe('Scenario 1: the worker is killed with SIGKILL at random moments', () => {
  let fixture: Fixture | undefined;

  afterAll(() => tearDown(fixture));

  it('should send every step exactly once or record it unknown when the worker is killed, the same job twice included', async () => {
    fixture = await setUp();
    const { db, env } = fixture;
    const kills = bySize(3, 10);
    const next = random(SEED + 1);
    const campaign: SeededCampaign = await seedCampaign(db, { contacts: bySize(80, 5000), waitSeconds: bySize(6, 2) });
    const started = Date.now();

    // The double kill: the campaign row is held, so every send hangs in its claim (still `queued`).
    const holder = new pg.Client({ connectionString: env.databaseUrl });
    holder.on('error', () => undefined);
    await holder.connect();
    await holder.query('BEGIN');
    // NO KEY UPDATE: the claim (FOR UPDATE) waits, the dispatcher's ledger inserts (FK key share) do not.
    await holder.query(`SELECT 1 FROM campaigns WHERE id = $1 FOR NO KEY UPDATE`, [campaign.id]);
    fixture.worker = await startWorker(env);
    await until(
      async () => (await activeJobs(REDIS_URL, env.queuePrefix, QueueName.EmailSend)).length > 0,
      60_000,
      'a send to hang in its claim',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${fixture?.worker?.output().slice(-3000)}`);
    });
    const victims = await activeJobs(REDIS_URL, env.queuePrefix, QueueName.EmailSend);
    // Both profiles expire these two kills' locks at once: with the real lapse, two full runs saw no
    // give-up by BullMQ within 400 s (not understood yet; see docs/reliability.md).
    await kill(fixture, true);
    fixture.worker = await startWorker(env);
    await until(
      async () =>
        (await activeJobs(REDIS_URL, env.queuePrefix, QueueName.EmailSend)).some((id) => victims.includes(id)),
      // Full profile: the lock lapses (30 s) and the next stalled checks notice (every 30 s).
      bySize(120_000, 400_000),
      'a killed job to run again',
    );
    await kill(fixture, true);
    fixture.worker = await startWorker(env);
    // BullMQ gives up on a job that stalled twice; the dispatcher must still send its message.
    const queue = new Queue(QueueName.EmailSend, {
      connection: redisConnectionOptions(REDIS_URL),
      prefix: env.queuePrefix,
    });
    let gaveUp: Job[] = [];
    try {
      await until(
        async () => {
          gaveUp = (await queue.getFailed()).filter(
            (job) => victims.includes(job.id!) && /stalled more than allowable limit/.test(job.failedReason),
          );
          return gaveUp.length > 0;
        },
        bySize(120_000, 400_000),
        'BullMQ to give up on a job killed twice',
      );
    } finally {
      await queue.close();
    }
    const abandonedLedgerIds = gaveUp.map((job) => (job.data as { ledgerId: string }).ledgerId);
    await holder.query('ROLLBACK');
    await holder.end();

    // The other kills: at seeded random moments while the campaign runs.
    let done = 2;
    while (done < kills && !(await campaignDone(db, campaign.id))) {
      await pause(500 + Math.floor(next() * 3000));
      await kill(fixture);
      done += 1;
      fixture.worker = await startWorker(env);
    }
    await until(() => campaignDone(db, campaign.id), bySize(240_000, 1_200_000), 'the campaign to complete');
    const figures = await campaignFigures(db, campaign, fixture.sink);
    const abandoned = (
      await db.query<{ status: string }>(`SELECT status FROM send_ledger WHERE id = ANY($1::uuid[])`, [
        abandonedLedgerIds,
      ])
    ).rows;
    report('1 kill -9', figureLine(figures), {
      kills: done,
      doubleKilledJobsGivenUpByBullMQ: gaveUp.length,
      theirLedgerRows: abandoned.map((row) => row.status),
      fastLockExpiry: FAST_EXPIRY,
      seconds: Math.round((Date.now() - started) / 1000),
    });

    expect(done).toBeGreaterThanOrEqual(bySize(2, 10));
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.misrecorded).toBe(0);
    expect(figures.pending).toBe(0);
    expect(figures.delivered + figures.unknown).toBe(figures.expected);
    // The jobs BullMQ gave up on were never claimed (held at the claim): the dispatcher sent them later.
    expect(abandoned.length).toBeGreaterThan(0);
    expect(abandoned.every((row) => row.status === 'sent')).toBe(true);
  }, 1_300_000);
});

describe('Scenario 2: the worker is stopped with SIGTERM at random moments', () => {
  let fixture: Fixture | undefined;

  afterAll(() => tearDown(fixture));

  it('should finish running jobs before exiting so that no job stalls and nothing is lost or sent twice', async () => {
    fixture = await setUp({ SHUTDOWN_GRACE_MS: '20000' });
    const { db, env } = fixture;
    const restarts = bySize(2, 20);
    const next = random(SEED + 2);
    const stalled: string[] = [];
    const events = [QueueName.EmailSend, QueueName.Dispatch, QueueName.SequenceStep].map((name) => {
      const listener = new QueueEvents(name, {
        connection: redisConnectionOptions(REDIS_URL),
        prefix: env.queuePrefix,
      });
      listener.on('stalled', ({ jobId }) => stalled.push(`${name}:${jobId}`));
      return listener;
    });
    try {
      await Promise.all(events.map((listener) => listener.waitUntilReady()));
      const campaign = await seedCampaign(db, { contacts: bySize(60, 5000), waitSeconds: bySize(6, 2) });
      const started = Date.now();
      fixture.worker = await startWorker(env);
      const drains: number[] = [];
      const leftActive: string[] = [];
      let done = 0;
      while (done < restarts && !(await campaignDone(db, campaign.id))) {
        await pause(300 + Math.floor(next() * 2000));
        const stoppedAt = Date.now();
        const exit = await fixture.worker.stop('SIGTERM');
        drains.push(Date.now() - stoppedAt);
        expect(exit).toEqual({ code: 0, signal: null });
        // A job still in `active` with no worker is a stall in the making (BullMQ reports it 30 s later).
        for (const name of [QueueName.EmailSend, QueueName.Dispatch]) {
          for (const id of await activeJobs(REDIS_URL, env.queuePrefix, name)) leftActive.push(`${name}:${id}`);
        }
        done += 1;
        fixture.worker = await startWorker(env);
      }
      await until(() => campaignDone(db, campaign.id), bySize(240_000, 1_200_000), 'the campaign to complete');
      // A stall is only reported by the next stalled check (every 30 s): give one the chance to run.
      await pause(bySize(1000, 35_000));
      const figures = await campaignFigures(db, campaign, fixture.sink);
      report('2 SIGTERM', figureLine(figures), {
        restarts: done,
        stalledJobs: stalled.length,
        jobsLeftActive: leftActive.length,
        longestStopMs: Math.max(...drains),
        seconds: Math.round((Date.now() - started) / 1000),
      });

      expect(done).toBeGreaterThanOrEqual(bySize(2, 15));
      expect(stalled).toEqual([]);
      expect(leftActive).toEqual([]);
      expect(figures.duplicates).toBe(0);
      expect(figures.lost).toBe(0);
      expect(figures.unknown).toBe(0);
      expect(figures.misrecorded).toBe(0);
      expect(figures.delivered).toBe(figures.expected);
    } finally {
      await Promise.all(events.map((listener) => listener.close()));
    }
  }, 1_300_000);
});
