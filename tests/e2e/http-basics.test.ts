import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

describe('HTTP basics', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer liveness without a token', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/api/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('should answer 400 in the error format when the JSON body is malformed', async () => {
    const response = await request(testApp.app.getHttpServer())
      .post('/api/health/live')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('should answer 413 when a JSON body is over 1 MB', async () => {
    const response = await request(testApp.app.getHttpServer())
      .post('/api/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ filler: 'x'.repeat(1024 * 1024 + 10) }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });
});
