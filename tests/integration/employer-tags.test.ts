import { jest } from '@jest/globals';
import { Client } from 'pg';
import { TestDatabase, createTestDatabase, seededRandom } from '@app/testing';

jest.setTimeout(120_000);

const TAGS = ['Bouw', 'bouw', 'BOUW', 'zorg', 'Techniek', 'logistiek', 'horeca', 'bouw-gerelateerd', 'Zorg & welzijn'];
const KINDS = ['employer', 'employer', 'employer', 'sw_company', 'mbo'];

/** What employer_tags must hold: every employer's tags, lower-cased, each once. */
const FROM_ORGANISATIONS = `
  SELECT DISTINCT o.region_id, lower(t) AS tag, o.id AS employer_id
  FROM organisations o CROSS JOIN LATERAL unnest(o.tags) AS t
  WHERE o.kind = 'employer' AND t IS NOT NULL`;
const ORDER = ` ORDER BY employer_id, tag, region_id`;

describe('employer_tags (the segment tag count, kept by triggers on organisations)', () => {
  let database: TestDatabase;
  let db: Client;
  let regions: string[];
  const random = seededRandom(20261129);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const someTags = () => TAGS.filter(() => random() < 0.3);

  const sideTable = async () => (await db.query(`SELECT region_id, tag, employer_id FROM employer_tags` + ORDER)).rows;
  const expectEqualToOrganisations = async () => {
    const expected = (await db.query(`SELECT * FROM (${FROM_ORGANISATIONS}) r` + ORDER)).rows;
    expect(await sideTable()).toEqual(expected);
    return expected;
  };
  const tagsOf = async (id: string) =>
    (await db.query(`SELECT tag FROM employer_tags WHERE employer_id = $1 ORDER BY tag`, [id])).rows.map(
      (row: { tag: string }) => row.tag,
    );
  const insertOne = async (regionId: string, tags: string[], kind = 'employer') =>
    (
      await db.query(`INSERT INTO organisations (region_id, kind, name, tags) VALUES ($1, $2, 'W', $3) RETURNING id`, [
        regionId,
        kind,
        tags,
      ])
    ).rows[0].id as string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    regions = (await db.query(`SELECT id FROM regions WHERE code IN ('AM25', 'AM38') ORDER BY code`)).rows.map(
      (r: { id: string }) => r.id,
    );
  });

  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('should hold each employer tag once, lower-cased, after single and many-row inserts, and no other kind', async () => {
    const id = await insertOne(regions[0], ['Bouw', 'bouw', 'Zorg']);
    expect(await tagsOf(id)).toEqual(['bouw', 'zorg']);
    // A NULL element matches no tag filter and has no row (the table's tag is NOT NULL).
    expect(await tagsOf(await insertOne(regions[0], ['Bouw', null as unknown as string]))).toEqual(['bouw']);
    const sw = await insertOne(regions[0], ['bouw'], 'sw_company');
    expect(await tagsOf(sw)).toEqual([]);
    // One statement for many rows, as an import or the benchmark seed writes them.
    await db.query(
      `INSERT INTO organisations (region_id, kind, name, tags)
       SELECT $1, (ARRAY['employer','employer','sw_company'])[1 + g % 3], 'W' || g,
              CASE g % 4 WHEN 0 THEN ARRAY['Bouw', 'x'] WHEN 1 THEN ARRAY['zorg', 'ZORG'] WHEN 2 THEN '{}'::text[]
                         ELSE ARRAY['logistiek'] END
       FROM generate_series(1, 300) g`,
      [regions[1]],
    );
    const rows = await expectEqualToOrganisations();
    expect(rows.length).toBeGreaterThan(200);
  });

  it('should follow tag, region and kind changes, and leave rows alone when other columns change', async () => {
    const id = await insertOne(regions[0], ['Bouw', 'horeca']);
    const before = (await db.query(`SELECT ctid FROM employer_tags WHERE employer_id = $1 ORDER BY tag`, [id])).rows;
    await db.query(`UPDATE organisations SET stage = 'contacted', name = 'Andere naam' WHERE id = $1`, [id]);
    // Untouched: the very same row versions (no delete and insert of unchanged rows).
    expect((await db.query(`SELECT ctid FROM employer_tags WHERE employer_id = $1 ORDER BY tag`, [id])).rows).toEqual(
      before,
    );
    await db.query(`UPDATE organisations SET tags = ARRAY['HORECA', 'Techniek'] WHERE id = $1`, [id]);
    expect(await tagsOf(id)).toEqual(['horeca', 'techniek']);
    await db.query(`UPDATE organisations SET region_id = $2 WHERE id = $1`, [id, regions[1]]);
    expect((await db.query(`SELECT DISTINCT region_id FROM employer_tags WHERE employer_id = $1`, [id])).rows).toEqual([
      { region_id: regions[1] },
    ]);
    await db.query(`UPDATE organisations SET tags = '{}' WHERE id = $1`, [id]);
    expect(await tagsOf(id)).toEqual([]);
    await db.query(`UPDATE organisations SET tags = ARRAY['zorg'] WHERE id = $1`, [id]);
    await db.query(`UPDATE organisations SET kind = 'sw_company' WHERE id = $1`, [id]);
    expect(await tagsOf(id)).toEqual([]);
    await db.query(`UPDATE organisations SET kind = 'employer' WHERE id = $1`, [id]);
    expect(await tagsOf(id)).toEqual(['zorg']);
    await expectEqualToOrganisations();
  });

  it('should follow upserts (insert … on conflict do update) as the employer import writes them', async () => {
    const id = await insertOne(regions[0], ['bouw']);
    await db.query(
      `INSERT INTO organisations (id, region_id, kind, name, tags)
       VALUES ($1, $2, 'employer', 'W', ARRAY['Logistiek']), (gen_random_uuid(), $2, 'employer', 'N', ARRAY['Nieuw'])
       ON CONFLICT (id) DO UPDATE SET tags = excluded.tags`,
      [id, regions[0]],
    );
    expect(await tagsOf(id)).toEqual(['logistiek']);
    await expectEqualToOrganisations();
  });

  it('should forget deleted employers (cascade)', async () => {
    const id = await insertOne(regions[1], ['bouw', 'zorg']);
    await db.query(`DELETE FROM organisations WHERE id = $1`, [id]);
    expect(await tagsOf(id)).toEqual([]);
    await expectEqualToOrganisations();
  });

  it('should follow random inserts, updates and deletes of one and many employers', async () => {
    for (let step = 0; step < 120; step++) {
      const roll = random();
      if (roll < 0.3) {
        await insertOne(pick(regions), someTags(), pick(KINDS));
      } else if (roll < 0.55) {
        await db.query(
          `UPDATE organisations SET tags = $2
           WHERE id = (SELECT id FROM organisations WHERE region_id = $1 ORDER BY random() LIMIT 1)`,
          [pick(regions), someTags()],
        );
      } else if (roll < 0.7) {
        // Many rows in one statement, each getting tags of its own.
        await db.query(
          `UPDATE organisations SET tags = CASE WHEN random() < 0.5 THEN $1::text[] ELSE tags || $2::text[] END
           WHERE random() < 0.2`,
          [someTags(), someTags()],
        );
      } else if (roll < 0.8) {
        await db.query(
          `UPDATE organisations SET region_id = $1, kind = $2
           WHERE id = (SELECT id FROM organisations WHERE kind IN ('employer', 'sw_company', 'mbo') ORDER BY random() LIMIT 1)`,
          [pick(regions), pick(KINDS)],
        );
      } else if (roll < 0.9) {
        await db.query(`UPDATE organisations SET stage = 'interested' WHERE random() < 0.3 AND kind = 'employer'`);
      } else {
        await db.query(
          `DELETE FROM organisations WHERE id IN (SELECT id FROM organisations WHERE kind = $1 AND random() < 0.05)`,
          [pick(KINDS)],
        );
      }
    }
    await expectEqualToOrganisations();
  });

  it('should give the same count per region and tag as the employers tags do, case-insensitively', async () => {
    const { rows } = await db.query(
      `SELECT r.id AS region_id, t.tag,
              (SELECT count(*)::int FROM employer_tags e WHERE e.region_id = r.id AND e.tag = lower(t.tag)) AS side,
              (SELECT count(*)::int FROM organisations o
               WHERE o.kind = 'employer' AND o.region_id = r.id AND lower_tags(o.tags) @> ARRAY[lower(t.tag)]) AS base
       FROM unnest($1::uuid[]) r(id), unnest($2::text[]) t(tag)`,
      [regions, TAGS],
    );
    for (const row of rows) expect(row).toEqual({ ...row, side: row.base });
    expect(rows.some((row: { base: number }) => row.base > 0)).toBe(true);
  });
});
