// A built lib module (dist/libs/…) in a Nest application context in the bench process, on the database
// infrastructure the api uses: for benchmarks that call our services directly, apart from the api's per-request
// work over HTTP (c's in-process preview, d's recorded statements).
import { dropRedisPrefix, REDIS_URL, require, unique } from './harness.mjs';

/** The bench's admin as a principal: every region in scope, as the HTTP side's admin token has. */
export const BENCH_ADMIN = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'bench@x',
  name: 'Bench',
  role: 'admin',
  regionIds: [],
};

/** A built lib's public surface, e.g. `builtLib('outreach')`. */
export const builtLib = (name) => require(`../../../dist/libs/${name}/src/index.js`);

/** The context with `module` on the api's core infrastructure, and `close()`, which also drops its queue prefix. */
export async function openBuiltLibContext(databaseUrl, module) {
  const core = builtLib('core');
  const { Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const prefix = `bench-ctx-${unique()}`;
  const config = core.loadConfig({ DATABASE_URL: databaseUrl, REDIS_URL, QUEUE_PREFIX: prefix });
  class BenchModule {}
  Module({ imports: [core.CoreInfrastructureModule.forRoot(config, databaseUrl), module] })(BenchModule);
  // abortOnError false: a failure to start throws, so the bench reports the benchmark as failed and cleans up, where
  // Nest's default would end the whole process.
  const context = await NestFactory.createApplicationContext(BenchModule, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  return {
    context,
    async close() {
      try {
        await context.close();
      } finally {
        await dropRedisPrefix(prefix);
      }
    },
  };
}

/** `preview(segmentId)` as `SegmentService.preview` answers the api's `GET /api/segments/:id/preview`, and `close()`. */
export async function openSegmentPreview(databaseUrl) {
  const outreach = builtLib('outreach');
  const { context, close } = await openBuiltLibContext(databaseUrl, outreach.SegmentsModule);
  let segments;
  try {
    segments = context.get(outreach.SegmentService);
  } catch (error) {
    await close();
    throw error;
  }
  return { preview: (segmentId) => segments.preview(BENCH_ADMIN, segmentId), close };
}
