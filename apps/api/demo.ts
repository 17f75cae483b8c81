import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { exitOnStartupFailure, loadConfig, openRuntime } from '@app/core';
import { seedDemoOnce } from './demo/demo-seed';
import { DEMO_USERS } from './demo/demo-people';
import { demoQueuePrefix } from './demo/demo-queue-prefix';
import { startApi } from './serve';
import { prepareDatabase } from './startup';

/**
 * `npm run demo`: the api on its own embedded PostgreSQL (DATA_DIR, default ./data), workers in the
 * same process, a private Redis when none answers, and a demo region filled once. Ctrl-C stops it all.
 */
async function demo(): Promise<void> {
  const logger = new Logger('Vliegwiel demo');
  const log = (line: string) => logger.log(line);
  if (process.env.DATABASE_URL) log('Ignoring DATABASE_URL: the demo runs on its own embedded PostgreSQL');
  // The demo is read by a person: no JSON line per request unless LOG_LEVEL asks for it.
  const loaded = loadConfig({ LOG_LEVEL: 'warn', ...process.env, DATABASE_URL: undefined, WORKERS: 'inline' });
  const config = { ...loaded, queuePrefix: demoQueuePrefix(process.env.QUEUE_PREFIX, loaded.dataDir) };
  const runtime = await openRuntime(config, log, { redis: 'private', suggestDatabaseUrl: false });
  log(`Queue keys in Redis under the prefix ${config.queuePrefix} (QUEUE_PREFIX changes it)`);
  try {
    await prepareDatabase(runtime.databaseUrl, config, log, [seedDemoOnce(log)]);
    await startApi(config, runtime);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  console.log(`URL: ${config.publicUrl}`);
  for (const user of DEMO_USERS) console.log(`Login ${user.role}: ${user.email} / ${user.password}`);
}

demo().catch(exitOnStartupFailure);
