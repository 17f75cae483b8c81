import { Redis } from 'ioredis';
import pg from 'pg';
import request from 'supertest';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix } from '@app/testing';
import { BuiltProcess } from '../support/built-process';
import { startTestApp, TestApp } from '../support/test-app';
import {
  bySize,
  campaignDone,
  campaignFigures,
  figureLine,
  pause,
  random,
  report,
  SEED,
  seedCampaign,
  sentCount,
  until,
} from './support/chaos-campaign';
import { ChaosProxy, ChaosRedis, startChaosProxy, startChaosRedis } from './support/chaos-redis';
import { startWorker } from './support/chaos-worker';

/**
 * Scenarios 3 and 4 (docs/reliability.md "Faults during a campaign"): Redis restarted (with its
 * append-only file) and emptied under a running campaign, and Redis unreachable for a while behind a
 * proxy the test cuts — the built worker must carry on by itself, and readiness must say so.
 */
describe('Scenario 3: Redis restarted and emptied while a campaign sends', () => {
  let redis: ChaosRedis | undefined;
  let database: TestDatabase | undefined;
  let sink: SmtpSink | undefined;
  let db: pg.Pool | undefined;
  let worker: BuiltProcess | undefined;

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await db?.end();
    await sink?.close();
    await redis?.close();
    await database?.drop();
  });

  it('should lose nothing and send nothing twice when Redis restarts 5 times and is emptied once', async () => {
    redis = await startChaosRedis();
    database = await createTestDatabase();
    sink = await startSmtpSink({ afterData: () => ({ kind: 'tarpit', ms: 20 }) });
    db = new pg.Pool({ connectionString: database.url, max: 3 });
    const queuePrefix = testQueuePrefix();
    const restarts = bySize(2, 5);
    const next = random(SEED + 3);
    const campaign = await seedCampaign(db, { contacts: bySize(80, 5000), waitSeconds: bySize(4, 2) });
    const started = Date.now();
    worker = await startWorker({ databaseUrl: database.url, redisUrl: redis.url, queuePrefix, smtpUrl: sink.url });

    let done = 0;
    let flushed = false;
    while ((done < restarts || !flushed) && !(await campaignDone(db, campaign.id))) {
      await pause(500 + Math.floor(next() * 2500));
      if (done === Math.floor(restarts / 2) && !flushed) {
        const client = new Redis(redis.url);
        await client.flushall();
        client.disconnect();
        flushed = true;
        continue;
      }
      await redis.stop();
      await pause(200 + Math.floor(next() * 1500));
      await redis.start();
      done += 1;
    }
    await until(() => campaignDone(db!, campaign.id), bySize(240_000, 1_200_000), 'the campaign to complete');
    const figures = await campaignFigures(db, campaign, sink);
    report('3 Redis restarts + FLUSHALL', figureLine(figures), {
      restarts: done,
      flushed,
      workerAlive: worker.child.exitCode === null,
      seconds: Math.round((Date.now() - started) / 1000),
    });

    expect(done).toBeGreaterThanOrEqual(1);
    expect(worker.child.exitCode).toBeNull();
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.misrecorded).toBe(0);
    expect(figures.pending).toBe(0);
    expect(figures.delivered + figures.unknown).toBe(figures.expected);
  }, 1_300_000);
});

describe('Scenario 4: Redis unreachable for a while', () => {
  let redis: ChaosRedis | undefined;
  let proxy: ChaosProxy | undefined;
  let testApp: TestApp | undefined;
  let sink: SmtpSink | undefined;
  let db: pg.Pool | undefined;
  let worker: BuiltProcess | undefined;
  const OUTAGE_MS = bySize(8000, 60_000);

  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await worker?.stop('SIGKILL');
    await db?.end();
    await testApp?.close();
    await sink?.close();
    await proxy?.close();
    await redis?.close();
  });

  it('should turn readiness red within 3 s of the outage and finish the campaign by itself once Redis is back', async () => {
    redis = await startChaosRedis();
    proxy = await startChaosProxy(redis.port);
    sink = await startSmtpSink({ afterData: () => ({ kind: 'tarpit', ms: 20 }) });
    // The api alone (WORKERS=off) answers readiness; the built worker does the sending.
    testApp = await startTestApp({
      REDIS_URL: proxy.url,
      WORKERS: 'off',
      WORKER_STALL_MS: String(bySize(5000, 15_000)),
    });
    db = new pg.Pool({ connectionString: testApp.database.url, max: 3 });
    const campaign = await seedCampaign(db, { contacts: bySize(60, 2000), waitSeconds: 2 });
    worker = await startWorker({
      databaseUrl: testApp.database.url,
      redisUrl: proxy.url,
      queuePrefix: testApp.config.queuePrefix,
      smtpUrl: sink.url,
    });
    const ready = () => request(testApp!.app.getHttpServer()).get('/api/health/ready');
    await until(async () => (await sentCount(db!, campaign.id)) > 0, 60_000, 'the first sends');
    await until(async () => (await ready()).status === 200, 30_000, 'readiness before the outage');

    const cutAt = Date.now();
    await proxy.cut();
    await until(async () => (await ready()).status === 503, 10_000, 'readiness to turn red');
    const redAfterMs = Date.now() - cutAt;
    const red = await ready();
    const sentDuring = await sentCount(db, campaign.id);
    await pause(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
    const stillRed = (await ready()).status;
    await proxy.restore();
    const restoredAt = Date.now();
    await until(async () => (await ready()).status === 200, 60_000, 'readiness to turn green again');
    const greenAfterMs = Date.now() - restoredAt;
    await until(() => campaignDone(db!, campaign.id), bySize(180_000, 900_000), 'the campaign to complete');
    const resumedWithinMs = Date.now() - restoredAt;
    const figures = await campaignFigures(db, campaign, sink);
    report('4 Redis unreachable', figureLine(figures), {
      outageMs: OUTAGE_MS,
      redAfterMs,
      greenAfterMs,
      campaignDoneAfterRestoreMs: resumedWithinMs,
      sentBeforeOutage: sentDuring,
    });

    expect(red.body.down).toContain('redis');
    expect(redAfterMs).toBeLessThan(3000);
    expect(stillRed).toBe(503);
    expect(worker.child.exitCode).toBeNull();
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.misrecorded).toBe(0);
    expect(figures.pending).toBe(0);
    expect(figures.delivered + figures.unknown).toBe(figures.expected);
  }, 1_300_000);
});
