import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { MonotonicStageHistory1764300001300 } from '../../libs/core/src/database/migrations/1764300001300-monotonic-stage-history';

describe('migration 1764300001300 (stage history dated monotonically)', () => {
  let database: TestDatabase;
  let db: DataSource;
  let regionId: string;
  let kvk = 70000000;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  /** An employer with these rows, in this recording order: [to, at] with the initial row first. */
  const employerWith = async (rows: [string, string][]): Promise<string> => {
    const [{ id }] = await db.query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number, stage) VALUES ($1, 'employer', 'W', $2, $3)
       RETURNING id`,
      [regionId, String(kvk++), rows.at(-1)![0]],
    );
    let from: string | null = null;
    for (const [to, at] of rows) {
      await db.query(
        `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause)
         VALUES ($1, $2, $3, $4, $5, 'trajectory')`,
        [id, regionId, from, to, at],
      );
      from = to;
    }
    return id;
  };
  const dated = async (id: string) =>
    (await db.query(`SELECT to_stage AS "to", at FROM stage_changes WHERE employer_id = $1 ORDER BY seq`, [id])).map(
      (r: { to: string; at: Date }) => [r.to, r.at.toISOString()],
    );
  const up = async () => {
    const runner = db.createQueryRunner();
    try {
      await new MonotonicStageHistory1764300001300().up(runner);
    } finally {
      await runner.release();
    }
  };

  it('should date history again the way new changes are dated when rows run backwards', async () => {
    // A historic import before the rule: prospect today, then its trajectories of 2024.
    const imported = await employerWith([
      ['prospect', '2026-11-01T09:00:00Z'],
      ['sw_pilot', '2024-01-15T12:00:00Z'],
      ['own_trajectory', '2024-09-01T12:00:00Z'],
    ]);
    // Trajectories recorded out of order: sw_pilot in June, own_trajectory dated January.
    const outOfOrder = await employerWith([
      ['prospect', '2025-12-01T09:00:00Z'],
      ['sw_pilot', '2026-06-01T12:00:00Z'],
      ['own_trajectory', '2026-01-10T12:00:00Z'],
      ['structural', '2026-07-01T12:00:00Z'],
    ]);
    const fine = await employerWith([
      ['prospect', '2025-01-01T09:00:00Z'],
      ['contacted', '2025-02-01T09:00:00Z'],
    ]);
    await up();
    expect(await dated(imported)).toEqual([
      ['prospect', '2024-01-15T12:00:00.000Z'],
      ['sw_pilot', '2024-01-15T12:00:00.000Z'],
      ['own_trajectory', '2024-09-01T12:00:00.000Z'],
    ]);
    expect(await dated(outOfOrder)).toEqual([
      ['prospect', '2025-12-01T09:00:00.000Z'],
      ['sw_pilot', '2026-06-01T12:00:00.000Z'],
      ['own_trajectory', '2026-06-01T12:00:00.000Z'],
      ['structural', '2026-07-01T12:00:00.000Z'],
    ]);
    expect(await dated(fine)).toEqual([
      ['prospect', '2025-01-01T09:00:00.000Z'],
      ['contacted', '2025-02-01T09:00:00.000Z'],
    ]);
    const [{ backwards }] = await db.query(`
      SELECT count(*)::int AS backwards FROM (
        SELECT at < max(at) OVER (PARTITION BY employer_id ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS b
        FROM stage_changes) v WHERE b`);
    expect(backwards).toBe(0);
  });
});
