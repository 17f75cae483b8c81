import request from 'supertest';
import { createUser, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

function loginVia(testApp: TestApp, forwardedFor: string, body: object) {
  return request(testApp.app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', forwardedFor).send(body);
}

describe('TRUST_PROXY', () => {
  let testApp: TestApp;
  let bob: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp({ TRUST_PROXY: '1' });
    bob = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should throttle the client address from X-Forwarded-For when one proxy hop is trusted', async () => {
    for (let i = 1; i <= 10; i++) {
      const response = await loginVia(testApp, '203.0.113.5', { email: `unknown-${i}@test.example`, password: 'x' });
      expect(response.status).toBe(401);
    }
    expect((await loginVia(testApp, '203.0.113.5', { email: bob.email, password: bob.password })).status).toBe(429);
    // Same socket address (the proxy), another client behind it: not throttled.
    expect((await loginVia(testApp, '203.0.113.6', { email: bob.email, password: bob.password })).status).toBe(200);
  });
});
