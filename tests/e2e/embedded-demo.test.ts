import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@app/core';
import { testQueuePrefix } from '@app/testing';
import { BuiltProcess, builtEntry, portAnswers, runBuilt } from '../support/built-process';

const ROLES = ['admin', 'coordinator', 'account_manager', 'wsp_staff'];

async function login(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, body: (await response.json()) as { accessToken: string; user: { role: string } } };
}

async function employerTotal(baseUrl: string, token: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/employers?pageSize=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

/**
 * `npm run demo` (its built entry, dist/apps/api/demo.js) on an empty DATA_DIR, with no Redis at
 * REDIS_URL: it starts a private redis-server, fills the demo once and prints how to sign in.
 */
describe('npm run demo', () => {
  let dataDir: string;
  let demo: BuiltProcess | undefined;
  let employersAfterFirstStart = 0;

  beforeAll(() => {
    builtEntry('apps/api/demo.js');
    dataDir = mkdtempSync(path.join(tmpdir(), 'vw-demo-'));
    chmodSync(dataDir, 0o755);
  });

  afterEach(async () => {
    await demo?.shutdown();
    demo = undefined;
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startDemo(env: Record<string, string> = {}) {
    const port = await freePort();
    const queuePrefix = testQueuePrefix();
    demo = runBuilt('apps/api/demo.js', {
      DATA_DIR: path.join(dataDir, 'data'),
      PORT: String(port),
      // Nothing listens there, so the demo must bring its own Redis.
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      QUEUE_PREFIX: queuePrefix,
      // Ignored: the demo is always the embedded one.
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      ...env,
    });
    await demo.waitFor(new RegExp(ROLES.map((role) => `^Login ${role}: `).join('[^]*'), 'm'));
    const url = demo.output().match(/^URL: (\S+)$/m)?.[1];
    expect(url).toBe(env.PUBLIC_URL ?? `http://localhost:${port}`);
    expect(demo.output()).toContain(`Queue keys in Redis under the prefix ${queuePrefix}`);
    expect(demo.output()).toContain('Ignoring DATABASE_URL');
    expect(demo.output()).not.toContain('set DATABASE_URL');
    const logins = [...demo.output().matchAll(/^Login (\w+): (\S+) \/ (\S+)$/gm)].map(([, role, email, password]) => ({
      role,
      email,
      password,
    }));
    const redisPort = Number(demo.output().match(/Started a private Redis on 127\.0\.0\.1:(\d+)/)?.[1]);
    // Where it listens: PUBLIC_URL is only printed.
    const local = `http://localhost:${port}`;
    return { demo, url: url!, local, logins, redisPort };
  }

  it('should print the URL and a working sign-in for every role when it starts on an empty folder', async () => {
    const { demo, url, logins, redisPort } = await startDemo();

    expect(new Set(logins.map((l) => l.role))).toEqual(new Set(ROLES));
    for (const { role, email, password } of logins) {
      const signedIn = await login(url, email, password);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.role).toBe(role);
    }
    const admin = logins.find((l) => l.role === 'admin')!;
    const coordinator = logins.find((l) => l.email === 'coordinator@demo.vliegwiel.nl')!;
    const adminTotal = await employerTotal(url, (await login(url, admin.email, admin.password)).body.accessToken);
    const regionTotal = await employerTotal(
      url,
      (await login(url, coordinator.email, coordinator.password)).body.accessToken,
    );
    expect(regionTotal).toBeGreaterThanOrEqual(60);
    // The second region's employers are outside the Groot Amsterdam coordinator's scope.
    expect(adminTotal).toBeGreaterThan(regionTotal);
    employersAfterFirstStart = adminTotal;
    expect(await portAnswers(redisPort)).toBe(true);

    expect(await demo.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await portAnswers(redisPort)).toBe(false);
  });

  it('should leave the demo data as it is and print PUBLIC_URL when it starts again on the same folder', async () => {
    const { demo, url, local, logins } = await startDemo({ PUBLIC_URL: 'https://demo.vliegwiel.example' });

    expect(url).toBe('https://demo.vliegwiel.example');
    expect(demo.output()).toContain('The demo data is already there');
    const admin = logins.find((l) => l.role === 'admin')!;
    const token = (await login(local, admin.email, admin.password)).body.accessToken;
    expect(await employerTotal(local, token)).toBe(employersAfterFirstStart);

    expect(await demo.stop('SIGINT')).toEqual({ code: 0, signal: null });
  });
});
