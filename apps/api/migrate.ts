import { exitOnStartupFailure, loadConfig, openRuntime } from '@app/core';
import { prepareDatabase } from './startup';

/**
 * `npm run migration:run`: applies pending migrations (and creates the first admin when
 * ADMIN_EMAIL/ADMIN_PASSWORD are set and no user exists) without starting the app. Without
 * DATABASE_URL it works on the embedded PostgreSQL in DATA_DIR.
 */
async function migrate(): Promise<void> {
  const log = (line: string) => console.log(line);
  const config = loadConfig();
  const runtime = await openRuntime(config, log, { redis: 'none' });
  try {
    await prepareDatabase(runtime.databaseUrl, config, log);
    log('The database is up to date.');
  } finally {
    await runtime.close();
  }
}

migrate().then(() => process.exit(0), exitOnStartupFailure);
