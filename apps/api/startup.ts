import { DataSource } from 'typeorm';
import { AppConfig, dataSourceOptions, withStartupLock } from '@app/core';
import { ensureFirstAdmin } from '@app/auth';

/**
 * Work done once per start, before any module runs: pending migrations and the first admin, under
 * the advisory lock so replicas starting together take turns.
 */
export async function prepareDatabase(
  databaseUrl: string,
  config: AppConfig,
  log: (line: string) => void,
): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2 } }));
  await dataSource.initialize();
  try {
    await withStartupLock(dataSource, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      if (config.admin && (await ensureFirstAdmin(dataSource, config.admin)))
        log(`Created the first admin ${config.admin.email}`);
    });
  } finally {
    await dataSource.destroy();
  }
}
