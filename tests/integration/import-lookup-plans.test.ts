import { jest } from '@jest/globals';
import { Client } from 'pg';
import { TestDatabase, createTestDatabase } from '@app/testing';
import { CREATE_ROWS_TABLE, LOOK_UP_EMPLOYERS, ROWS_TABLE } from '../../libs/crm/src/imports/employer-import.sql';
import { EMPLOYERS_BY_KVK } from '../../libs/crm/src/imports/trajectory-import.sql';

jest.setTimeout(120_000);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** How the statement reads `organisations`: one entry per scan of it, e.g. "Index Scan organisations_pkey". */
async function organisationScans(db: Client, sql: string, params: unknown[]): Promise<PlanNode[]> {
  const [{ 'QUERY PLAN': plans }] = (await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows as {
    'QUERY PLAN': { Plan: PlanNode }[];
  }[];
  return nodesOf(plans[0].Plan).filter((node) => node['Relation Name'] === 'organisations');
}

const KEYS = ['organisations_employer_kvk_key', 'organisations_pkey'];

/** The index scan a read of `organisations` goes through: the node itself, or a bitmap heap scan's one index scan. */
function indexScanOf(scan: PlanNode): PlanNode {
  if (scan['Node Type'] === 'Index Scan') return scan;
  expect(scan['Node Type']).toBe('Bitmap Heap Scan');
  expect(scan.Plans?.map((child) => child['Node Type'])).toEqual(['Bitmap Index Scan']);
  return scan.Plans![0];
}

/** Every read of `organisations` is a probe of one key: the (region, KvK) key with both columns, or the primary key. */
function expectKeyProbesOnly(scans: PlanNode[]): void {
  expect(scans.length).toBeGreaterThan(0);
  for (const scan of scans) {
    const index = indexScanOf(scan);
    expect(KEYS).toContain(index['Index Name']);
    expect(index['Index Cond']).toMatch(
      index['Index Name'] === 'organisations_pkey' ? /\bid = / : /region_id = .*kvk_number = /,
    );
  }
}

// The statistics a large database has before an import into a region they do not know yet: many employers in one
// region, none in the region imported into, whose id sorts below every other region's (the case in which PostgreSQL
// once merge-joined on the region alone, bench f of 2026-12-01).
describe('Import lookups of stored employers by (region, KvK)', () => {
  let database: TestDatabase;
  let db: Client;
  let unknownRegion: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    const regions = (await db.query(`SELECT id FROM regions ORDER BY id`)).rows.map((row: { id: string }) => row.id);
    unknownRegion = regions[0];
    await db.query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number)
       SELECT $1, 'employer', 'Werkgever ' || g, lpad(g::text, 8, '0') FROM generate_series(1, 20000) g`,
      [regions[regions.length - 1]],
    );
    await db.query(`ANALYZE organisations`);
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('should probe the (region, KvK) key per row when the employer import looks up a region the statistics lack', async () => {
    await db.query('BEGIN');
    try {
      await db.query(CREATE_ROWS_TABLE);
      await db.query(
        `INSERT INTO ${ROWS_TABLE} (line, round, region_id, kvk, has_contact)
         SELECT g, 0, $1, lpad((g * 7)::text, 8, '0'), false FROM generate_series(1, 500) g`,
        [unknownRegion],
      );
      await db.query(`ANALYZE ${ROWS_TABLE}`);
      expectKeyProbesOnly(await organisationScans(db, LOOK_UP_EMPLOYERS, [0]));
    } finally {
      await db.query('ROLLBACK');
    }
  });

  it('should probe the (region, KvK) key per pair when the trajectory import looks up a region the statistics lack', async () => {
    const pairs = Array.from({ length: 200 }, (_, i) => ({
      regionId: unknownRegion,
      kvkNumber: String(i * 7).padStart(8, '0'),
    }));
    expectKeyProbesOnly(await organisationScans(db, EMPLOYERS_BY_KVK, [JSON.stringify(pairs)]));
  });
});
