import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../database/embedded-postgres';
import { redisAnswers } from '../redis/redis-connection';
import { RuntimeError } from './runtime-error';

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
}

export const REDIS_NEEDED =
  'Redis is needed: install it (apt-get install redis-server / brew install redis) or set REDIS_URL to a running one';

/** Finds an executable on PATH without running it. */
export function findOnPath(binary: string, searchPath = process.env.PATH ?? ''): string | undefined {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, binary))
    .find((candidate) => existsSync(candidate));
}

/**
 * For `npm run demo` only: a redis-server of the app's own on a free loopback port, data under
 * `<dataDir>/redis` (append-only file, so queued jobs survive a restart), stopped with the app.
 */
export async function startPrivateRedis(dataDir: string, log: (line: string) => void): Promise<PrivateRedis> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new RuntimeError(REDIS_NEEDED);
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes'],
    // Its own process group: Ctrl-C reaches the app, which stops Redis after the queues have closed.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  child.stderr?.resume();
  // A crash of the app must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilAnswering(child, url);
  log(`Started a private Redis on 127.0.0.1:${port} (data in ${dir})`);
  return {
    url,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

async function waitUntilAnswering(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new RuntimeError(`redis-server exited at start (code ${child.exitCode})`);
    if (await redisAnswers(url, 500)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new RuntimeError(`redis-server did not answer at ${url} within 10 s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    // SIGTERM makes redis-server flush the append-only file and exit.
    child.kill('SIGTERM');
  });
}
