import type { INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { workersOf } from './queue-workers';

/**
 * SIGTERM for an api or worker context: stop taking HTTP requests and jobs at once, let running jobs
 * finish for at most `graceMs`, then close Nest (SMTP pool, Redis, database). Nest alone would close the
 * SMTP pool and the database before BullMQ's workers, under jobs that are still sending.
 */
export async function closeGracefully(
  app: INestApplicationContext,
  graceMs: number,
  log: (line: string) => void,
): Promise<void> {
  const server = httpServerOf(app);
  // New connections are refused from now on; requests already in flight still get their answer.
  server?.close();
  server?.closeIdleConnections?.();
  const workers = workersOf(app);
  if (workers.length > 0) {
    const started = Date.now();
    const paused = Promise.all(workers.map((worker) => worker.pause())).then(() => true);
    const inTime = await Promise.race([paused, delay(graceMs).then(() => false)]);
    if (inTime) {
      log(`Running jobs finished in ${Date.now() - started} ms`);
    } else {
      // Their locks expire and another worker takes the jobs again; a send in flight is settled as `unknown`.
      log(`Running jobs did not finish within SHUTDOWN_GRACE_MS=${graceMs}; leaving them to another worker`);
      await Promise.all(workers.map((worker) => worker.close(true).catch(() => undefined)));
    }
  }
  await app.close();
}

function httpServerOf(app: INestApplicationContext): Server | undefined {
  const candidate = app as INestApplicationContext & { getHttpServer?: () => Server };
  try {
    const server = candidate.getHttpServer?.();
    return server?.listening ? server : undefined;
  } catch {
    return undefined;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
