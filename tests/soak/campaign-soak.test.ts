import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { freePort } from '@app/core';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { BuiltProcess, runBuilt } from '../support/built-process';
import {
  APP_SECRET,
  campaignDone,
  campaignFigures,
  figureLine,
  INBOUND_DOMAIN,
  pause,
  report,
  SeededCampaign,
  seedCampaign,
  until,
} from '../chaos/support/chaos-campaign';
import { startWorker } from '../chaos/support/chaos-worker';

/**
 * `npm run test:soak` (not in CI): the built api (WORKERS=off) and the built worker for SOAK_MINUTES
 * (default 30) — a new two-step campaign every minute while autocannon loads the api — then every
 * campaign is counted as in tests/chaos, and RSS and Redis memory at start and end are reported.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const CONTACTS_PER_CAMPAIGN = Number(process.env.SOAK_CONTACTS ?? 300);
const REDIS_URL = testRedisUrl();
const ADMIN = { email: 'soak-admin@test.example', password: 'soak-password-123' };

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}

async function redisMemoryMb(): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    const info = await redis.info('memory');
    return Math.round(Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 1024 / 1024);
  } finally {
    redis.disconnect();
  }
}

describe('Soak: campaigns sending and the api under load for SOAK_MINUTES', () => {
  let database: TestDatabase | undefined;
  let sink: SmtpSink | undefined;
  let db: pg.Pool | undefined;
  let api: BuiltProcess | undefined;
  let worker: BuiltProcess | undefined;

  afterAll(async () => {
    await api?.shutdown();
    await worker?.shutdown();
    await db?.end();
    await sink?.close();
    await database?.drop();
  });

  it(
    'should keep every campaign exact and memory flat while sending and serving for the whole run',
    async () => {
      database = await createTestDatabase();
      sink = await startSmtpSink();
      db = new pg.Pool({ connectionString: database.url, max: 3 });
      const queuePrefix = testQueuePrefix();
      const port = await freePort();
      api = runBuilt('apps/api/main.js', {
        DATABASE_URL: database.url,
        REDIS_URL,
        QUEUE_PREFIX: queuePrefix,
        WORKERS: 'off',
        PORT: String(port),
        APP_SECRET,
        INBOUND_DOMAIN,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        // The load is the point here, not the per-client limit (0 switches it off).
        RATE_LIMIT_PER_MINUTE: '0',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
      });
      await api.waitFor(/URL: /, 60_000);
      worker = await startWorker({ databaseUrl: database.url, redisUrl: REDIS_URL, queuePrefix, smtpUrl: sink.url });
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const start = {
        apiRss: rssMb(api.child.pid!),
        workerRss: rssMb(worker.child.pid!),
        redis: await redisMemoryMb(),
      };

      const campaigns: SeededCampaign[] = [];
      const until_ = Date.now() + MINUTES * 60_000;
      // The first few answers that were not 2xx, with their path and body, so a failed run says what failed.
      const refused: string[] = [];
      const noting = (path: string) => (status: number, body: string) => {
        if ((status < 200 || status > 299) && refused.length < 10) {
          refused.push(`${new Date().toISOString()} ${path} ${status} ${String(body).slice(0, 300)}`);
        }
      };
      const requests = [
        { method: 'GET', path: '/api/health/live', onResponse: noting('/api/health/live') },
        {
          method: 'GET',
          path: '/api/employers',
          headers: { authorization: `Bearer ${accessToken}` },
          onResponse: noting('/api/employers'),
        },
        { method: 'GET', path: '/api/health/ready', onResponse: noting('/api/health/ready') },
      ];
      const load = autocannon({ url: base, connections: 4, duration: MINUTES * 60, requests });
      while (Date.now() < until_) {
        campaigns.push(await seedCampaign(db, { contacts: CONTACTS_PER_CAMPAIGN }));
        await pause(Math.min(60_000, Math.max(0, until_ - Date.now())));
      }
      const result = await load;
      for (const campaign of campaigns) {
        await until(() => campaignDone(db!, campaign.id), 600_000, `campaign ${campaign.id} to complete`);
      }
      const end = { apiRss: rssMb(api.child.pid!), workerRss: rssMb(worker.child.pid!), redis: await redisMemoryMb() };
      const totals = { duplicates: 0, lost: 0, unknown: 0, expected: 0, misrecorded: 0, pending: 0 };
      for (const campaign of campaigns) {
        const figures = await campaignFigures(db, campaign, sink);
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += figures[key];
      }
      report(
        'soak',
        figureLine({ ...totals, delivered: totals.expected - totals.unknown, exited: 0, unknownButReceived: 0 }),
        {
          minutes: MINUTES,
          campaigns: campaigns.length,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          p99Ms: result.latency.p99,
          rssMb: { api: [start.apiRss, end.apiRss], worker: [start.workerRss, end.workerRss] },
          redisMb: [start.redis, end.redis],
          refused,
        },
      );

      expect(totals.duplicates).toBe(0);
      expect(totals.lost).toBe(0);
      expect(totals.misrecorded).toBe(0);
      expect(totals.pending).toBe(0);
      expect(refused).toEqual([]);
      expect(result.non2xx).toBe(0);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
    },
    (MINUTES + 15) * 60_000,
  );
});
