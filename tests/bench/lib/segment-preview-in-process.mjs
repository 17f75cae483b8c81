// The built segments module (dist/libs/outreach) in a Nest application context in the bench process, on the
// database infrastructure the api uses: benchmark c times our filter language by the service the preview
// endpoint calls, apart from the api's per-request work over HTTP (auth, rate limiter, HTTP stack).
import { require, REDIS_URL, dropRedisPrefix, unique } from './harness.mjs';

/** The bench's admin as a principal: every region in scope, as the HTTP side's admin token has. */
const ADMIN = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'bench@x',
  name: 'Bench',
  role: 'admin',
  regionIds: [],
};

/** `preview(segmentId)` as `SegmentService.preview` answers the api's `GET /api/segments/:id/preview`, and `close()`. */
export async function openSegmentPreview(databaseUrl) {
  const core = require('../../../dist/libs/core/src/index.js');
  const outreach = require('../../../dist/libs/outreach/src/index.js');
  const { Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const prefix = `bench-seg-${unique()}`;
  const config = core.loadConfig({ DATABASE_URL: databaseUrl, REDIS_URL, QUEUE_PREFIX: prefix });
  class SegmentBenchModule {}
  Module({ imports: [core.CoreInfrastructureModule.forRoot(config, databaseUrl), outreach.SegmentsModule] })(
    SegmentBenchModule,
  );
  // abortOnError false: a failure to start throws, so the bench reports c as failed and cleans up, where Nest's
  // default would end the whole process.
  const context = await NestFactory.createApplicationContext(SegmentBenchModule, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  const close = async () => {
    try {
      await context.close();
    } finally {
      await dropRedisPrefix(prefix);
    }
  };
  let segments;
  try {
    segments = context.get(outreach.SegmentService);
  } catch (error) {
    await close();
    throw error;
  }
  return { preview: (segmentId) => segments.preview(ADMIN, segmentId), close };
}
