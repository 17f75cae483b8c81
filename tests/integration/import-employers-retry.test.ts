import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { EmployerImportService } from '@app/crm';
import { EmployerImportRepository } from '../../libs/crm/src/imports/employer-import.repository';
import { ImportsRepository } from '../../libs/crm/src/imports/imports.repository';

// Seven data rows; with batches of two the second batch (lines 4–6: a batch ends between employers, so
// both Charlie rows are in it) is where the "crash" happens.
const FILE = [
  'name,kvkNumber,regionCode,city,contactLastName,contactEmail',
  'Alfa,10000001,AM25,Delft,Jansen,a@alfa.nl',
  'Bravo,10000002,AM25,Delft,,',
  'Kapot,123,AM25,,,',
  'Charlie,10000003,AM25,Delft,Pietersen,p@charlie.nl',
  'Charlie,10000003,AM25,Delft,Klaassen,k@charlie.nl',
  'Delta,10000004,AM25,,,',
  'Echo,10000005,AM25,,,',
].join('\n');

describe('employer import retries', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  let service: EmployerImportService;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      IMPORT_BATCH_SIZE: '2',
    });
    // The runner without its queue processor: the test plays the worker and its retries.
    @Module({
      imports: [CoreInfrastructureModule.forRoot(config, database.url)],
      providers: [ImportsRepository, EmployerImportRepository, EmployerImportService],
    })
    class RunnerModule {}
    context = await NestFactory.createApplicationContext(RunnerModule, { logger: ['error', 'warn'] });
    db = context.get(DataSource);
    service = context.get(EmployerImportService);
    const regions: { id: string }[] = await db.query(`SELECT id FROM regions WHERE code = 'AM25'`);
    const users: { id: string }[] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ('c@test.example', 'C', 'coordinator', $1, 'x')
       RETURNING id`,
      [[regions[0].id]],
    );
    userId = users[0].id;
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  const newImport = async (content = FILE): Promise<string> => {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO imports (kind, filename, file, created_by, region_ids)
       SELECT 'employers', 'x.csv', $1, $2, region_ids FROM users WHERE id = $2 RETURNING id`,
      [Buffer.from(content), userId],
    );
    return rows[0].id;
  };
  const state = async (id: string) =>
    (
      await db.query(
        `SELECT status, total, processed, created, updated, unchanged, failed FROM imports WHERE id = $1`,
        [id],
      )
    )[0];
  const count = async (table: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('should resume after the last committed batch without counting twice when an attempt crashes halfway', async () => {
    const id = await newImport();
    // A real failure inside the second batch's transaction: PostgreSQL refuses its progress update.
    await db.query(`
      CREATE FUNCTION crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.processed >= 4 AND OLD.processed < 4 THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER crash_once BEFORE UPDATE ON imports FOR EACH ROW EXECUTE FUNCTION crash_once()`);

    await expect(service.run(id)).rejects.toThrow(/simulated crash/);
    expect(await state(id)).toEqual({
      status: 'running',
      total: 7,
      processed: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 0,
    });
    expect(await count(`organisations WHERE kind = 'employer'`)).toBe(2);

    await db.query(`DROP TRIGGER crash_once ON imports`);
    await expect(service.run(id)).resolves.toBe('completed');

    expect(await state(id)).toEqual({
      status: 'completed',
      total: 7,
      processed: 7,
      created: 5,
      updated: 1,
      unchanged: 0,
      failed: 1,
    });
    expect(await count(`organisations WHERE kind = 'employer'`)).toBe(5);
    expect(await count('contacts')).toBe(3);
    expect(await count('audit_log')).toBe(8);
    expect(await db.query(`SELECT "row", field FROM import_row_errors WHERE import_id = $1`, [id])).toEqual([
      { row: 4, field: 'kvkNumber' },
    ]);
    // The uploaded file (personal data) is not kept once the import is done.
    expect((await db.query(`SELECT octet_length(file) AS size FROM imports WHERE id = $1`, [id]))[0].size).toBe(0);
  });

  it('should do nothing when a completed import is run again', async () => {
    const [{ id }] = await db.query(`SELECT id FROM imports WHERE status = 'completed'`);
    const auditBefore = await count('audit_log');
    await expect(service.run(id)).resolves.toBe('completed');
    expect((await state(id)).processed).toBe(7);
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await count(`import_row_errors WHERE import_id = '${id}'`)).toBe(1);
  });

  it('should report every row unchanged and write nothing when the same file is imported again', async () => {
    const auditBefore = await count('audit_log');
    const updatedAt = await db.query(`SELECT id, updated_at FROM organisations ORDER BY id`);
    const id = await newImport();
    await expect(service.run(id)).resolves.toBe('completed');
    expect(await state(id)).toMatchObject({ processed: 7, created: 0, updated: 0, unchanged: 6, failed: 1 });
    expect(await count('audit_log')).toBe(auditBefore);
    expect(await db.query(`SELECT id, updated_at FROM organisations ORDER BY id`)).toEqual(updatedAt);
  });

  it('should keep two namesake contacts apart when their rows reach past a full batch', async () => {
    const [{ id: employerId }] = await db.query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number)
       SELECT id, 'employer', 'Naamgenoten', '20000002' FROM regions WHERE code = 'AM25' RETURNING id`,
    );
    for (const role of ['Eigenaar', 'Chef']) {
      await db.query(
        `INSERT INTO contacts (organisation_id, region_id, first_name, last_name, role)
         SELECT id, region_id, 'Jan', 'Jansen', $2 FROM organisations WHERE id = $1`,
        [employerId, role],
      );
    }
    const contacts = () =>
      db.query(`SELECT id, role FROM contacts WHERE organisation_id = $1 ORDER BY role`, [employerId]);
    const before = await contacts();
    // Batches of two: the second namesake row would start a batch of its own, away from the first.
    const file = [
      'name,kvkNumber,regionCode,contactFirstName,contactLastName,contactRole',
      'Alfa,10000001,AM25,,,',
      'Naamgenoten,20000002,AM25,Jan,Jansen,Eigenaar',
      'Naamgenoten,20000002,AM25,Jan,Jansen,Chef',
    ].join('\n');
    const id = await newImport(file);
    await expect(service.run(id)).resolves.toBe('completed');
    expect(await state(id)).toMatchObject({ processed: 3, created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await contacts()).toEqual(before);
  });
});
