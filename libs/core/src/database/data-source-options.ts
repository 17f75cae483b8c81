import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** The one place that says how Vliegwiel talks to PostgreSQL; `synchronize` is never on. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    extra: { max: 20, application_name: 'vliegwiel' },
    ...extra,
  } as DataSourceOptions;
}
