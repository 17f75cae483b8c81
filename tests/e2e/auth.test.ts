import { createHmac } from 'node:crypto';
import request from 'supertest';
import { authed, createUser, login, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const SECRET = 'test-secret-that-is-long-enough-0123456789';

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A token signed by hand, so a test can forge claims the app would never issue. */
function signToken(payload: object, header: object = { alg: 'HS256', typ: 'JWT' }, secret = SECRET): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('Sign-in', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let staff: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await createUser(testApp, { role: 'admin' });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'], name: 'Sam Staff' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const server = () => testApp.app.getHttpServer();

  it('should return a token and the user when the credentials are right', async () => {
    const response = await request(server())
      .post('/api/auth/login')
      .send({ email: staff.email.toUpperCase(), password: staff.password });
    expect(response.status).toBe(200);
    expect(typeof response.body.accessToken).toBe('string');
    expect(response.body.user).toMatchObject({
      id: staff.id,
      email: staff.email,
      name: 'Sam Staff',
      role: 'wsp_staff',
      regionIds: staff.regionIds,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('should answer 401 when the password is wrong', async () => {
    const response = await request(server())
      .post('/api/auth/login')
      .send({ email: staff.email, password: 'wrong-password' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('should answer 401 with the same message when the e-mail address is unknown', async () => {
    const unknown = await request(server())
      .post('/api/auth/login')
      .send({ email: 'nobody@test.example', password: 'x'.repeat(12) });
    const wrong = await request(server())
      .post('/api/auth/login')
      .send({ email: staff.email, password: 'x'.repeat(12) });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('should return the signed-in user when GET /api/auth/me has a valid token', async () => {
    const response = await authed(testApp, staff.token).get('/api/auth/me');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: staff.id, email: staff.email, role: 'wsp_staff' });
    expect(response.body).not.toHaveProperty('passwordHash');
  });

  it('should answer 401 when there is no token', async () => {
    const response = await request(server()).get('/api/auth/me');
    expect(response.status).toBe(401);
  });

  it('should answer 401 when the token was tampered with', async () => {
    const [header, payload, signature] = staff.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${base64url({ ...claims, sub: admin.id })}.${signature}`;
    expect((await authed(testApp, forged).get('/api/auth/me')).status).toBe(401);
  });

  it('should answer 401 when the token has expired', async () => {
    const expired = signToken({
      sub: staff.id,
      aud: 'vliegwiel-api',
      iss: 'vliegwiel',
      iat: nowSeconds() - 7200,
      exp: nowSeconds() - 3600,
    });
    expect((await authed(testApp, expired).get('/api/auth/me')).status).toBe(401);
  });

  it('should accept a hand-signed token when every claim is right (so the 401s above test the claim)', async () => {
    const good = signToken({
      sub: staff.id,
      aud: 'vliegwiel-api',
      iss: 'vliegwiel',
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
    });
    expect((await authed(testApp, good).get('/api/auth/me')).status).toBe(200);
  });

  it('should answer 401 when the token uses alg none', async () => {
    const claims = {
      sub: admin.id,
      aud: 'vliegwiel-api',
      iss: 'vliegwiel',
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
    };
    const none = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    expect((await authed(testApp, none).get('/api/auth/me')).status).toBe(401);
  });

  it('should answer 401 when the token has the wrong audience or issuer', async () => {
    const base = { sub: staff.id, iat: nowSeconds(), exp: nowSeconds() + 600 };
    const wrongAudience = signToken({ ...base, aud: 'someone-else', iss: 'vliegwiel' });
    const wrongIssuer = signToken({ ...base, aud: 'vliegwiel-api', iss: 'someone-else' });
    expect((await authed(testApp, wrongAudience).get('/api/auth/me')).status).toBe(401);
    expect((await authed(testApp, wrongIssuer).get('/api/auth/me')).status).toBe(401);
  });

  it('should answer 401 when the token is signed with another secret', async () => {
    const claims = {
      sub: staff.id,
      aud: 'vliegwiel-api',
      iss: 'vliegwiel',
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
    };
    const other = signToken(claims, undefined, 'another-secret-that-is-long-enough-987654');
    expect((await authed(testApp, other).get('/api/auth/me')).status).toBe(401);
  });

  it('should answer 401 at login and for existing tokens when the user is disabled', async () => {
    const victim = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    expect((await authed(testApp, victim.token).get('/api/auth/me')).status).toBe(200);
    const disable = await authed(testApp, admin.token).patch(`/api/users/${victim.id}`).send({ disabled: true });
    expect(disable.status).toBe(200);
    expect(disable.body.disabled).toBe(true);
    expect((await authed(testApp, victim.token).get('/api/auth/me')).status).toBe(401);
    const relogin = await request(server())
      .post('/api/auth/login')
      .send({ email: victim.email, password: victim.password });
    expect(relogin.status).toBe(401);
  });

  it('should answer 400 when the login body has unknown fields', async () => {
    const response = await request(server())
      .post('/api/auth/login')
      .send({ email: staff.email, password: staff.password, remember: true });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'remember' })]));
  });

  it('should change the password so the new one works and the old one stops working', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const response = await authed(testApp, user.token)
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'a-brand-new-password' });
    expect(response.status).toBe(200);
    expect(response.body.id).toBe(user.id);
    const old = await request(server()).post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(old.status).toBe(401);
    await expect(login(testApp, user.email, 'a-brand-new-password')).resolves.toEqual(expect.any(String));
  });

  it('should answer 400 naming currentPassword when the current password is wrong', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const response = await authed(testApp, user.token)
      .post('/api/auth/password')
      .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    await expect(login(testApp, user.email, user.password)).resolves.toEqual(expect.any(String));
  });

  it('should answer 400 naming newPassword when the new password is shorter than 10 characters', async () => {
    const response = await authed(testApp, staff.token)
      .post('/api/auth/password')
      .send({ currentPassword: staff.password, newPassword: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
  });

  it('should answer 401 before 400 when an invalid body comes without a token', async () => {
    const response = await request(server()).post('/api/auth/password').send({ bogus: 1 });
    expect(response.status).toBe(401);
  });
});
