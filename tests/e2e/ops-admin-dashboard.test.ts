import { Queue } from 'bullmq';
import request from 'supertest';
import { TokenService } from '@app/auth';
import { QueueName, redisConnectionOptions } from '@app/core';
import { authed, createUser, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const PUBLIC_URL = 'https://crm.vliegwiel.test';

/** The `exp` claim (seconds) of a JWT, read without checking it. */
function jwtExpiry(token: string): number {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;
}

/** The `vliegwiel_session=…` pair from a Set-Cookie header, ready to send back as a Cookie header. */
function sessionCookieOf(setCookie: string[] | string | undefined): string {
  const line = ([] as string[]).concat(setCookie ?? []).find((value) => value.startsWith('vliegwiel_session='));
  if (!line) throw new Error(`No session cookie in ${JSON.stringify(setCookie)}`);
  return line.split(';')[0];
}

describe('Queue dashboard at /admin/queues', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let adminCookie: string;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ PUBLIC_URL });
    admin = await createUser(testApp, { role: 'admin' });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    const response = await authed(testApp, admin.token).post('/api/auth/session').expect(200);
    adminCookie = sessionCookieOf(response.headers['set-cookie']);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should set an HttpOnly, Secure, SameSite=Strict cookie for /admin when a signed-in user opens a session', async () => {
    const response = await authed(testApp, admin.token).post('/api/auth/session').expect(200);

    const line = ([] as string[])
      .concat(response.headers['set-cookie'])
      .find((v) => v.startsWith('vliegwiel_session='))!;
    expect(line).toMatch(/; Path=\/admin(;|$)/);
    expect(line).toMatch(/; HttpOnly(;|$)/);
    expect(line).toMatch(/; Secure(;|$)/);
    expect(line).toMatch(/; SameSite=Strict(;|$)/);
    // A browser-session cookie: gone when the browser closes.
    expect(line).not.toMatch(/Max-Age|Expires/i);
    const expiresAt = Date.parse((response.body as { expiresAt: string }).expiresAt);
    expect(expiresAt).toBe(jwtExpiry(admin.token) * 1000);
  });

  it('should end the session when the access token that opened it expires, not a full TTL later', async () => {
    const soon = Math.floor(Date.now() / 1000) + 90;
    const shortToken = testApp.app.get(TokenService).issue(admin.id, { notAfter: soon });

    const response = await authed(testApp, shortToken).post('/api/auth/session').expect(200);

    expect((response.body as { expiresAt: string }).expiresAt).toBe(new Date(soon * 1000).toISOString());
    const cookie = sessionCookieOf(response.headers['set-cookie']);
    expect(jwtExpiry(cookie.split('=')[1])).toBe(soon);
    await http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
  });

  it('should refuse to open a session when the caller sends no access token', async () => {
    const response = await http().post('/api/auth/session').expect(401);

    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('should answer 401 in the error format when an anonymous caller asks for the dashboard', async () => {
    const response = await http().get('/admin/queues').expect(401);

    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', details: [] });
    await http().get('/admin/queues/api/queues').expect(401);
  });

  it('should send a browser a page pointing at the sign-in when it asks for the dashboard without a session', async () => {
    const response = await http().get('/admin/queues').set('Accept', 'text/html').expect(401);

    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('href="/"');
  });

  it('should refuse a forged cookie, and an access token offered as the cookie, when they are not session tokens', async () => {
    await http().get('/admin/queues').set('Cookie', 'vliegwiel_session=not-a-token').expect(401);
    await http().get('/admin/queues').set('Cookie', `vliegwiel_session=${admin.token}`).expect(401);
  });

  it('should refuse the session token as a bearer token for the api when someone tries to use it so', async () => {
    const sessionToken = adminCookie.split('=')[1];

    await authed(testApp, sessionToken).get('/api/auth/me').expect(401);
  });

  it('should answer 403 when a signed-in user who is not an admin opens the dashboard', async () => {
    const response = await authed(testApp, coordinator.token).post('/api/auth/session').expect(200);
    const cookie = sessionCookieOf(response.headers['set-cookie']);

    const page = await http().get('/admin/queues').set('Cookie', cookie).expect(403);
    expect(page.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    await http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(403);
  });

  it('should serve the dashboard and every queue to an admin when the session cookie comes along', async () => {
    const page = await http().get('/admin/queues').set('Cookie', adminCookie).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('<base href="/admin/queues/" />');
    expect(page.text).toContain('<title>Vliegwiel queues</title>');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(page.text)![1];
    await http().get(`/admin/queues/${script}`).set('Cookie', adminCookie).expect(200);

    const api = await http().get('/admin/queues/api/queues').set('Cookie', adminCookie).expect(200);
    const names = (api.body as { queues: { name: string }[] }).queues.map((queue) => queue.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
  });

  it('should refuse a cross-site change and leave the queue running when another origin posts with the cookie', async () => {
    const queue = new Queue(QueueName.Maintenance, {
      connection: redisConnectionOptions(testApp.config.redisUrl),
      prefix: testApp.config.queuePrefix,
    });
    try {
      const pause = `/admin/queues/api/queues/${QueueName.Maintenance}/pause`;
      await http().put(pause).set('Cookie', adminCookie).set('Origin', 'https://evil.example').expect(403);
      await http().put(pause).set('Cookie', adminCookie).set('Referer', 'https://evil.example/page').expect(403);
      // Neither header: a browser always sends one of them with a fetch PUT, so this is not a browser of ours.
      await http().put(pause).set('Cookie', adminCookie).expect(403);
      expect(await queue.isPaused()).toBe(false);

      await http().put(pause).set('Cookie', adminCookie).set('Origin', PUBLIC_URL).expect(200);
      expect(await queue.isPaused()).toBe(true);
      await http()
        .put(`/admin/queues/api/queues/${QueueName.Maintenance}/resume`)
        .set('Cookie', adminCookie)
        .set('Referer', `${PUBLIC_URL}/admin/queues`)
        .expect(200);
      expect(await queue.isPaused()).toBe(false);
    } finally {
      await queue.close();
    }
  });

  it('should refuse to add a job by hand even for an admin when the dashboard offers it', async () => {
    await http()
      .post(`/admin/queues/api/queues/${QueueName.EmailSend}/add`)
      .set('Cookie', adminCookie)
      .set('Origin', PUBLIC_URL)
      .send({ name: 'send', data: {} })
      .expect(403);
  });

  it.each([
    ['PATCH', 'job-schedulers/any-scheduler'],
    ['PUT', 'job-schedulers/any-scheduler/remove'],
    ['PUT', 'job-schedulers/any-scheduler/run'],
    ['PUT', 'empty'],
    ['PUT', 'obliterate'],
    ['PUT', 'OBLITERATE'],
    ['PUT', 'clean/completed'],
    ['PUT', 'concurrency'],
    ['PUT', 'rate-limit'],
    ['PUT', 'rate-limit/release'],
    ['PATCH', 'some-job/update-data'],
    ['PATCH', 'some-job/delay'],
    ['PATCH', 'some-job/priority'],
    ['PUT', 'some-job/clean'],
    ['PUT', 'some-job/remove-unprocessed-children'],
    ['DELETE', 'some-job'],
    ['POST', 'pause'],
  ])(
    'should refuse %s …/<queue>/%s to an admin from the own origin when it is not on the allow-list',
    async (method, tail) => {
      const path = `/admin/queues/api/queues/${QueueName.Maintenance}/${tail}`;
      const call =
        method === 'PATCH'
          ? http().patch(path)
          : method === 'PUT'
            ? http().put(path)
            : method === 'POST'
              ? http().post(path)
              : http().delete(path);

      const response = await call.set('Cookie', adminCookie).set('Origin', PUBLIC_URL).send({}).expect(403);

      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    },
  );

  it('should refuse metrics purging and unknown changes when they are outside the queue actions', async () => {
    for (const path of [
      '/admin/queues/api/metrics/history/purge',
      '/admin/queues/api/queues/x/y/z/retry',
      '/admin/other',
    ]) {
      await http().post(path).set('Cookie', adminCookie).set('Origin', PUBLIC_URL).expect(403);
      await http().put(path).set('Cookie', adminCookie).set('Origin', PUBLIC_URL).expect(403);
    }
  });

  it('should keep the queue intact when an admin tries to empty or obliterate it', async () => {
    const queue = new Queue(QueueName.Maintenance, {
      connection: redisConnectionOptions(testApp.config.redisUrl),
      prefix: testApp.config.queuePrefix,
    });
    try {
      await queue.add('probe', {}, { delay: 3_600_000, jobId: 'dashboard-probe' });
      for (const action of ['empty', 'obliterate'])
        await http()
          .put(`/admin/queues/api/queues/${QueueName.Maintenance}/${action}`)
          .set('Cookie', adminCookie)
          .set('Origin', PUBLIC_URL)
          .expect(403);
      expect(await queue.getJob('dashboard-probe')).toBeDefined();

      // Promote is on the allow-list: the delayed job becomes waiting.
      await http()
        .put(`/admin/queues/api/queues/${QueueName.Maintenance}/dashboard-probe/promote`)
        .set('Cookie', adminCookie)
        .set('Origin', PUBLIC_URL)
        .expect(204);
      expect(await (await queue.getJob('dashboard-probe'))!.getState()).not.toBe('delayed');
    } finally {
      await queue.remove('dashboard-probe').catch(() => undefined);
      await queue.close();
    }
  });

  it('should refuse a change when the browser sends Origin: null', async () => {
    await http()
      .put(`/admin/queues/api/queues/${QueueName.Maintenance}/pause`)
      .set('Cookie', adminCookie)
      .set('Origin', 'null')
      .expect(403);
  });

  it.each(['account_manager', 'wsp_staff'] as const)(
    'should answer 403 when a %s opens the dashboard or its api',
    async (role) => {
      const user = await createUser(testApp, { role, regionCodes: ['AM25'] });
      const response = await authed(testApp, user.token).post('/api/auth/session').expect(200);
      const cookie = sessionCookieOf(response.headers['set-cookie']);

      await http().get('/admin/queues').set('Cookie', cookie).expect(403);
      await http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(403);
      await http()
        .put(`/admin/queues/api/queues/${QueueName.Maintenance}/pause`)
        .set('Cookie', cookie)
        .set('Origin', PUBLIC_URL)
        .expect(403);
    },
  );

  it('should clear the cookie without a token when the user signs out', async () => {
    const response = await request(testApp.app.getHttpServer()).delete('/api/auth/session').expect(204);

    const line = ([] as string[])
      .concat(response.headers['set-cookie'])
      .find((v) => v.startsWith('vliegwiel_session='))!;
    expect(line).toMatch(/^vliegwiel_session=;/);
    expect(line).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(line).toMatch(/; Path=\/admin(;|$)/);
  });

  it('should end the session when the admin is disabled', async () => {
    const other = await createUser(testApp, { role: 'admin' });
    const response = await authed(testApp, other.token).post('/api/auth/session').expect(200);
    const cookie = sessionCookieOf(response.headers['set-cookie']);
    await http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);

    await authed(testApp, admin.token).patch(`/api/users/${other.id}`).send({ disabled: true }).expect(200);

    await http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(401);
  });
});
