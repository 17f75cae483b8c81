import { jest } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { hashPassword, TokenService, UserRepository } from '@app/auth';
import { AppModule } from '../../apps/api/app.module';
import { configureApp } from '../../apps/api/configure-app';
import { authed, createUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

describe('Request rate limit across api replicas', () => {
  let first: TestApp;
  let second: NestExpressApplication;

  beforeAll(async () => {
    first = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '6',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3',
      WORKERS: 'off',
      // The anonymous test speaks for addresses of its own through a trusted proxy hop.
      TRUST_PROXY: 'loopback',
    });
    // A second replica: same database, same Redis and queue prefix, its own process state.
    second = await NestFactory.create<NestExpressApplication>(
      AppModule.forRoot({ config: first.config, databaseUrl: first.database.url }),
      { bodyParser: false, logger: ['error'] },
    );
    await configureApp(second, first.config);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('should refuse the seventh request of a user with 429 and Retry-After when six went to two replicas', async () => {
    const user = await createUser(first, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const viaFirst = () => authed(first, user.token).get('/api/auth/me');
    const viaSecond = () =>
      request(second.getHttpServer()).get('/api/auth/me').set('Authorization', `Bearer ${user.token}`);

    for (let i = 0; i < 3; i++) {
      await viaFirst().expect(200);
      await viaSecond().expect(200);
    }
    const refused = await viaSecond().expect(429);

    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringContaining('Too many requests') as string,
      details: [],
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await viaFirst().expect(429);
  });

  it('should keep counting when Redis no longer holds the limiter script (a restart, SCRIPT FLUSH)', async () => {
    // A caller without a valid token from an address of its own (limit 3), so no other test's budget is spent. Were
    // the script not sent again, the limiter would fail open and the fourth request would pass too.
    const anonymous = () =>
      request(first.app.getHttpServer())
        .get('/api/auth/me')
        .set('Authorization', 'Bearer not-a-token')
        .set('X-Forwarded-For', '198.51.100.23');
    await anonymous().expect(401);
    await anonymous().expect(401);
    const redis = new Redis(first.config.redisUrl);
    try {
      await redis.script('FLUSH');
    } finally {
      await redis.quit();
    }
    await anonymous().expect(401);
    await anonymous().expect(429);
  });

  it('should keep another user and the health probe going when one user is over the limit', async () => {
    const busy = await createUser(first, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const calm = await createUser(first, { role: 'wsp_staff', regionCodes: ['AM25'] });
    for (let i = 0; i < 6; i++) await authed(first, busy.token).get('/api/auth/me').expect(200);
    await authed(first, busy.token).get('/api/auth/me').expect(429);

    const answer = await authed(first, calm.token).get('/api/auth/me').expect(200);
    expect(answer.headers['x-ratelimit-limit']).toBe('6');
    expect(answer.headers['x-ratelimit-remaining']).toBe('5');
    for (let i = 0; i < 10; i++) await request(second.getHttpServer()).get('/api/health/live').expect(200);
  });

  it('should count 401s and limit callers without a valid token per address when they pass the anonymous limit', async () => {
    // A bearer token that is not ours: 401 from the auth guard, but counted first.
    const bogus = (app: NestExpressApplication | TestApp['app'], address = '203.0.113.7') =>
      request(app.getHttpServer())
        .get('/api/auth/me')
        .set('Authorization', 'Bearer not-a-token')
        .set('X-Forwarded-For', address);
    await bogus(first.app).expect(401);
    await bogus(second).expect(401);
    await bogus(first.app).expect(401);

    const refused = await bogus(second).expect(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    await bogus(first.app, '203.0.113.8').expect(401);
  });

  it('should refuse a user over the limit when the account was disabled meanwhile, and read them no more once refused', async () => {
    // Signed in without POST /api/auth/login: the loopback address spent its anonymous budget on logins.
    const user = await first.app.get(UserRepository).insert({
      email: 'limited-then-disabled@test.example',
      name: 'Limited',
      role: 'wsp_staff',
      regionIds: [],
      phone: null,
      passwordHash: await hashPassword('pw-limited-0123'),
    });
    const token = first.app.get(TokenService).issue(user.id);
    for (let i = 0; i < 6; i++) await authed(first, token).get('/api/auth/me').expect(200);
    await first.app.get(DataSource).query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);

    // The auth guard would answer 401 (disabled user, a database lookup); the limit answers first.
    await authed(first, token).get('/api/auth/me').expect(429);
    // The user read starts beside the limiter's Redis call, but not for a budget this api has seen refused: a flood
    // over the limit costs no database reads.
    const reads = jest.spyOn(first.app.get(UserRepository), 'findSignInState');
    try {
      for (let i = 0; i < 3; i++) await authed(first, token).get('/api/auth/me').expect(429);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
  });

  it('should give unsubscribe links their own larger budget when the address spent its anonymous one', async () => {
    const address = '203.0.113.9';
    const unsubscribe = () =>
      request(first.app.getHttpServer())
        .get('/u/not-a-real-token')
        .set('Accept', 'text/html')
        .set('X-Forwarded-For', address);
    for (let i = 0; i < 3; i++)
      await request(first.app.getHttpServer())
        .get('/api/auth/me')
        .set('Authorization', 'Bearer x')
        .set('X-Forwarded-For', address)
        .expect(401);
    await request(first.app.getHttpServer())
      .get('/api/auth/me')
      .set('Authorization', 'Bearer x')
      .set('X-Forwarded-For', address)
      .expect(429);

    // 4 × the anonymous limit of 3.
    for (let i = 0; i < 12; i++) await unsubscribe().expect(404);
    const refused = await unsubscribe().expect(429);
    expect(refused.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
