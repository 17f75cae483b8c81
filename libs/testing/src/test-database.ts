import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';

/** The server tests use: the machine's PostgreSQL unless TEST_DATABASE_URL names another. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A name unique to this test run, so runs never see each other's data. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Creates the run's migrated template database; each test file clones it (fast) instead of migrating. */
export async function createTemplateDatabase(runId: string): Promise<string> {
  const name = `vw_${runId}_tpl`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const dataSource = new DataSource(dataSourceOptions(withDatabase(testServerUrl(), name)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** `vw_<run>_<kind>_…`: a LIKE pattern for the run's databases of one kind (pool or trash). */
function kindPattern(runId: string, kind: 'pool' | 'trash'): string {
  return `vw\\_${runId}\\_${kind}\\_%`;
}

/**
 * A fresh, migrated database of its own for one test file. It takes one the run's janitor cloned ahead
 * (renamed to a name of its own, so no other file can take it too), else clones the template itself.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const runId = process.env.VW_TEST_RUN_ID;
  const template = process.env.VW_TEST_TEMPLATE_DB;
  if (!runId || !template) throw new Error('Test run not set up: run through jest (tests/support/global-setup.ts)');
  const suffix = randomBytes(4).toString('hex');
  const name = `vw_${runId}_${suffix}`;
  await onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY random()`,
      [kindPattern(runId, 'pool')],
    );
    for (const { datname } of rows) {
      // Fails when another file took it first: try the next one.
      const taken = await client.query(`ALTER DATABASE ${datname} RENAME TO ${name}`).then(
        () => true,
        () => false,
      );
      if (taken) return;
    }
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  });
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    drop: () => onServer((client) => retireDatabase(client, name, `vw_${runId}_trash_${suffix}`)),
  };
}

/**
 * Makes a test file's database unreachable at once: its connections are ended (as DROP … WITH (FORCE)
 * would) and it is renamed for the janitor to drop later, off the test's time (DROP DATABASE forces a
 * checkpoint: seconds on a busy server). Without a janitor, or when the rename fails, it is dropped here.
 */
async function retireDatabase(client: pg.Client, name: string, trash: string): Promise<void> {
  if (process.env.VW_TEST_JANITOR === '1') {
    try {
      await client.query(
        `SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [name],
      );
      await client.query(`ALTER DATABASE ${name} RENAME TO ${trash}`);
      return;
    } catch {
      // Someone connected again in between (or an older server): drop it here after all.
    }
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export interface DatabaseJanitor {
  /** Finishes the step under way and closes its connection (the databases stay: see dropRunDatabases). */
  stop(): Promise<void>;
}

/**
 * Runs in the jest main process for the whole run: keeps `poolSize` clones of the template ready for
 * createTestDatabase and drops the databases test files retired. Each clone is still a database of this
 * run only (`vw_<run>_pool_…`), taken by exactly one file.
 */
export async function startDatabaseJanitor(runId: string, template: string, poolSize = 3): Promise<DatabaseJanitor> {
  const client = new pg.Client({ connectionString: testServerUrl(), application_name: 'vw-test-janitor' });
  await client.connect();
  let running = true;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const names = async (kind: 'pool' | 'trash') =>
    (
      await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        kindPattern(runId, kind),
      ])
    ).rows.map((row) => row.datname);
  const step = async (): Promise<boolean> => {
    // A ready clone first: a test file may be waiting for it; the drops can wait.
    if ((await names('pool')).length < poolSize) {
      await client.query(`CREATE DATABASE vw_${runId}_pool_${randomBytes(4).toString('hex')} TEMPLATE ${template}`);
      return true;
    }
    const [trash] = await names('trash');
    if (!trash) return false;
    await client.query(`DROP DATABASE IF EXISTS ${trash} WITH (FORCE)`);
    return true;
  };
  const loop = (async () => {
    while (running) {
      const busy = await step().catch((error: Error) => {
        if (running) process.stderr.write(`test database janitor: ${error.message}\n`);
        return false;
      });
      if (!busy && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, 250);
        });
      }
    }
  })();
  process.env.VW_TEST_JANITOR = '1';
  return {
    stop: async () => {
      running = false;
      clearTimeout(timer);
      wake?.();
      await loop;
      delete process.env.VW_TEST_JANITOR;
      await client.end();
    },
  };
}

/**
 * Drops every database this run made (also those of files that crashed before their own clean-up, and
 * the janitor's clones). Side by side: each DROP DATABASE waits for a checkpoint, and drops running at
 * the same time share them.
 */
export async function dropRunDatabases(runId: string): Promise<void> {
  const { rows } = await onServer((client) =>
    client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`vw\\_${runId}\\_%`]),
  );
  const names = rows.map((row) => row.datname);
  // At most eight connections at a time.
  const dropNext = async (): Promise<void> => {
    for (let name = names.pop(); name; name = names.pop()) {
      const datname = name;
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, names.length) }, dropNext));
}
