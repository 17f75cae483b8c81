import { createTemplateDatabase, DatabaseJanitor, newRunId, startDatabaseJanitor } from '@app/testing';

/** Where globalTeardown finds the janitor (both run in the jest main process). */
export const JANITOR = Symbol.for('vliegwiel.test-database-janitor');

/**
 * Once per jest run: a run id, a migrated template database that every test file clones, and the janitor
 * that clones ahead and drops finished files' databases off the tests' time (libs/testing).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.VW_TEST_TEMPLATE_DB) return;
  const runId = process.env.VW_TEST_RUN_ID ?? newRunId();
  process.env.VW_TEST_RUN_ID = runId;
  const template = await createTemplateDatabase(runId);
  process.env.VW_TEST_TEMPLATE_DB = template;
  (globalThis as { [JANITOR]?: DatabaseJanitor })[JANITOR] = await startDatabaseJanitor(runId, template);
}
