import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { withStartupLock } from './startup-lock';

/** Work an app adds after the migrations, on the same connection and under the same lock (e.g. the first admin). */
export type StartupStep = (dataSource: DataSource) => Promise<void>;

/**
 * Work done once per start, before any module runs: pending migrations, then the app's steps, under
 * the advisory lock so replicas starting together take turns. Returns the names of applied migrations.
 */
export async function runStartupWork(
  databaseUrl: string,
  log: (line: string) => void,
  steps: StartupStep[] = [],
): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions(databaseUrl, { extra: { max: 2, application_name: 'vliegwiel-startup' } }),
  );
  await dataSource.initialize();
  try {
    return await withStartupLock(dataSource, async () => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      for (const step of steps) await step(dataSource);
      return applied.map((migration) => migration.name);
    });
  } finally {
    await dataSource.destroy();
  }
}
