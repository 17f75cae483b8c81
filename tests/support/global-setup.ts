import { createTemplateDatabase, newRunId } from '@app/testing';

/** Once per jest project: a run id and a migrated template database that every test file clones. */
export default async function globalSetup(): Promise<void> {
  if (process.env.VW_TEST_TEMPLATE_DB) return;
  const runId = process.env.VW_TEST_RUN_ID ?? newRunId();
  process.env.VW_TEST_RUN_ID = runId;
  process.env.VW_TEST_TEMPLATE_DB = await createTemplateDatabase(runId);
}
