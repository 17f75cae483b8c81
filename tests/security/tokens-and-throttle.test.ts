import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { hashPassword, verifyPassword } from '@app/auth';
import { authed, createUser, TestUser } from '../support/session';
import { TestApp } from '../support/test-app';
import { OPERATIONS } from './role-table';
import { fetchOpenApi, operationsOf, startSecurityApp } from './security-fixtures';

/**
 * Scenario 12 (docs/reliability.md). tests/e2e/auth.test.ts proves each bad-token kind on
 * /api/auth/me; here every kind meets EVERY protected endpoint of /docs-json (so no controller can
 * opt out of the guard), and 1,000 bad sign-ins are throttled without computing argon2 for them.
 */

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(
  payload: object,
  secret: string,
  header: object = { alg: 'HS256', typ: 'JWT' },
  algorithm = 'sha256',
): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${createHmac(algorithm, secret).update(unsigned).digest('base64url')}`;
}

/** POST /api/auth/login from a chosen loopback source address (127.0.0.0/8 all reach the server). */
function loginFrom(port: number, source: string, body: object): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: source,
        method: 'POST',
        path: '/api/auth/login',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** CPU time (user + system, all threads of this process, argon2's pool included) of `work`, in ms. */
async function cpuMs<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000 };
}

describe('Tokens on every endpoint, and throttled sign-in', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let disabled: TestUser;
  let secret: string;

  beforeAll(async () => {
    testApp = await startSecurityApp();
    await testApp.app.listen(0, '127.0.0.1');
    secret = testApp.config.appSecret;
    admin = await createUser(testApp, { role: 'admin' });
    disabled = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    await authed(testApp, admin.token).patch(`/api/users/${disabled.id}`).send({ disabled: true }).expect(200);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('should accept no bad token on any protected endpoint when the token is forged, expired, misaddressed or belongs to a disabled user', async () => {
    const claims = {
      sub: admin.id,
      aud: 'vliegwiel-api',
      iss: 'vliegwiel',
      iat: nowSeconds() - 10,
      exp: nowSeconds() + 600,
    };
    const [header, payload, signature] = admin.token.split('.');
    const badTokens: Record<string, string> = {
      'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
      'alg NONE, signature kept': `${base64url({ alg: 'NONE', typ: 'JWT' })}.${payload}.${signature}`,
      'HS512 with the right secret': sign(claims, secret, { alg: 'HS512', typ: 'JWT' }, 'sha512'),
      'wrong audience': sign({ ...claims, aud: 'someone-else' }, secret),
      'audience list without ours': sign({ ...claims, aud: ['other', 'vliegwiel-api-2'] }, secret),
      'wrong issuer': sign({ ...claims, iss: 'someone-else' }, secret),
      expired: sign({ ...claims, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }, secret),
      'not yet valid': sign({ ...claims, nbf: nowSeconds() + 3600 }, secret),
      'no expiry': sign({ sub: admin.id, aud: 'vliegwiel-api', iss: 'vliegwiel', iat: nowSeconds() }, secret),
      'tampered payload': `${header}.${base64url({ ...claims, sub: disabled.id, role: 'admin' })}.${signature}`,
      'another secret': sign(claims, 'another-secret-that-is-long-enough-987654'),
      'empty secret': sign(claims, ''),
      'unknown user': sign({ ...claims, sub: '00000000-0000-4000-8000-000000000000' }, secret),
      'sub not a uuid': sign({ ...claims, sub: "' OR 1=1 --" }, secret),
      'disabled user (issued at sign-in)': disabled.token,
      'disabled user (hand-signed now)': sign({ ...claims, sub: disabled.id }, secret),
      garbage: 'not.a.token',
    };
    // The control: the same claims, correctly signed, are accepted (so each 401 is about its defect).
    const good = sign(claims, secret);
    expect((await authed(testApp, good).get('/api/auth/me')).status).toBe(200);

    const doc = await fetchOpenApi(testApp);
    const server = testApp.app.getHttpServer();
    const protectedOps = operationsOf(doc).filter(({ key }) => OPERATIONS[key]?.row !== 'public');
    const accepted: string[] = [];
    let requests = 0;
    // Eight requests in flight at a time; each answer stands on its own.
    const attempts = protectedOps.flatMap(({ method, path }) => {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'version' ? '1' : '00000000-0000-4000-8000-000000000000',
      );
      return Object.entries(badTokens).map(([kind, token]) => async () => {
        const status = (await request(server)[method as 'get'](url).set('Authorization', `Bearer ${token}`).send({}))
          .status;
        requests++;
        if (status !== 401) accepted.push(`${kind}: ${method.toUpperCase()} ${path} → ${status}`);
      });
    });
    for (let i = 0; i < attempts.length; i += 8)
      await Promise.all(attempts.slice(i, i + 8).map((attempt) => attempt()));
    console.log(
      `bad tokens: ${protectedOps.length} endpoints × ${Object.keys(badTokens).length} kinds = ${requests} requests, ${accepted.length} not 401`,
    );
    expect(accepted).toEqual([]);
    expect(protectedOps.length).toBeGreaterThan(50);
  }, 120_000);

  it('should throttle 1,000 bad sign-ins with 429 and compute no password hash for them when an account and an address are attacked', async () => {
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    const victim = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    // The cost of one argon2 verification on this machine, the unit of the CPU bound below.
    const hash = await hashPassword('some-password-123');
    const { ms: oneHashMs } = await cpuMs(() => verifyPassword(hash, 'wrong-password'));

    const statuses: number[] = [];
    const { ms } = await cpuMs(async () => {
      // 500 attempts on one account, each from a different address; 500 on unknown accounts from one address.
      const attempts: (() => Promise<number>)[] = [
        ...Array.from(
          { length: 500 },
          (_, i) => () =>
            loginFrom(port, `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}`, {
              email: victim.email,
              password: `wrong-${i}`,
            }),
        ),
        ...Array.from(
          { length: 500 },
          (_, i) => () => loginFrom(port, '127.0.99.1', { email: `nobody-${i}@test.example`, password: 'wrong' }),
        ),
      ];
      for (let i = 0; i < attempts.length; i += 25) {
        statuses.push(...(await Promise.all(attempts.slice(i, i + 25).map((attempt) => attempt()))));
      }
    });

    const counts = statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    const hashed = counts[401] ?? 0;
    console.log(
      `bad sign-ins: ${statuses.length} attempts → ${JSON.stringify(counts)}; CPU ${Math.round(ms)} ms ` +
        `(${(ms / statuses.length).toFixed(2)} ms per attempt; one argon2 verification ${Math.round(oneHashMs)} ms)`,
    );
    expect(statuses).toHaveLength(1000);
    // At most 10 failures per account and per address are ever checked (api.md), the rest are 429.
    expect(hashed).toBeLessThanOrEqual(20);
    expect(counts[429]).toBeGreaterThanOrEqual(980);
    expect(Object.keys(counts).sort()).toEqual(['401', '429']);
    // Generous: the 20 hashed attempts plus HTTP and SQL for all; argon2 for the 980 throttled ones would cost ~980 × one hash.
    expect(ms).toBeLessThan(20 * oneHashMs + 1000 * 15);
    expect(ms).toBeLessThan(200 * oneHashMs + 2000);
    // Still throttled with the right password: the counter, not the hash, decides.
    expect(await loginFrom(port, '127.0.12.1', { email: victim.email, password: victim.password })).toBe(429);
  }, 120_000);
});
