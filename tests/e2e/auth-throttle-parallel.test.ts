import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUser, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

/** POST /api/auth/login from a chosen loopback source address (127.0.0.0/8 all reach the server). */
function loginFrom(testApp: TestApp, source: string, body: object): Promise<number> {
  const { port } = testApp.app.getHttpServer().address() as AddressInfo;
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

describe('Sign-in throttling under parallel attempts', () => {
  let testApp: TestApp;
  let ann: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    ann = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should let at most 10 of 30 parallel wrong passwords be tried when they target one account', async () => {
    // Every attempt from its own address: only the account's count can stop them.
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        loginFrom(testApp, `127.0.4.${i + 1}`, { email: ann.email, password: `wrong-password-${i}` }),
      ),
    );
    // Exactly the limit: never more (the race), and not fewer (attempts must not block each other early).
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    expect(await loginFrom(testApp, '127.0.4.99', { email: ann.email, password: ann.password })).toBe(429);
  });
});
