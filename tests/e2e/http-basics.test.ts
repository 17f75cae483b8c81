import request from 'supertest';
import { authed, createUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

describe('HTTP basics', () => {
  let testApp: TestApp;
  let token: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    token = (await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] })).token;
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer liveness without a token', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('should send no X-Powered-By header when answering a signed-in request, an anonymous one or the web app', async () => {
    const server = testApp.app.getHttpServer();
    const answers = [
      await authed(testApp, token).get('/api/employers'),
      await request(server).get('/api/no-such-route'),
      await request(server).get('/'),
    ];
    expect(answers[0].status).toBe(200);
    expect(answers[1].status).toBe(401);
    // The web app's page, or the redirect to /docs when the web app is not built.
    expect(answers[2].status).toBeLessThan(400);
    for (const answer of answers) expect(answer.headers['x-powered-by']).toBeUndefined();
  });

  it('should answer 400 in the error format when the JSON body is malformed', async () => {
    const response = await request(testApp.app.getHttpServer())
      .post('/api/health/live')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body is not valid JSON',
      details: [{ field: 'body', problem: 'is not valid JSON' }],
    });
  });

  it('should name the body as not valid JSON when a signed-in caller sends a malformed body', async () => {
    const response = await authed(testApp, token)
      .post('/api/employers')
      .set('content-type', 'application/json')
      .send('{"name": "Bakkerij", ');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'body', problem: 'is not valid JSON' }]);
  });

  it('should answer that the body must be a JSON object when a signed-in caller sends an array', async () => {
    const response = await authed(testApp, token)
      .post('/api/employers')
      .set('content-type', 'application/json')
      .send(JSON.stringify([{ name: 'Bakkerij' }, { name: 'Slagerij' }]));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      message: 'body: must be a JSON object',
      details: [{ field: 'body', problem: 'must be a JSON object' }],
    });
  });

  it('should answer that the body must be a JSON object when the sign-in body is an array', async () => {
    const response = await request(testApp.app.getHttpServer())
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('["someone@example.org", "a password"]');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'body', problem: 'must be a JSON object' }]);
  });

  it('should answer 413 when a JSON body is over 1 MB', async () => {
    const response = await request(testApp.app.getHttpServer())
      .post('/api/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ filler: 'x'.repeat(1024 * 1024 + 10) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Request body is larger than allowed',
    });
  });
});
