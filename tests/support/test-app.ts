import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { AppModule } from '../../apps/api/app.module';
import { configureApp } from '../../apps/api/configure-app';
import { PrototypedExpressAdapter } from '../../apps/api/http/prototyped-express-adapter';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Boots the real api on a fresh database and queue prefix of its own, on real PostgreSQL and Redis.
 * The inbound SMTP receiver takes a free port (INBOUND_SMTP_PORT=0) unless `env` names one.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    APP_SECRET: 'test-secret-that-is-long-enough-0123456789',
    QUEUE_PREFIX: testQueuePrefix(),
    REDIS_URL: testRedisUrl(),
    DATABASE_URL: database.url,
    INBOUND_SMTP_PORT: '0',
    // Request log lines only when a test asks for them.
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl: database.url }),
    // As serve.ts runs it.
    new PrototypedExpressAdapter(),
    {
      bodyParser: false,
      logger: ['error', 'warn'],
    },
  );
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
