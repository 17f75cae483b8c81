import { dropRunDatabases, dropRunQueues } from '@app/testing';
import type { DatabaseJanitor } from '@app/testing';
import { JANITOR } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { [JANITOR]?: DatabaseJanitor };
  await holder[JANITOR]?.stop();
  delete holder[JANITOR];
  const runId = process.env.VW_TEST_RUN_ID;
  if (runId) await Promise.all([dropRunDatabases(runId), dropRunQueues(runId)]);
  delete process.env.VW_TEST_TEMPLATE_DB;
}
