import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The DataSource the TypeORM CLI loads (`npm run migration:generate`): every lib's entities, on the
 * database named by DATABASE_URL, which must already have every migration applied.
 */
export function cliDataSource(entities: NonNullable<DataSourceOptions['entities']>): DataSource {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL: set it to a database with every migration applied (npm run migration:run), to compare the entities with',
    );
  }
  return new DataSource({ ...dataSourceOptions(url), entities });
}
