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

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const runId = process.env.VW_TEST_RUN_ID;
  const template = process.env.VW_TEST_TEMPLATE_DB;
  if (!runId || !template) throw new Error('Test run not set up: run through jest (tests/support/global-setup.ts)');
  const name = `vw_${runId}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    drop: () =>
      onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Drops every database this run made (also those of files that crashed before their own clean-up). */
export async function dropRunDatabases(runId: string): Promise<void> {
  await onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `vw\\_${runId}\\_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
