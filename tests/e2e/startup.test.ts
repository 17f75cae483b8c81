import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort, loadConfig } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl, testServerUrl } from '@app/testing';
import { NO_USERS_HINT } from '../../apps/api/root/first-user-hint';
import { prepareDatabase } from '../../apps/api/startup';
import { MIGRATIONS } from '../../libs/core/src/database/migrations';
import { BuiltProcess, listeningPorts, portAnswers, runBuilt } from '../support/built-process';

const REDIS_URL = testRedisUrl();

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations), named so the run's teardown drops it even if this file crashes. */
async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `vw_${process.env.VW_TEST_RUN_ID}_empty_${randomBytes(3).toString('hex')}`;
  await query(testServerUrl(), `CREATE DATABASE ${name}`);
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => query(testServerUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => undefined),
  };
}

describe('start-up', () => {
  let database: TestDatabase | undefined;
  let worker: BuiltProcess | undefined;

  afterEach(async () => {
    await worker?.shutdown();
    worker = undefined;
    await database?.drop();
    database = undefined;
  });

  it('should migrate once and create exactly one admin when two replicas prepare a fresh database at once', async () => {
    database = await createEmptyDatabase();
    const logs: string[][] = [[], []];
    const replica = (index: number) =>
      prepareDatabase(
        database!.url,
        loadConfig({ ADMIN_EMAIL: `admin${index}@example.org`, ADMIN_PASSWORD: 'replica-admin-password' }),
        (line) => logs[index].push(line),
      );

    await Promise.all([replica(0), replica(1)]);

    const migrations = await query<{ name: string }>(database.url, 'SELECT name FROM migrations ORDER BY id');
    expect(migrations.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    const users = await query<{ role: string }>(database.url, 'SELECT role FROM users');
    expect(users).toEqual([{ role: 'admin' }]);
    const applied = logs.filter((lines) => lines.some((line) => line.startsWith('Applied')));
    const created = logs.filter((lines) => lines.some((line) => line.startsWith('Created the first admin')));
    expect([applied.length, created.length]).toEqual([1, 1]);
  });

  it('should stop with one line naming each variable when the configuration is bad', async () => {
    const api = runBuilt('apps/api/main.js', { PORT: 'abc', WORKERS: 'sometimes', NODE_ENV: 'production' });

    const { code } = await api.exited;

    expect(code).toBe(1);
    const lines = api.stderr().trim().split('\n');
    expect(lines.map((line) => line.split(':')[0]).sort()).toEqual(['APP_SECRET', 'PORT', 'WORKERS']);
  });

  it('should apply pending migrations and exit when migration:run is run on an empty database', async () => {
    database = await createEmptyDatabase();

    const migrate = runBuilt('apps/api/migrate.js', { DATABASE_URL: database.url });

    expect(await migrate.exited).toEqual({ code: 0, signal: null });
    const migrations = await query<{ name: string }>(database.url, 'SELECT name FROM migrations');
    expect(migrations).toHaveLength(MIGRATIONS.length);
    expect(migrate.output()).toContain('The database is up to date.');
  });

  it('should say how to create the first admin and send / to /docs when it starts with no user and no ADMIN_*', async () => {
    database = await createTestDatabase();
    const port = await freePort();
    worker = runBuilt('apps/api/main.js', {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      PORT: String(port),
    });

    const [, url] = await worker.waitFor(/^URL: (\S+)$/m);

    expect(worker.output()).toContain(NO_USERS_HINT);
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/docs');
    expect((await fetch(`${url}/api/employers`)).status).toBe(401);
    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('should run the standalone worker without an HTTP server and exit 0 when it receives SIGTERM', async () => {
    database = await createTestDatabase();
    const port = await freePort();
    const smtpPort = await freePort();
    worker = runBuilt('apps/worker/main.js', {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      PORT: String(port),
      INBOUND_SMTP_PORT: String(smtpPort),
    });

    await worker.waitFor(/Worker ready/);

    expect(await portAnswers(port)).toBe(false);
    // Its one listener is the inbound SMTP receiver (replies and bounces).
    const ports = listeningPorts(worker.child.pid!);
    if (ports !== undefined) expect(ports).toEqual([smtpPort]);
    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('should refuse to start the standalone worker when DATABASE_URL is unset', async () => {
    const lonely = runBuilt('apps/worker/main.js', { REDIS_URL });

    expect((await lonely.exited).code).toBe(1);
    expect(lonely.stderr().trim().split('\n')).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });
});
