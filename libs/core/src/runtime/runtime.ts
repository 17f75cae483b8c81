import { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { redisAnswers } from '../redis/redis-connection';

export interface Runtime {
  /** DATABASE_URL, or the address of the embedded server started for this process. */
  databaseUrl: string;
  close(): Promise<void>;
}

export class RuntimeError extends Error {}

/**
 * Opens what the process needs outside itself: the database (embedded when DATABASE_URL is unset)
 * and a Redis that answers. Fails with one clear line instead of hanging.
 */
export async function openRuntime(config: AppConfig, log: (line: string) => void): Promise<Runtime> {
  if (!(await redisAnswers(config.redisUrl))) {
    throw new RuntimeError(
      `REDIS_URL: no Redis answers at ${config.redisUrl}; start one (e.g. "redis-server") or set REDIS_URL`,
    );
  }
  if (config.databaseUrl) return { databaseUrl: config.databaseUrl, close: async () => {} };
  const embedded = await startEmbeddedPostgres(config.dataDir, log);
  log(`Using the embedded PostgreSQL in ${config.dataDir}/pg (set DATABASE_URL to use your own)`);
  return { databaseUrl: embedded.url, close: () => embedded.stop() };
}
