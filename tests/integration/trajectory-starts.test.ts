import { jest } from '@jest/globals';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { TrajectoryReportRepository } from '../../libs/reporting/src/trajectory-report.repository';
import { TestDatabase, createTestDatabase, seededRandom } from '@app/testing';
import { closeTwoWriters, openTwoWriters, TwoWriters, waitingForLock } from '../support/two-writers';

jest.setTimeout(180_000);

const ROUTES = ['sw_internal', 'sw_secondment', 'direct'];
const OPEN_STATUSES = ['intake', 'agreed', 'learning', 'assessment', 'stopped'];
const SIZES = ['micro', 'small', 'medium', 'large', null];
const DAY = 86_400_000;

/** What trajectory_starts must hold: every trajectory with its employer's fields as they are now. */
const RAW_STARTS = `
  SELECT t.id AS trajectory_id, t.employer_id, t.region_id, t.started_at, t.route, t.status,
         o.sbi_version, o.sbi_section, o.size_class
  FROM trajectories t JOIN organisations o ON o.id = t.employer_id ORDER BY t.id`;
const STARTS = `
  SELECT trajectory_id, employer_id, region_id, started_at, route, status, sbi_version, sbi_section, size_class
  FROM trajectory_starts ORDER BY trajectory_id`;
/** The report's "started" counts as the service sent them before trajectory_starts: an employer lookup per trajectory. */
const RAW_STARTED = `
  SELECT CASE WHEN GROUPING(t.route) = 0 THEN 'route' WHEN GROUPING(t.status) = 0 THEN 'status'
              WHEN GROUPING(o.sbi_version, o.sbi_section) = 0 THEN 'section' ELSE 'size' END AS dimension,
         coalesce(t.route, t.status, o.sbi_version || ':' || o.sbi_section, o.size_class, 'unknown') AS key,
         count(*)::int AS count
  FROM trajectories t JOIN organisations o ON o.id = t.employer_id
  WHERE ($1::uuid[] IS NULL OR t.region_id = ANY($1::uuid[])) AND t.started_at BETWEEN $2::date AND $3::date
  GROUP BY GROUPING SETS ((t.route), (t.status), (o.sbi_version, o.sbi_section), (o.size_class))`;

const sorted = (rows: { dimension: string; key: string; count: number }[]) =>
  rows.map((r) => `${r.dimension} ${r.key} ${r.count}`).sort();

describe('trajectory_starts (the trajectory report facts kept by triggers)', () => {
  let database: TestDatabase;
  let db: Client;
  let dataSource: DataSource;
  let regions: string[];
  let sections: { version: number; section: string }[];
  const random = seededRandom(20261129);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const someDay = () => day(Date.parse('2024-01-01') + random() * 700 * DAY);

  const expectEqualToRaw = async () => {
    const [starts, raw] = [(await db.query(STARTS)).rows, (await db.query(RAW_STARTS)).rows];
    expect(starts).toEqual(raw);
    return starts;
  };

  async function employer(): Promise<{ id: string; regionId: string }> {
    const regionId = pick(regions);
    const sbi = random() < 0.85 ? pick(sections) : { version: null, section: null };
    const { rows } = await db.query(
      `INSERT INTO organisations (region_id, kind, name, sbi_version, sbi_section, size_class)
       VALUES ($1, 'employer', 'T', $2, $3, $4) RETURNING id`,
      [regionId, sbi.version, sbi.section, pick(SIZES)],
    );
    return { id: rows[0].id, regionId };
  }

  const addTrajectories = (client: Client, employerId: string, regionId: string, count: number) =>
    client.query(
      `INSERT INTO trajectories (employer_id, region_id, route, candidate_ref, started_at, status)
       SELECT $1, $2, ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int],
              'c-' || substr(md5(random()::text), 1, 10), $3::date + (random() * 300)::int,
              (ARRAY['intake', 'agreed', 'learning'])[1 + floor(random() * 3)::int]
       FROM generate_series(1, $4)`,
      [employerId, regionId, someDay(), count, ROUTES],
    );

  const employers = async () =>
    (await db.query(`SELECT id, region_id AS "regionId" FROM organisations WHERE kind = 'employer' AND name = 'T'`))
      .rows as { id: string; regionId: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    regions = (await db.query(`SELECT id FROM regions WHERE code IN ('AM25', 'AM38') ORDER BY code`)).rows.map(
      (r: { id: string }) => r.id,
    );
    sections = (await db.query(`SELECT version, section FROM sbi_sections ORDER BY version, section`)).rows;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.end();
    await database?.drop();
  });

  it('should hold every trajectory with its employer fields after inserts of one and of many rows', async () => {
    for (let e = 0; e < 40; e++) {
      const { id, regionId } = await employer();
      await addTrajectories(db, id, regionId, 1 + Math.floor(random() * 6));
    }
    const starts = await expectEqualToRaw();
    expect(starts.length).toBeGreaterThan(60);
    expect(new Set(starts.map((s) => s.size_class)).size).toBeGreaterThan(2);
  });

  it('should follow random trajectory updates, employer updates and deletes', async () => {
    for (let step = 0; step < 150; step++) {
      const all = await employers();
      const target = pick(all);
      const roll = random();
      if (roll < 0.2) {
        await db.query(`UPDATE trajectories SET status = $2 WHERE employer_id = $1`, [target.id, pick(OPEN_STATUSES)]);
      } else if (roll < 0.35) {
        await db.query(
          `UPDATE trajectories SET started_at = started_at + (random() * 60)::int - 30, route = $2
           WHERE id IN (SELECT id FROM trajectories WHERE employer_id = $1 AND random() < 0.5)`,
          [target.id, pick(ROUTES)],
        );
      } else if (roll < 0.4) {
        // A column the table does not copy.
        await db.query(`UPDATE trajectories SET crebo = '25001' WHERE employer_id = $1`, [target.id]);
      } else if (roll < 0.45) {
        // To another employer (and maybe region): that employer's fields come with it.
        const to = pick(all);
        await db.query(
          `UPDATE trajectories SET employer_id = $2, region_id = $3
           WHERE id IN (SELECT id FROM trajectories WHERE employer_id = $1 AND random() < 0.5)`,
          [target.id, to.id, to.regionId],
        );
      } else if (roll < 0.55) {
        const sbi = pick(sections);
        await db.query(`UPDATE organisations SET sbi_version = $2, sbi_section = $3, size_class = $4 WHERE id = $1`, [
          target.id,
          sbi.version,
          sbi.section,
          pick(SIZES),
        ]);
      } else if (roll < 0.62) {
        // Many employers in one statement.
        await db.query(
          `UPDATE organisations SET size_class = (ARRAY['micro', 'small', 'medium', 'large'])[1 + floor(random() * 4)::int]
           WHERE kind = 'employer' AND name = 'T' AND random() < 0.3`,
        );
      } else if (roll < 0.7) {
        // An upsert of existing employers, as an import's batch writes them.
        const sbi = pick(sections);
        await db.query(
          `INSERT INTO organisations (id, region_id, kind, name, sbi_version, sbi_section, size_class)
           SELECT id, region_id, kind, name, $2, $3, $4 FROM organisations WHERE id = ANY($1::uuid[])
           ON CONFLICT (id) DO UPDATE SET sbi_version = excluded.sbi_version, sbi_section = excluded.sbi_section,
             size_class = excluded.size_class`,
          [all.filter(() => random() < 0.2).map((e) => e.id), sbi.version, sbi.section, pick(SIZES)],
        );
      } else if (roll < 0.75) {
        await db.query(`UPDATE organisations SET name = 'T', updated_at = now() WHERE id = $1`, [target.id]);
      } else if (roll < 0.85) {
        await db.query(
          `DELETE FROM trajectories WHERE id IN (SELECT id FROM trajectories WHERE employer_id = $1 AND random() < 0.5)`,
          [target.id],
        );
      } else if (roll < 0.9) {
        // The employer's delete cascades to its trajectories.
        await db.query(`DELETE FROM organisations WHERE id = $1`, [target.id]);
      } else {
        const { id, regionId } = await employer();
        await addTrajectories(db, id, regionId, 1 + Math.floor(random() * 4));
      }
    }
    await expectEqualToRaw();
  });

  it('should be filled for existing trajectories by the statement the migration fills it with', async () => {
    const before = await expectEqualToRaw();
    await db.query(`DELETE FROM trajectory_starts`);
    await db.query(`SELECT trajectory_starts_refresh(ARRAY(SELECT id FROM trajectories))`);
    expect(await expectEqualToRaw()).toEqual(before);
  });

  it('should give the report the counts of the lookup per trajectory, for any range and region scope', async () => {
    const repository = new TrajectoryReportRepository(dataSource);
    const scopes: (string[] | null)[] = [null, [regions[0]], [regions[1]], regions];
    for (const regionIds of scopes) {
      for (const [from, to] of [
        ['2024-01-01', '2026-12-31'],
        ['2024-06-01', '2024-09-30'],
        ['2025-02-01', '2025-02-01'],
      ]) {
        const ours = await repository.started(regionIds, { from, to });
        const raw = (await db.query(RAW_STARTED, [regionIds, from, to])).rows;
        expect(sorted(ours)).toEqual(sorted(raw));
      }
    }
    const wide = await repository.started(null, { from: '2024-01-01', to: '2026-12-31' });
    expect(wide.some((r) => r.dimension === 'section' && r.key !== 'unknown')).toBe(true);
  });

  describe('with two writers at once', () => {
    let first: Client;
    let second: Client;
    let secondPid: number;
    let writers: TwoWriters;
    beforeEach(async () => {
      writers = await openTwoWriters(database.url);
      ({ first, second, secondPid } = writers);
    });
    afterEach(() => closeTwoWriters(writers));

    it('should keep an employer update that committed while a trajectory of it was being written', async () => {
      const { id, regionId } = await employer();
      await db.query(`UPDATE organisations SET size_class = 'micro' WHERE id = $1`, [id]);
      await first.query('BEGIN');
      await first.query(`UPDATE organisations SET size_class = 'large' WHERE id = $1`, [id]);
      // Waits for the update's commit; without the lock it would copy 'micro' and keep it.
      const insert = addTrajectories(second, id, regionId, 2);
      await waitingForLock(db, secondPid);
      await first.query('COMMIT');
      await insert;
      const rows = (await db.query(`SELECT size_class FROM trajectory_starts WHERE employer_id = $1`, [id])).rows;
      expect(rows).toEqual([{ size_class: 'large' }, { size_class: 'large' }]);
      await expectEqualToRaw();
    });

    it('should update a trajectory written by a transaction that committed while the employer was being updated', async () => {
      const { id, regionId } = await employer();
      await db.query(`UPDATE organisations SET size_class = 'micro' WHERE id = $1`, [id]);
      await first.query('BEGIN');
      await addTrajectories(first, id, regionId, 2);
      // Waits for the trajectories' commit; without the lock its trigger would not see them and they would keep 'micro'.
      const update = second.query(`UPDATE organisations SET size_class = 'medium' WHERE id = $1`, [id]);
      await waitingForLock(db, secondPid);
      await first.query('COMMIT');
      await update;
      const rows = (await db.query(`SELECT size_class FROM trajectory_starts WHERE employer_id = $1`, [id])).rows;
      expect(rows).toEqual([{ size_class: 'medium' }, { size_class: 'medium' }]);
      await expectEqualToRaw();
    });

    it("should let a status update and the employer's delete wait for each other without a deadlock", async () => {
      const { id, regionId } = await employer();
      await addTrajectories(db, id, regionId, 1);
      const [{ id: trajectoryId }] = (await db.query(`SELECT id FROM trajectories WHERE employer_id = $1`, [id])).rows;
      // As TrajectoryService.update and EmployerService.delete lock their rows: the trajectory, then the employer.
      await first.query('BEGIN');
      await first.query(`SELECT id FROM trajectories WHERE id = $1 FOR UPDATE`, [trajectoryId]);
      await second.query('BEGIN');
      await second.query(`SELECT id FROM organisations WHERE id = $1 FOR UPDATE`, [id]);
      const removal = second.query(`DELETE FROM organisations WHERE id = $1`, [id]);
      await waitingForLock(db, secondPid);
      // A status update that locked the employer here would wait for the delete, which waits for it: a deadlock.
      await first.query(`UPDATE trajectories SET status = 'agreed' WHERE id = $1`, [trajectoryId]);
      await first.query('COMMIT');
      await removal;
      await second.query('COMMIT');
      expect((await db.query(`SELECT * FROM trajectory_starts WHERE employer_id = $1`, [id])).rows).toEqual([]);
      await expectEqualToRaw();
    });
  });

  it('should be emptied with trajectories by a truncate', async () => {
    expect((await db.query(`SELECT count(*)::int AS n FROM trajectory_starts`)).rows[0].n).toBeGreaterThan(0);
    await db.query(`TRUNCATE trajectories`);
    expect(await expectEqualToRaw()).toEqual([]);
  });
});
