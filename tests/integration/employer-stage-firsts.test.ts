import { jest } from '@jest/globals';
import { Client } from 'pg';
import { TestDatabase, createTestDatabase, seededRandom } from '@app/testing';

jest.setTimeout(120_000);

const STATES = [
  'prospect',
  'contacted',
  'interested',
  'sw_pilot',
  'own_trajectory',
  'structural',
  'ambassador',
  'not_interested',
  'paused',
];
const DAY = 86_400_000;

/** What employer_stage_firsts must hold: the minima computed from every row of stage_changes. */
const RAW_AGGREGATE = `
  SELECT region_id, employer_id,
         min(at) FILTER (WHERE to_stage = 'sw_pilot') AS sw_pilot_at,
         min(at) FILTER (WHERE to_stage IN ('own_trajectory', 'structural', 'ambassador')) AS own_trajectory_at,
         min(at) FILTER (WHERE to_stage IN ('structural', 'ambassador')) AS structural_at
  FROM stage_changes WHERE to_stage IN ('sw_pilot', 'own_trajectory', 'structural', 'ambassador')
  GROUP BY region_id, employer_id`;
const SUMMARY = `SELECT region_id, employer_id, sw_pilot_at, own_trajectory_at, structural_at FROM employer_stage_firsts`;
const ORDER = ` ORDER BY region_id, employer_id`;

describe('employer_stage_firsts (the cohort report summary, kept by triggers on stage_changes)', () => {
  let database: TestDatabase;
  let db: Client;
  let regions: string[];
  const random = seededRandom(20261129);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

  const summary = async () => (await db.query(SUMMARY + ORDER)).rows;
  const raw = async () => (await db.query(`SELECT * FROM (${RAW_AGGREGATE}) r` + ORDER)).rows;
  const expectEqualToRaw = async () => {
    const expected = await raw();
    expect(await summary()).toEqual(expected);
    return expected;
  };

  async function employerWithHistory(regionId: string, moves: number): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'employer', 'W') RETURNING id`,
      [regionId],
    );
    let at = Date.parse('2025-01-01T00:00:00Z') + random() * 300 * DAY;
    const stages = ['prospect'];
    const ats = [new Date(at).toISOString()];
    for (let n = 0; n < moves; n++) {
      at += Math.floor(random() * 40 * DAY);
      stages.push(pick(STATES));
      ats.push(new Date(at).toISOString());
    }
    // One statement for the whole history, as an import writes it.
    await db.query(
      `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
       SELECT $1, $2, s.stage, s.at, 'override' FROM unnest($3::text[], $4::timestamptz[]) WITH ORDINALITY AS s(stage, at, n)
       ORDER BY s.n`,
      [rows[0].id, regionId, stages, ats],
    );
    return rows[0].id;
  }

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

  it('should equal the aggregate over stage_changes after histories of many rows per statement', async () => {
    for (let e = 0; e < 60; e++) await employerWithHistory(pick(regions), 1 + Math.floor(random() * 10));
    const rows = await expectEqualToRaw();
    expect(rows.length).toBeGreaterThan(10);
  });

  it('should keep the earliest moment when a later row to the same stage arrives, and take an earlier one', async () => {
    const employerId = await employerWithHistory(regions[0], 0);
    const add = (stage: string, at: string) =>
      db.query(
        `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause) VALUES ($1, $2, $3, $4, 'manual')`,
        [employerId, regions[0], stage, at],
      );
    await add('sw_pilot', '2026-03-01T10:00:00Z');
    await add('structural', '2026-05-01T10:00:00Z');
    await add('sw_pilot', '2026-06-01T10:00:00Z');
    // Not monotonic on purpose: the summary is a minimum, whatever the order of arrival.
    await add('ambassador', '2026-04-01T10:00:00Z');
    const { rows } = await db.query(`${SUMMARY} WHERE employer_id = $1`, [employerId]);
    expect(rows).toEqual([
      {
        region_id: regions[0],
        employer_id: employerId,
        sw_pilot_at: new Date('2026-03-01T10:00:00Z'),
        own_trajectory_at: new Date('2026-04-01T10:00:00Z'),
        structural_at: new Date('2026-04-01T10:00:00Z'),
      },
    ]);
    await expectEqualToRaw();
  });

  it('should recompute the employers touched by updates and deletes, and drop those left without a later stage', async () => {
    const employerId = await employerWithHistory(regions[1], 0);
    await db.query(
      `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
       VALUES ($1, $2, 'sw_pilot', '2026-01-10T10:00:00Z', 'manual'), ($1, $2, 'own_trajectory', '2026-02-10T10:00:00Z', 'manual'),
              ($1, $2, 'sw_pilot', '2026-03-10T10:00:00Z', 'manual')`,
      [employerId, regions[1]],
    );
    // The earliest sw_pilot row moves later: the minimum is now the other row.
    await db.query(
      `UPDATE stage_changes SET at = '2026-04-10T10:00:00Z' WHERE employer_id = $1 AND at = '2026-01-10T10:00:00Z'`,
      [employerId],
    );
    let rows = (await db.query(`${SUMMARY} WHERE employer_id = $1`, [employerId])).rows;
    expect(rows[0].sw_pilot_at).toEqual(new Date('2026-03-10T10:00:00Z'));
    // A row changes stage: it no longer counts for its old one.
    await db.query(
      `UPDATE stage_changes SET to_stage = 'paused' WHERE employer_id = $1 AND to_stage = 'own_trajectory'`,
      [employerId],
    );
    rows = (await db.query(`${SUMMARY} WHERE employer_id = $1`, [employerId])).rows;
    expect(rows[0].own_trajectory_at).toBeNull();
    await expectEqualToRaw();
    // Deleting the later-stage rows leaves nothing to summarise.
    await db.query(`DELETE FROM stage_changes WHERE employer_id = $1 AND to_stage = 'sw_pilot'`, [employerId]);
    expect((await db.query(`${SUMMARY} WHERE employer_id = $1`, [employerId])).rows).toEqual([]);
    await expectEqualToRaw();
  });

  it('should follow random inserts, updates and deletes across employers and regions', async () => {
    const employers = (await db.query(`SELECT id, region_id FROM organisations WHERE kind = 'employer'`)).rows as {
      id: string;
      region_id: string;
    }[];
    for (let step = 0; step < 80; step++) {
      const employer = pick(employers);
      const roll = random();
      if (roll < 0.5) {
        await db.query(
          `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause) VALUES ($1, $2, $3, $4, 'manual')`,
          [employer.id, employer.region_id, pick(STATES), new Date(Date.parse('2025-01-01') + random() * 600 * DAY)],
        );
      } else if (roll < 0.75) {
        await db.query(
          `UPDATE stage_changes SET at = at + $2::interval, to_stage = $3
           WHERE seq = (SELECT seq FROM stage_changes WHERE employer_id = $1 ORDER BY random() LIMIT 1)`,
          [employer.id, `${Math.floor(random() * 60) - 30} days`, pick(STATES)],
        );
      } else {
        await db.query(
          `DELETE FROM stage_changes WHERE seq IN (SELECT seq FROM stage_changes WHERE employer_id = $1 AND random() < 0.4)`,
          [employer.id],
        );
      }
    }
    await expectEqualToRaw();
  });

  it('should forget a deleted employer (cascade) and a truncated history', async () => {
    const employerId = await employerWithHistory(regions[0], 0);
    await db.query(
      `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause) VALUES ($1, $2, 'structural', now(), 'manual')`,
      [employerId, regions[0]],
    );
    expect((await db.query(`${SUMMARY} WHERE employer_id = $1`, [employerId])).rows).toHaveLength(1);
    await db.query(`DELETE FROM organisations WHERE id = $1`, [employerId]);
    expect((await db.query(`${SUMMARY} WHERE employer_id = $1`, [employerId])).rows).toEqual([]);
    await expectEqualToRaw();
    await db.query(`TRUNCATE stage_changes`);
    expect(await summary()).toEqual([]);
  });
});
