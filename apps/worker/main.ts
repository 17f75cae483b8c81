import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  closeGracefully,
  ConfigError,
  createAppLogger,
  exitOnStartupFailure,
  loadConfig,
  NestPinoLogger,
  openRuntime,
  runStartupWork,
} from '@app/core';
import { ensureFirstAdmin } from '@app/auth';
import { WorkerModule } from './worker.module';

/**
 * The standalone worker (`npm run start:worker`): an application context without an HTTP server
 * that runs every queue processor. Production runs it apart from the api (WORKERS=off there).
 */
async function main(): Promise<void> {
  const logger = new Logger('Vliegwiel worker');
  const log = (line: string) => logger.log(line);
  const config = loadConfig();
  // JSON lines with e-mail addresses scrubbed above debug, like the api (the first-admin line included).
  Logger.overrideLogger(new NestPinoLogger(createAppLogger(config.logLevel)));
  if (!config.databaseUrl) {
    // The embedded PostgreSQL belongs to one api process, which then hosts the workers itself.
    throw new ConfigError(['DATABASE_URL: the standalone worker needs the database the api uses; set DATABASE_URL']);
  }
  const runtime = await openRuntime(config, log);
  try {
    const admin = config.admin;
    await runStartupWork(runtime.databaseUrl, log, [
      async (dataSource) => {
        if (admin && (await ensureFirstAdmin(dataSource, admin))) log(`Created the first admin ${admin.email}`);
      },
    ]);
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, runtime.databaseUrl));
    runtime.onStop(() => closeGracefully(app, config.shutdownGraceMs, log));
    await app.init();
  } catch (error) {
    await runtime.close();
    throw error;
  }
  log(`Worker ready: processing queues under the prefix "${config.queuePrefix}"`);
}

main().catch(exitOnStartupFailure);
