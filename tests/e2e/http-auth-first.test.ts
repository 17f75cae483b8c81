import request from 'supertest';
import { authed, createUser, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const MALFORMED = '{"name": ';
const TWO_MB = JSON.stringify({ filler: 'x'.repeat(2 * 1024 * 1024) });

describe('401 before 400 and 413 (api.md precedence)', () => {
  let testApp: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await createUser(testApp, { role: 'admin' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const anonymous = () => request(testApp.app.getHttpServer());

  it('should answer 401 in the error format when malformed JSON comes without a token', async () => {
    const response = await anonymous().post('/api/users').set('content-type', 'application/json').send(MALFORMED);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', details: [] });
  });

  it('should answer 401 when a body over the limit comes without a token', async () => {
    const response = await anonymous().post('/api/users').set('content-type', 'application/json').send(TWO_MB);
    expect(response.status).toBe(401);
  });

  it('should answer 401 when the authorization header is not a bearer token', async () => {
    const response = await anonymous()
      .patch('/api/users/00000000-0000-4000-8000-000000000000')
      .set('Authorization', 'Basic dXNlcjpwdw==')
      .set('content-type', 'application/json')
      .send(MALFORMED);
    expect(response.status).toBe(401);
  });

  it('should answer 400 when malformed JSON comes with a valid token', async () => {
    const response = await authed(testApp, admin.token)
      .post('/api/users')
      .set('content-type', 'application/json')
      .send(MALFORMED);
    expect(response.status).toBe(400);
  });

  it('should answer 413 when a body over the limit comes with a valid token', async () => {
    const response = await authed(testApp, admin.token)
      .post('/api/users')
      .set('content-type', 'application/json')
      .send(TWO_MB);
    expect(response.status).toBe(413);
  });

  it('should still parse bodies of public routes when there is no token', async () => {
    const response = await anonymous().post('/api/auth/login').set('content-type', 'application/json').send(MALFORMED);
    expect(response.status).toBe(400);
  });
});
