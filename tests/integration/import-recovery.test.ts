import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig, QueueName } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { FILE_CHUNK_BYTES } from '../../libs/crm/src/imports/csv-batch-runner';
import { ImportRecovery } from '../../libs/crm/src/imports/import-recovery';
import { WorkerModule } from '../../apps/worker/worker.module';

const FILE = ['name,kvkNumber,regionCode', 'Hersteld BV,40000004,AM25'].join('\n');

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The worker process on real PostgreSQL and Redis (BullMQ), as apps/worker runs it. */
describe('import recovery', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, database.url), {
      logger: ['error', 'warn'],
    });
    await context.init();
    db = context.get(DataSource);
    queue = context.get<Queue>(getQueueToken(QueueName.Import), { strict: false });
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('should process an import left queued when a finished job with its id is still in Redis', async () => {
    const importId = randomUUID();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    // The job runs before its import exists: it finds nothing, says so, and completes.
    const old: Job = await queue.add('employers', { importId }, { jobId: `import-${importId}` });
    await until(
      () => old.getState(),
      (state) => state === 'completed',
    );
    expect((await queue.getJob(`import-${importId}`))?.returnvalue).toBe('missing');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`import ${importId} does not exist`));
    warn.mockRestore();

    // Now the import is there, queued, as after a crash between storing it and running it.
    const [{ id: userId }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash)
       SELECT 'r@test.example', 'R', 'coordinator', ARRAY[id], 'x' FROM regions WHERE code = 'AM25' RETURNING id`,
    );
    await db.query(
      `INSERT INTO imports (id, kind, filename, file, created_by, region_ids)
       SELECT $1, 'employers', 'x.csv', $2, id, region_ids FROM users WHERE id = $3`,
      [importId, Buffer.from(FILE), userId],
    );
    await context.get(ImportRecovery).onApplicationBootstrap();

    const status = await until(
      async () => (await db.query(`SELECT status, created FROM imports WHERE id = $1`, [importId]))[0],
      (row: { status: string }) => row.status === 'completed' || row.status === 'failed',
    );
    expect(status).toEqual({ status: 'completed', created: 1 });
    expect((await db.query(`SELECT count(*)::int AS n FROM organisations WHERE kvk_number = '40000004'`))[0].n).toBe(1);
  });

  it('should import a file stored in chunks larger than the worker reads at a time (as before 32 KB chunks)', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `Grote Brok ${i} é,${41000000 + i},AM25`);
    const file = Buffer.from(['name,kvkNumber,regionCode', ...rows].join('\n'));
    expect(file.length).toBeGreaterThan(3 * FILE_CHUNK_BYTES);
    const importId = randomUUID();
    const [{ id: userId }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash)
       SELECT 'b@test.example', 'B', 'coordinator', ARRAY[id], 'x' FROM regions WHERE code = 'AM25' RETURNING id`,
    );
    await db.query(
      `INSERT INTO imports (id, kind, filename, file, created_by, region_ids)
       SELECT $1, 'employers', 'x.csv', ''::bytea, id, region_ids FROM users WHERE id = $2`,
      [importId, userId],
    );
    // Two chunks, the first larger than FILE_CHUNK_BYTES and cut inside an "é" (two bytes in UTF-8).
    const cut = file.indexOf('é', 2 * FILE_CHUNK_BYTES + 10) + 1;
    await db.query(`INSERT INTO import_file_chunks (import_id, seq, data) VALUES ($1, 0, $2), ($1, 1, $3)`, [
      importId,
      file.subarray(0, cut),
      file.subarray(cut),
    ]);
    await context.get(ImportRecovery).onApplicationBootstrap();

    const status = await until(
      async () => (await db.query(`SELECT status, total, created FROM imports WHERE id = $1`, [importId]))[0],
      (row: { status: string }) => row.status === 'completed' || row.status === 'failed',
    );
    expect(status).toEqual({ status: 'completed', total: 4000, created: 4000 });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM organisations WHERE name LIKE 'Grote Brok % é'`);
    expect(n).toBe(4000);
  });
});
