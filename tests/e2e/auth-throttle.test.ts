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

describe('Sign-in throttling', () => {
  let testApp: TestApp;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    ann = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    bob = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer 429 even with the right password when the account had 10 failures from many addresses', async () => {
    for (let i = 1; i <= 10; i++) {
      expect(await loginFrom(testApp, `127.0.1.${i}`, { email: ann.email, password: 'wrong-password' })).toBe(401);
    }
    // A fresh address: only the account's own count can be the reason.
    expect(await loginFrom(testApp, '127.0.1.99', { email: ann.email, password: ann.password })).toBe(429);
    expect(await loginFrom(testApp, '127.0.1.99', { email: bob.email, password: bob.password })).toBe(200);
  });

  it('should answer 429 for every account when the address had 10 failures, and not from another address', async () => {
    for (let i = 1; i <= 10; i++) {
      const status = await loginFrom(testApp, '127.0.2.1', { email: `unknown-${i}@test.example`, password: 'x' });
      expect(status).toBe(401);
    }
    expect(await loginFrom(testApp, '127.0.2.1', { email: bob.email, password: bob.password })).toBe(429);
    expect(await loginFrom(testApp, '127.0.2.2', { email: bob.email, password: bob.password })).toBe(200);
  });

  it('should answer 401 for the tenth failure and 429 from the eleventh attempt', async () => {
    for (let i = 1; i <= 9; i++) {
      expect(await loginFrom(testApp, '127.0.3.1', { email: `nine-${i}@test.example`, password: 'x' })).toBe(401);
    }
    expect(await loginFrom(testApp, '127.0.3.1', { email: bob.email, password: 'wrong-password' })).toBe(401);
    expect(await loginFrom(testApp, '127.0.3.1', { email: bob.email, password: bob.password })).toBe(429);
  });
});
