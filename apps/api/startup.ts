import { AppConfig, runStartupWork, StartupStep } from '@app/core';
import { ensureFirstAdmin } from '@app/auth';

/**
 * Work done once per start, before any module runs: pending migrations, the first admin
 * (ADMIN_EMAIL/ADMIN_PASSWORD when the database has no user yet), then `extraSteps` (the demo's
 * seed), all under the advisory lock so replicas starting together take turns.
 */
export async function prepareDatabase(
  databaseUrl: string,
  config: AppConfig,
  log: (line: string) => void,
  extraSteps: StartupStep[] = [],
): Promise<void> {
  const admin = config.admin;
  await runStartupWork(databaseUrl, log, [
    async (dataSource) => {
      if (admin && (await ensureFirstAdmin(dataSource, admin))) log(`Created the first admin ${admin.email}`);
    },
    ...extraSteps,
  ]);
}
