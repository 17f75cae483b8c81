import request from 'supertest';
import { authed, createUser, login, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

/** Tokens carry `iat` in whole seconds: wait until the next second so "older than the change" is observable. */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

describe('Password changes end existing tokens', () => {
  let testApp: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await createUser(testApp, { role: 'admin' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should reject the old token and accept the returned one when the user changes their own password', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    await nextSecond();
    const response = await authed(testApp, user.token)
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'a-brand-new-password' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, accessToken: expect.any(String) });
    expect((await authed(testApp, user.token).get('/api/auth/me')).status).toBe(401);
    expect((await authed(testApp, response.body.accessToken as string).get('/api/auth/me')).status).toBe(200);
  });

  it('should reject the old token and accept a new sign-in when an admin sets the password', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    await nextSecond();
    await authed(testApp, admin.token)
      .patch(`/api/users/${user.id}`)
      .send({ password: 'reset-by-the-admin' })
      .expect(200);
    expect((await authed(testApp, user.token).get('/api/auth/me')).status).toBe(401);
    const fresh = await login(testApp, user.email, 'reset-by-the-admin');
    expect((await authed(testApp, fresh).get('/api/auth/me')).status).toBe(200);
  });

  it('should keep other users’ tokens working when one user changes their password', async () => {
    const other = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    await nextSecond();
    await authed(testApp, user.token)
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'a-brand-new-password' })
      .expect(200);
    expect((await authed(testApp, other.token).get('/api/auth/me')).status).toBe(200);
    const relogin = await request(testApp.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: user.email, password: 'a-brand-new-password' });
    expect(relogin.status).toBe(200);
  });
});
