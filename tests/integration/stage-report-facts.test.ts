import { jest } from '@jest/globals';
import { Client } from 'pg';
import { TestDatabase, createTestDatabase, seededRandom } from '@app/testing';

jest.setTimeout(120_000);

const PIPELINE = ['prospect', 'contacted', 'interested', 'sw_pilot', 'own_trajectory', 'structural', 'ambassador'];
const STATES = [...PIPELINE, 'not_interested', 'paused'];
const DAY = 86_400_000;
const RANK = `array_position(ARRAY[${PIPELINE.map((s) => `'${s}'`).join(', ')}]::text[], to_stage)`;

/** What stage_change_stays must hold: every pipeline row with the next row's `at` by seq, from stage_changes. */
const RAW_STAYS = `
  SELECT employer_id, seq, region_id, to_stage, at, left_at
  FROM (SELECT *, lead(at) OVER (PARTITION BY employer_id ORDER BY seq) AS left_at FROM stage_changes) s
  WHERE ${RANK} IS NOT NULL
  ORDER BY employer_id, seq`;
const STAYS = `SELECT employer_id, seq, region_id, to_stage, at, left_at FROM stage_change_stays ORDER BY employer_id, seq`;

/** What employer_stage_lasts must hold: per employer the latest row to each stage or a later one. */
const RAW_LASTS = `
  SELECT region_id, employer_id, ${PIPELINE.map((s, i) => `max(at) FILTER (WHERE ${RANK} >= ${i + 1}) AS ${s}_at`).join(', ')}
  FROM stage_changes WHERE ${RANK} IS NOT NULL
  GROUP BY region_id, employer_id
  ORDER BY region_id, employer_id`;
const LASTS = `SELECT region_id, employer_id, ${PIPELINE.map((s) => `${s}_at`).join(', ')}
  FROM employer_stage_lasts ORDER BY region_id, employer_id`;

describe('stage_change_stays and employer_stage_lasts (the funnel facts, kept by triggers on stage_changes)', () => {
  let database: TestDatabase;
  let db: Client;
  let regions: string[];
  const random = seededRandom(20261129);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

  const expectEqualToRaw = async () => {
    const answers: unknown[][] = [];
    for (const sql of [STAYS, RAW_STAYS, LASTS, RAW_LASTS]) answers.push((await db.query(sql)).rows);
    const [stays, rawStays, lasts, rawLasts] = answers;
    expect(stays).toEqual(rawStays);
    expect(lasts).toEqual(rawLasts);
    return { stays, lasts };
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
      // Sometimes the same moment (a zero-length stay), as for sw_pilot and structural recorded together.
      at += random() < 0.15 ? 0 : Math.floor(random() * 40 * DAY);
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

  const add = (employerId: string, regionId: string, stage: string, at: string) =>
    db.query(
      `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause) VALUES ($1, $2, $3, $4, 'manual')`,
      [employerId, regionId, stage, at],
    );

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

  it('should equal the aggregates over stage_changes after histories of many rows per statement', async () => {
    for (let e = 0; e < 60; e++) await employerWithHistory(pick(regions), 1 + Math.floor(random() * 10));
    const { stays, lasts } = await expectEqualToRaw();
    expect(stays.length).toBeGreaterThan(100);
    expect(lasts.length).toBeGreaterThan(10);
  });

  it('should end the previous stay when the next change arrives, also a change to a side state', async () => {
    const employerId = await employerWithHistory(regions[0], 0);
    await add(employerId, regions[0], 'contacted', '2026-03-01T10:00:00Z');
    await add(employerId, regions[0], 'paused', '2026-04-01T10:00:00Z');
    await add(employerId, regions[0], 'sw_pilot', '2026-05-01T10:00:00Z');
    const { rows } = await db.query(
      `SELECT to_stage, at, left_at FROM stage_change_stays WHERE employer_id = $1 ORDER BY seq`,
      [employerId],
    );
    // The side state has no stay of its own, but it ends the stay before it.
    expect(rows.slice(1)).toEqual([
      { to_stage: 'contacted', at: new Date('2026-03-01T10:00:00Z'), left_at: new Date('2026-04-01T10:00:00Z') },
      { to_stage: 'sw_pilot', at: new Date('2026-05-01T10:00:00Z'), left_at: null },
    ]);
    const lasts = (await db.query(`SELECT * FROM employer_stage_lasts WHERE employer_id = $1`, [employerId])).rows;
    expect(lasts[0]).toMatchObject({
      prospect_at: new Date('2026-05-01T10:00:00Z'),
      contacted_at: new Date('2026-05-01T10:00:00Z'),
      sw_pilot_at: new Date('2026-05-01T10:00:00Z'),
      own_trajectory_at: null,
    });
    // A reversal: the latest row to contacted-or-later stays the sw_pilot row, the latest to sw_pilot-or-later too.
    await add(employerId, regions[0], 'contacted', '2026-06-01T10:00:00Z');
    const after = (await db.query(`SELECT * FROM employer_stage_lasts WHERE employer_id = $1`, [employerId])).rows;
    expect(after[0]).toMatchObject({
      prospect_at: new Date('2026-06-01T10:00:00Z'),
      contacted_at: new Date('2026-06-01T10:00:00Z'),
      interested_at: new Date('2026-05-01T10:00:00Z'),
      sw_pilot_at: new Date('2026-05-01T10:00:00Z'),
    });
    await expectEqualToRaw();
  });

  it('should recompute the employers touched by updates and deletes, and drop those left without a pipeline row', async () => {
    const employerId = await employerWithHistory(regions[1], 3);
    await db.query(
      `UPDATE stage_changes SET at = at + interval '3 days' WHERE employer_id = $1 AND seq = (SELECT max(seq) FROM stage_changes WHERE employer_id = $1)`,
      [employerId],
    );
    await expectEqualToRaw();
    // A row changes stage: its stay goes when it becomes a side state, and the lasts follow.
    await db.query(
      `UPDATE stage_changes SET to_stage = 'not_interested' WHERE employer_id = $1 AND seq = (SELECT min(seq) FROM stage_changes WHERE employer_id = $1)`,
      [employerId],
    );
    await expectEqualToRaw();
    // A row in the middle goes: the stay before it now lasts until the row after it.
    await db.query(
      `DELETE FROM stage_changes WHERE seq = (SELECT seq FROM stage_changes WHERE employer_id = $1 ORDER BY seq OFFSET 1 LIMIT 1)`,
      [employerId],
    );
    await expectEqualToRaw();
    await db.query(`UPDATE stage_changes SET to_stage = 'paused' WHERE employer_id = $1`, [employerId]);
    expect((await db.query(`SELECT * FROM employer_stage_lasts WHERE employer_id = $1`, [employerId])).rows).toEqual(
      [],
    );
    expect((await db.query(`SELECT * FROM stage_change_stays WHERE employer_id = $1`, [employerId])).rows).toEqual([]);
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
      if (roll < 0.4) {
        await add(
          employer.id,
          employer.region_id,
          pick(STATES),
          new Date(Date.parse('2025-01-01') + random() * 600 * DAY).toISOString(),
        );
      } else if (roll < 0.55) {
        // Several employers in one statement.
        const others = [pick(employers), pick(employers)];
        await db.query(
          `INSERT INTO stage_changes (employer_id, region_id, to_stage, at, cause)
           SELECT e.id, e.region_id, $3, now(), 'campaign' FROM organisations e WHERE e.id IN ($1, $2)`,
          [others[0].id, others[1].id, pick(STATES)],
        );
      } else if (roll < 0.8) {
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

  it('should stay exact when a row is recorded before or between an employer’s rows (seq given explicitly)', async () => {
    const employers = (await db.query(`SELECT id, region_id FROM organisations WHERE kind = 'employer'`)).rows as {
      id: string;
      region_id: string;
    }[];
    for (let step = 0; step < 30; step++) {
      const employer = pick(employers);
      // A free seq from a little before the employer's first row up to its last (other employers' rows leave gaps).
      const { rows } = await db.query(
        `SELECT g AS seq FROM generate_series(
           (SELECT coalesce(min(seq), 0) - 3 FROM stage_changes WHERE employer_id = $1),
           (SELECT coalesce(max(seq), 0) FROM stage_changes WHERE employer_id = $1)) g
         WHERE NOT EXISTS (SELECT FROM stage_changes WHERE seq = g) ORDER BY random() LIMIT 1`,
        [employer.id],
      );
      if (rows.length === 0) continue;
      await db.query(
        `INSERT INTO stage_changes (seq, employer_id, region_id, to_stage, at, cause) OVERRIDING SYSTEM VALUE
         VALUES ($1, $2, $3, $4, $5, 'override')`,
        [
          rows[0].seq,
          employer.id,
          employer.region_id,
          pick(STATES),
          new Date(Date.parse('2025-01-01') + random() * 600 * DAY),
        ],
      );
    }
    await expectEqualToRaw();
  });

  it('should keep nothing of a rolled-back write', async () => {
    const employerId = await employerWithHistory(regions[0], 2);
    const before = await expectEqualToRaw();
    await db.query('BEGIN');
    await add(employerId, regions[0], 'ambassador', '2026-09-01T10:00:00Z');
    await db.query('ROLLBACK');
    expect(await expectEqualToRaw()).toEqual(before);
  });

  it('should forget a deleted employer (cascade) and a truncated history', async () => {
    const employerId = await employerWithHistory(regions[0], 2);
    expect(
      (await db.query(`SELECT * FROM employer_stage_lasts WHERE employer_id = $1`, [employerId])).rows,
    ).toHaveLength(1);
    await db.query(`DELETE FROM organisations WHERE id = $1`, [employerId]);
    expect((await db.query(`SELECT * FROM employer_stage_lasts WHERE employer_id = $1`, [employerId])).rows).toEqual(
      [],
    );
    expect((await db.query(`SELECT * FROM stage_change_stays WHERE employer_id = $1`, [employerId])).rows).toEqual([]);
    await expectEqualToRaw();
    await db.query(`TRUNCATE stage_changes`);
    expect((await db.query(STAYS)).rows).toEqual([]);
    expect((await db.query(LASTS)).rows).toEqual([]);
  });
});
