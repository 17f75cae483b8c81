import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import request from 'supertest';
import { freePort, QueueName, redisAnswers, redisConnectionOptions } from '@app/core';
import { ReadinessService } from '../../apps/api/health/readiness.service';
import { startTestApp, TestApp } from '../support/test-app';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const ready = (testApp: TestApp) => request(testApp.app.getHttpServer()).get('/api/health/ready');

describe('GET /api/health/ready and /api/health', () => {
  describe('with the database, Redis and inline workers up', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await startTestApp();
    });

    afterAll(async () => {
      await testApp?.close();
    });

    it('should answer 200 without a token naming every check up when everything is up', async () => {
      const response = await ready(testApp).expect(200);

      expect(response.body).toEqual({
        status: 'ok',
        down: [],
        checks: { database: { status: 'up' }, redis: { status: 'up' }, workers: { status: 'up', stalled: [] } },
      });
      expect(response.headers['cache-control']).toBe('no-store');
      const health = await request(testApp.app.getHttpServer()).get('/api/health').expect(200);
      expect(health.body).toEqual(response.body);
      await request(testApp.app.getHttpServer()).get('/api/health/live').expect(200, { status: 'ok' });
    });
  });

  describe('when the first checks arrive together', () => {
    let testApp: TestApp;

    beforeAll(async () => {
      testApp = await startTestApp();
    });

    afterAll(async () => {
      await testApp?.close();
    });

    it('should report Redis up to each of them when they all find it not yet connected', async () => {
      // Started in one go, so the first has begun the lazy connect before the others look: the race, every time.
      const readiness = testApp.app.get(ReadinessService);
      const checks = await Promise.all(Array.from({ length: 4 }, () => readiness.check()));

      expect(checks.map((check) => check.checks.redis)).toEqual(Array.from({ length: 4 }, () => ({ status: 'up' })));
      await ready(testApp).expect(200);
    });
  });

  describe('when no worker takes the waiting jobs', () => {
    let testApp: TestApp;
    let queue: Queue;

    beforeAll(async () => {
      // WORKERS=off and no worker process: whatever is queued waits.
      testApp = await startTestApp({ WORKERS: 'off', WORKER_STALL_MS: '1500' });
      queue = new Queue(QueueName.EmailSend, {
        connection: redisConnectionOptions(testApp.config.redisUrl),
        prefix: testApp.config.queuePrefix,
      });
    });

    afterAll(async () => {
      await queue?.obliterate({ force: true });
      await queue?.close();
      await testApp?.close();
    });

    it('should answer 503 naming the workers only once a job waited longer than WORKER_STALL_MS', async () => {
      await queue.add('send', { ledgerId: '00000000-0000-4000-8000-000000000000' });
      // Just arrived: not a stall yet.
      await ready(testApp).expect(200);

      const tookMs = await waitFor(async () => (await ready(testApp)).status === 503, 10_000, 'a 503');
      const response = await ready(testApp).expect(503);

      expect(response.body.down).toEqual(['workers']);
      expect(response.body.checks.workers).toEqual({ status: 'down', stalled: [QueueName.EmailSend] });
      expect(response.body.checks.database).toEqual({ status: 'up' });
      expect(tookMs).toBeGreaterThanOrEqual(1000);
      await request(testApp.app.getHttpServer()).get('/api/health').expect(503);
    });
  });

  describe('when Redis goes away and comes back', () => {
    let testApp: TestApp;
    let redis: ChildProcess | undefined;
    let dir: string;
    let port: number;

    const startRedis = async () => {
      redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir], {
        stdio: 'ignore',
      });
      await waitFor(() => redisAnswers(`redis://127.0.0.1:${port}`, 300), 10_000, 'redis-server');
    };
    const stopRedis = async () => {
      const child = redis;
      if (!child || child.exitCode !== null) return;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      });
    };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'vw-health-'));
      port = await freePort();
      await startRedis();
      // The api alone (WORKERS=off): how workers live through an outage is scenario 4 of tests/chaos.
      testApp = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, WORKERS: 'off' });
    });

    afterAll(async () => {
      // Back up first, so the app's queues can close cleanly.
      if (!redis || redis.exitCode !== null) await startRedis().catch(() => undefined);
      await testApp?.close();
      await stopRedis();
      rmSync(dir, { recursive: true, force: true });
    });

    it('should answer 503 naming redis within 3 s of Redis going away, and 200 again once it is back', async () => {
      await ready(testApp).expect(200);

      await stopRedis();
      const redTakes = await waitFor(async () => (await ready(testApp)).status === 503, 10_000, 'a 503');
      const down = await ready(testApp).expect(503);

      expect(down.body.down).toEqual(['redis']);
      expect(down.body.checks.redis.status).toBe('down');
      expect(down.body.checks.database).toEqual({ status: 'up' });
      expect(redTakes).toBeLessThan(3000);

      await startRedis();
      await waitFor(async () => (await ready(testApp)).status === 200, 20_000, 'a 200 after Redis is back');
    }, 45_000);
  });
});
