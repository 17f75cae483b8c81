import { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { redisAnswers } from '../redis/redis-connection';
import { findOnPath, REDIS_NEEDED, startPrivateRedis } from './private-redis';
import { RuntimeError } from './runtime-error';

export interface RuntimeOptions {
  /**
   * `required` (default): stop with one line when no Redis answers at REDIS_URL; `private`: then start
   * a redis-server of our own if one is installed (`npm run demo` only); `none`: Redis is not needed.
   */
  redis?: 'required' | 'private' | 'none';
  /** Stop cleanly and exit 0 on SIGTERM/SIGINT (default true). */
  handleSignals?: boolean;
  /** Whether the embedded-database line suggests DATABASE_URL (default true; the demo ignores DATABASE_URL). */
  suggestDatabaseUrl?: boolean;
}

export interface Runtime {
  /** DATABASE_URL, or the address of the embedded server started for this process. */
  databaseUrl: string;
  /** REDIS_URL, or the private server's address. */
  redisUrl: string;
  /** Registers work to do first when the process stops (newest first), e.g. `app.close()`. */
  onStop(work: () => Promise<void>): void;
  /** Runs the registered work, then stops the embedded database and private Redis. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens what the process needs outside itself: a Redis that answers and the database (embedded
 * when DATABASE_URL is unset). Fails with one clear line instead of hanging.
 */
export async function openRuntime(
  config: AppConfig,
  log: (line: string) => void,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const stops: Array<() => Promise<void>> = [];
  const runtime = createRuntime(stops, log);
  // From the first moment: a signal during start-up must still stop what has been started.
  if (options.handleSignals ?? true) exitOnSignal(runtime, log, config.shutdownGraceMs + HARD_STOP_AFTER_GRACE_MS);
  try {
    runtime.redisUrl = await resolveRedis(config, options.redis ?? 'required', log, stops);
    if (config.databaseUrl) {
      runtime.databaseUrl = config.databaseUrl;
    } else {
      const embedded = await startEmbeddedPostgres(config.dataDir, log);
      stops.push(() => embedded.stop());
      const hint = (options.suggestDatabaseUrl ?? true) ? ' (set DATABASE_URL to use your own)' : '';
      log(`Using the embedded PostgreSQL in ${config.dataDir}/pg on port ${embedded.port}${hint}`);
      runtime.databaseUrl = embedded.url;
    }
  } catch (error) {
    await runtime.close();
    throw error;
  }
  return runtime;
}

function createRuntime(stops: Array<() => Promise<void>>, log: (line: string) => void): Runtime {
  let closing: Promise<void> | undefined;
  return {
    databaseUrl: '',
    redisUrl: '',
    onStop: (work) => stops.push(work),
    close: () =>
      (closing ??= (async () => {
        // Newest first: the app stops using the database and Redis before they go away.
        for (const stop of [...stops].reverse()) {
          await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
        }
      })()),
  };
}

async function resolveRedis(
  config: AppConfig,
  mode: 'required' | 'private' | 'none',
  log: (line: string) => void,
  stops: Array<() => Promise<void>>,
): Promise<string> {
  if (mode === 'none' || (await redisAnswers(config.redisUrl))) return config.redisUrl;
  if (mode === 'private') {
    if (!findOnPath('redis-server')) throw new RuntimeError(REDIS_NEEDED);
    log(`No Redis answers at ${config.redisUrl}; starting a private one`);
    const redis = await startPrivateRedis(config.dataDir, log);
    stops.push(() => redis.stop());
    return redis.url;
  }
  throw new RuntimeError(
    `REDIS_URL: no Redis answers at ${config.redisUrl}; start one (e.g. "redis-server") or set REDIS_URL`,
  );
}

/** After the jobs' grace period: time for closing connections and the embedded database before giving up. */
const HARD_STOP_AFTER_GRACE_MS = 15_000;

/**
 * SIGTERM/SIGINT: close everything in order and exit 0; a second signal exits at once, and so does a
 * close that hangs past `hardStopMs` (exit 1), so an orchestrator's stop never waits for ever.
 */
function exitOnSignal(runtime: Runtime, log: (line: string) => void, hardStopMs: number): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down`);
    setTimeout(() => {
      log(`still stopping after ${hardStopMs} ms: exiting without waiting`);
      process.exit(1);
    }, hardStopMs).unref();
    void runtime.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
