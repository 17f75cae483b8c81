import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@app/core';
import { testQueuePrefix, testRedisUrl } from '@app/testing';
import { BuiltProcess, builtEntry, portAnswers, runBuilt } from '../support/built-process';

const ADMIN = { email: 'first-admin@example.org', password: 'first-admin-password' };
const REDIS_URL = testRedisUrl();

async function login(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as { user?: { email: string; role: string } } };
}

/**
 * The one-command start (issue 2): the BUILT api with no DATABASE_URL, on an empty data folder,
 * starts its own PostgreSQL, serves, and stops it again on SIGTERM.
 */
describe('embedded PostgreSQL default', () => {
  let dataDir: string;
  let api: BuiltProcess | undefined;

  beforeAll(() => {
    builtEntry('apps/api/main.js');
    dataDir = mkdtempSync(path.join(tmpdir(), 'vw-embedded-'));
    // As root the embedded server runs as "postgres", which must be able to enter the folder.
    chmodSync(dataDir, 0o755);
  });

  afterEach(async () => {
    await api?.shutdown();
    api = undefined;
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startApi() {
    const port = await freePort();
    api = runBuilt('apps/api/main.js', {
      DATA_DIR: path.join(dataDir, 'data'),
      PORT: String(port),
      REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    const [, url] = await api.waitFor(/^URL: (\S+)$/m);
    const pgPort = Number(api.output().match(/embedded PostgreSQL .* on port (\d+)/)?.[1]);
    return { api, url, pgPort };
  }

  it('should create the database, serve and sign in the first admin when it starts on an empty data folder', async () => {
    const { api, url, pgPort } = await startApi();

    expect(api.output()).toContain('Creating the embedded PostgreSQL');
    expect(existsSync(path.join(dataDir, 'data', 'pg', 'PG_VERSION'))).toBe(true);
    expect(await portAnswers(pgPort)).toBe(true);
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
    const signedIn = await login(url, ADMIN.email, ADMIN.password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email: ADMIN.email, role: 'admin' });

    expect(await api.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await portAnswers(pgPort)).toBe(false);
    expect(existsSync(path.join(dataDir, 'data', 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('should reuse the data without initialising again when it starts a second time on the same folder', async () => {
    const { api, url, pgPort } = await startApi();

    expect(api.output()).not.toContain('Creating the embedded PostgreSQL');
    expect(api.output()).not.toMatch(/Applied \d+ migration/);
    expect(api.output()).not.toContain('Created the first admin');
    expect(api.output()).not.toContain('No users yet');
    expect((await login(url, ADMIN.email, ADMIN.password)).status).toBe(200);

    expect(await api.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await portAnswers(pgPort)).toBe(false);
  });
});
