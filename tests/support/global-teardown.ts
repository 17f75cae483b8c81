import { dropRunDatabases } from '@app/testing';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.VW_TEST_RUN_ID;
  if (runId) await dropRunDatabases(runId);
  delete process.env.VW_TEST_TEMPLATE_DB;
}
