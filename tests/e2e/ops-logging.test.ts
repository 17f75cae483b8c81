import { Writable } from 'node:stream';
import { Controller, Get } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { APP_LOGGER, AppLogger, LOG_DESTINATION, loadConfig, NestPinoLogger } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { AppModule } from '../../apps/api/app.module';
import { configureApp } from '../../apps/api/configure-app';
import { authed, createUser, TestUser } from '../support/session';
import { TestApp } from '../support/test-app';

/** A route that fails the way a bug would: an unexpected error whose message holds an address. */
@Controller('log-test')
class FailingController {
  @Get('crash')
  crash(): never {
    throw new Error('could not find jan.jansen@bakkerij.example in the index');
  }
}

/** The real api with its JSON log lines collected in memory instead of stdout, Nest's own lines included (as main.ts). */
async function startLoggedApp(lines: string[]): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    APP_SECRET: 'test-secret-that-is-long-enough-0123456789',
    QUEUE_PREFIX: testQueuePrefix(),
    REDIS_URL: testRedisUrl(),
    DATABASE_URL: database.url,
    INBOUND_SMTP_PORT: '0',
    WORKERS: 'off',
    LOG_LEVEL: 'info',
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config, databaseUrl: database.url })],
    controllers: [FailingController],
  })
    .overrideProvider(LOG_DESTINATION)
    .useValue(sink)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error', 'warn'] });
  app.useLogger(new NestPinoLogger(app.get<AppLogger>(APP_LOGGER)));
  await configureApp(app, config);
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

type LogLine = Record<string, unknown>;

describe('Request logs', () => {
  const lines: string[] = [];
  let testApp: TestApp;
  let user: TestUser;
  const parsed = (): LogLine[] => lines.map((line) => JSON.parse(line) as LogLine);
  const linesFor = (requestId: string) => parsed().filter((line) => line.requestId === requestId);

  beforeAll(async () => {
    testApp = await startLoggedApp(lines);
    user = await createUser(testApp, {
      role: 'account_manager',
      regionCodes: ['AM25'],
      email: 'jan.jansen@bakkerij.example',
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should write one JSON line with the echoed request id when a client sends X-Request-Id', async () => {
    const response = await authed(testApp, user.token)
      .get('/api/auth/me')
      .set('X-Request-Id', 'trace-abc.123')
      .expect(200);

    expect(response.headers['x-request-id']).toBe('trace-abc.123');
    const [line] = linesFor('trace-abc.123');
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'trace-abc.123',
      method: 'GET',
      route: '/api/auth/me',
      status: 200,
      userId: user.id,
      msg: 'request completed',
    });
    expect(typeof line.ms).toBe('number');
    expect(typeof line.time).toBe('string');
    expect(linesFor('trace-abc.123')).toHaveLength(1);
  });

  it('should make up a UUID request id when the incoming one is missing or unacceptable', async () => {
    const plain = await authed(testApp, user.token).get('/api/auth/me').expect(200);
    const odd = await authed(testApp, user.token)
      .get('/api/auth/me')
      .set('X-Request-Id', 'has spaces\tand"quotes')
      .expect(200);

    for (const response of [plain, odd]) {
      const id = response.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(linesFor(id)).toHaveLength(1);
    }
  });

  it('should keep e-mail addresses, credentials and query strings out of the log when a request carries them', async () => {
    lines.length = 0;
    const login = await request(testApp.app.getHttpServer())
      .post('/api/auth/login')
      .set('Cookie', 'vliegwiel_session=secret-cookie-value')
      .send({ email: 'jan.jansen@bakkerij.example', password: 'wrong-password-123' })
      .expect(401);
    const search = await authed(testApp, user.token)
      .get('/api/employers?q=jan.jansen%40bakkerij.example')
      .set('X-Request-Id', 'search-1')
      .expect(200);

    expect(linesFor(login.headers['x-request-id'] as string)[0]).toMatchObject({
      route: '/api/auth/login',
      status: 401,
    });
    expect(linesFor(search.headers['x-request-id'] as string)[0]).toMatchObject({ route: '/api/employers' });
    const all = lines.join('\n');
    expect(all).not.toMatch(/jan\.jansen|bakkerij\.example|jan\.jansen%40/);
    expect(all).not.toContain('wrong-password-123');
    expect(all).not.toContain('secret-cookie-value');
    expect(all).not.toContain(user.token);
  });

  it('should log a 500 without the e-mail address in its message or stack when an unexpected error holds one', async () => {
    lines.length = 0;
    const response = await authed(testApp, user.token)
      .get('/api/log-test/crash')
      .set('X-Request-Id', 'crash-1')
      .expect(500);

    expect(String((response.body as { message: string }).message)).toMatch(/^Internal error; reference /);
    const errorLine = parsed().find((line) => line.context === 'HttpError');
    expect(errorLine).toMatchObject({ level: 'error' });
    expect(String((errorLine?.err as { stack: string }).stack)).toContain(
      'Error: could not find [e-mail] in the index\n',
    );
    expect(linesFor('crash-1')[0]).toMatchObject({ status: 500, msg: 'request failed' });
    expect(lines.join('\n')).not.toMatch(/jan\.jansen|bakkerij\.example/);
  });
});
