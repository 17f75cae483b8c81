import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, loadConfig, projectPath } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { BuiltProcess, builtEntry, runBuilt } from '../support/built-process';

const ROOT = projectPath('.');
const REDIS_URL = testRedisUrl();
const ADMIN = { email: 'ops@example.org', password: 'production-admin-password' };

/** The variables the compose file gives the api, with `${VAR:-default}` / `${VAR:?…}` filled in as compose would. */
function composeEnvironment(): Record<string, string> {
  const compose = readFileSync(path.join(ROOT, 'docker/compose.yml'), 'utf8');
  const block = compose.split('x-app-environment: &app-environment\n')[1].split('\n\n')[0];
  const given: Record<string, string> = { APP_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'long-enough-password' };
  const env: Record<string, string> = {};
  for (const [, name, raw] of block.matchAll(/^ {2}([A-Z_]+): (.*)$/gm)) {
    env[name] = raw.replace(/\$\{(\w+):([-?])([^}]*)\}/g, (_, variable: string, kind: string, fallback: string) =>
      kind === '-' ? fallback : given[variable],
    );
  }
  return env;
}

async function api<T>(baseUrl: string, route: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(`${baseUrl}${route}`, { ...init, headers });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * The production layout of docker/compose.yml, without Docker: the built api with WORKERS=off and
 * the built worker as a second process, on PostgreSQL and Redis.
 */
describe('production layout (api with WORKERS=off and a separate worker)', () => {
  let database: TestDatabase;
  const processes: BuiltProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.shutdown()));
    await database.drop();
  });

  it('should run the entry points and settings the Docker files name when the build is there', () => {
    const dockerfile = readFileSync(path.join(ROOT, 'docker/Dockerfile'), 'utf8');
    const compose = readFileSync(path.join(ROOT, 'docker/compose.yml'), 'utf8');
    const entries = [
      ...[...dockerfile.matchAll(/"node", "dist\/([^"]+)"/g)].map((m) => m[1]),
      ...[...compose.matchAll(/'node', 'dist\/([^']+)'/g)].map((m) => m[1]),
    ];
    expect(entries.sort()).toEqual(['apps/api/main.js', 'apps/worker/main.js']);
    for (const entry of entries) expect(() => builtEntry(entry)).not.toThrow();
    expect(() => loadConfig(composeEnvironment())).not.toThrow();
    expect(loadConfig(composeEnvironment()).production).toBe(true);
  });

  it('should leave an import queued while only the api runs, and finish it once the worker starts', async () => {
    const shared = {
      NODE_ENV: 'production',
      APP_SECRET: 'a-production-secret-of-at-least-32-chars',
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    };
    const port = await freePort();
    const apiProcess = runBuilt('apps/api/main.js', { ...shared, PORT: String(port), WORKERS: 'off' });
    processes.push(apiProcess);
    const [, url] = await apiProcess.waitFor(/^URL: (\S+)$/m);
    const { body: session } = await api<{ accessToken: string }>(url, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const form = new FormData();
    const csv = 'name,kvkNumber,regionCode\nBakkerij Productie,51234567,AM18\nDrukkerij Productie,51234568,AM18\n';
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'werkgevers.csv');
    const upload = await api<{ importId: string }>(url, '/api/imports/employers', {
      method: 'POST',
      body: form,
      token: session.accessToken,
    });
    expect(upload.status).toBe(202);
    const importStatus = () =>
      api<{ status: string; created: number }>(url, `/api/imports/${upload.body.importId}`, {
        token: session.accessToken,
      });

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await importStatus()).body.status).toBe('queued');

    const worker = runBuilt('apps/worker/main.js', { ...shared, PORT: String(port) });
    processes.push(worker);
    await worker.waitFor(/Worker ready/);
    let view = (await importStatus()).body;
    for (const deadline = Date.now() + 20_000; view.status !== 'completed' && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = (await importStatus()).body;
    }
    expect(view).toMatchObject({ status: 'completed', created: 2 });

    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await apiProcess.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
