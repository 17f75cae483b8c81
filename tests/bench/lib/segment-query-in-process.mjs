// The built segment query (dist/libs/outreach) in the bench process, on a TypeORM data source made as the api
// makes its own: benchmark c times our filter language (the saved segment read, its filter compiled, the count
// and the first page through TypeORM) apart from the api's per-request cost over HTTP, which e measures.
import { fileURLToPath } from 'node:url';
import { require, ROOT } from './harness.mjs';

const built = (path) => require(fileURLToPath(new URL(`dist/libs/${path}.js`, ROOT)));

/** `preview(segmentId)` as `SegmentQuery.preview` answers it, and `close()`. */
export async function openSegmentQuery(databaseUrl) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = built('core/src/database/data-source-options');
  const { SegmentQuery } = built('outreach/src/segments/segment-query.service');
  const { SegmentRepository } = built('outreach/src/segments/segment.repository');
  const { SegmentEmployerRepository } = built('outreach/src/segments/segment-employer.repository');
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  const query = new SegmentQuery(new SegmentRepository(dataSource), new SegmentEmployerRepository(dataSource));
  return {
    preview: (segmentId) => query.preview(segmentId),
    close: () => dataSource.destroy(),
  };
}
