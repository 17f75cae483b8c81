import { Redis } from 'ioredis';
import { BuiltProcess, runBuilt } from '../../support/built-process';
import { APP_SECRET, INBOUND_DOMAIN } from './chaos-campaign';

export interface WorkerEnv {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  smtpUrl: string;
  /** Extra settings, e.g. SHUTDOWN_GRACE_MS. */
  extra?: Record<string, string>;
  /** Node flags before the entry point, e.g. `startScript('start:worker').nodeArgs`. */
  nodeArgs?: string[];
}

/** The built standalone worker (`node dist/apps/worker/main.js`), started and ready to take jobs. */
export async function startWorker(env: WorkerEnv): Promise<BuiltProcess> {
  const worker = runBuilt(
    'apps/worker/main.js',
    {
      DATABASE_URL: env.databaseUrl,
      REDIS_URL: env.redisUrl,
      QUEUE_PREFIX: env.queuePrefix,
      SMTP_URL: env.smtpUrl,
      INBOUND_DOMAIN,
      APP_SECRET,
      PUBLIC_URL: 'http://localhost:3999',
      ...env.extra,
    },
    env.nodeArgs,
  );
  await worker.waitFor(/Worker ready/, 60_000);
  return worker;
}

/**
 * What a dead worker leaves in Redis ages out by itself: its job locks lapse after BullMQ's lock
 * duration (30 s) and the stalled check takes the jobs back. The short profile skips that wait by
 * doing the same at once — delete the locks, mark the jobs as stalling, allow the next check now —
 * so the next worker's first stalled check takes them back. Returns the job ids that were active.
 */
export async function expireDeadLocks(redisUrl: string, prefix: string, queue: string): Promise<string[]> {
  const redis = new Redis(redisUrl);
  try {
    const base = `${prefix}:${queue}`;
    const active = await redis.lrange(`${base}:active`, 0, -1);
    for (const id of active) {
      await redis.del(`${base}:${id}:lock`);
      await redis.sadd(`${base}:stalled`, id);
    }
    await redis.del(`${base}:stalled-check`);
    return active;
  } finally {
    redis.disconnect();
  }
}

/** Job ids in a queue's active list right now. */
export async function activeJobs(redisUrl: string, prefix: string, queue: string): Promise<string[]> {
  const redis = new Redis(redisUrl);
  try {
    return await redis.lrange(`${prefix}:${queue}:active`, 0, -1);
  } finally {
    redis.disconnect();
  }
}
