import { jest } from '@jest/globals';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/core';
import { FunnelReportRepository } from '../../libs/reporting/src/funnel-report.repository';
import { TestDatabase, createTestDatabase, seededRandom } from '@app/testing';
import { closeTwoWriters, openTwoWriters, TwoWriters, waitingForLock } from '../support/two-writers';

jest.setTimeout(180_000);

const RELATIONS = ['detachering', 'pilot_host', 'partner', 'supplier'];
const DAY = 86_400_000;

/** What employer_network_firsts must hold: each employer's first link to an SW-bedrijf, with its region now. */
const RAW_FIRSTS = `
  SELECT l.employer_id, e.region_id, min(l.since) AS first_since
  FROM network_links l
  JOIN organisations sw ON sw.id = l.organisation_id AND sw.kind = 'sw_company'
  JOIN organisations e ON e.id = l.employer_id
  GROUP BY l.employer_id, e.region_id ORDER BY l.employer_id`;
const FIRSTS = `SELECT employer_id, region_id, first_since FROM employer_network_firsts ORDER BY employer_id`;
/** The funnel's "new to the network" as the service counted it before employer_network_firsts. */
const RAW_NEW_TO_NETWORK = `
  SELECT count(*)::int AS count
  FROM (SELECT l.employer_id
        FROM network_links l
        JOIN organisations sw ON sw.id = l.organisation_id AND sw.kind = 'sw_company'
        GROUP BY l.employer_id
        HAVING min(l.since) BETWEEN $2::date AND $3::date) f
  JOIN organisations e ON e.id = f.employer_id
  WHERE ($1::uuid[] IS NULL OR e.region_id = ANY($1::uuid[]))`;

describe('employer_network_firsts (the funnel facts kept by triggers)', () => {
  let database: TestDatabase;
  let db: Client;
  let dataSource: DataSource;
  let regions: string[];
  const random = seededRandom(20261130);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const someDay = () => new Date(Date.parse('2023-01-01') + random() * 1000 * DAY).toISOString().slice(0, 10);

  const expectEqualToRaw = async () => {
    const [firsts, raw] = [(await db.query(FIRSTS)).rows, (await db.query(RAW_FIRSTS)).rows];
    expect(firsts).toEqual(raw);
    return firsts;
  };

  async function organisation(kind: string, regionId = pick(regions)): Promise<string> {
    const { rows } = await db.query(
      `INSERT INTO organisations (region_id, kind, name) VALUES ($1, $2, 'N') RETURNING id`,
      [regionId, kind],
    );
    return rows[0].id;
  }

  const ofKind = async (kind: string): Promise<string[]> =>
    (
      await db.query(`SELECT id FROM organisations WHERE kind = $1 AND name = 'N' ORDER BY created_at, id`, [kind])
    ).rows.map((r: { id: string }) => r.id);

  /** Links of one employer, ended ones among them (an active pair is unique, so those may be skipped). */
  const addLinks = (client: Client, employerId: string, organisationIds: string[], since = someDay()) =>
    client.query(
      `INSERT INTO network_links (organisation_id, employer_id, relation, since, until)
       SELECT o, $1, $3, $2::date + (random() * 200)::int, CASE WHEN random() < 0.4 THEN $2::date + 400 END
       FROM unnest($4::uuid[]) o
       ON CONFLICT DO NOTHING`,
      [employerId, since, pick(RELATIONS), organisationIds],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Client({ connectionString: database.url });
    await db.connect();
    // SQL's random() too, so a failing walk can be run again as it was.
    await db.query(`SELECT setseed(0.2026)`);
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    regions = (await db.query(`SELECT id FROM regions WHERE code IN ('AM25', 'AM38') ORDER BY code`)).rows.map(
      (r: { id: string }) => r.id,
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.end();
    await database?.drop();
  });

  it('should hold each linked employer once, counting links to SW-bedrijven only, after inserts of one and many', async () => {
    const sw = [await organisation('sw_company'), await organisation('sw_company'), await organisation('sw_company')];
    const others = [await organisation('mbo'), await organisation('municipality')];
    for (let e = 0; e < 40; e++) {
      const employer = await organisation('employer');
      if (random() < 0.8)
        await addLinks(
          db,
          employer,
          sw.filter(() => random() < 0.6),
        );
      // Links to other kinds of organisation, sometimes earlier than any SW link: they must not count.
      if (random() < 0.5) await addLinks(db, employer, others, '2022-06-01');
    }
    const firsts = await expectEqualToRaw();
    expect(firsts.length).toBeGreaterThan(15);
    expect(firsts.every((row) => row.first_since >= new Date('2023-01-01T00:00:00'))).toBe(true);
  });

  it('should follow random link changes, moved employers, changed kinds and deletes', async () => {
    for (let step = 0; step < 150; step++) {
      const [employers, sw] = [await ofKind('employer'), await ofKind('sw_company')];
      const employer = pick(employers);
      const roll = random();
      if (roll < 0.2) {
        await addLinks(
          db,
          employer,
          sw.filter(() => random() < 0.4),
        );
      } else if (roll < 0.3) {
        // Ending links: the common update, which changes no first date.
        await db.query(`UPDATE network_links SET until = since + 30 WHERE employer_id = $1 AND until IS NULL`, [
          employer,
        ]);
      } else if (roll < 0.42) {
        await db.query(
          `UPDATE network_links SET since = since + (random() * 400)::int - 200
           WHERE id IN (SELECT id FROM network_links WHERE employer_id = $1 AND random() < 0.6)`,
          [employer],
        );
      } else if (roll < 0.5) {
        // To another employer, or to another organisation (maybe not an SW-bedrijf). Only ended links, which no
        // unique index holds.
        const [column, value] =
          random() < 0.5
            ? ['employer_id', pick(employers)]
            : ['organisation_id', pick([...sw, ...(await ofKind('mbo'))])];
        await db.query(
          `UPDATE network_links SET ${column} = $2
           WHERE id IN (SELECT id FROM network_links WHERE employer_id = $1 AND until IS NOT NULL AND random() < 0.5)`,
          [employer, value],
        );
      } else if (roll < 0.6) {
        await db.query(`UPDATE organisations SET region_id = $2 WHERE id = $1`, [employer, pick(regions)]);
      } else if (roll < 0.65) {
        // Many employers in one statement, most of them not moving.
        await db.query(
          `UPDATE organisations SET region_id = CASE WHEN random() < 0.2 THEN $1::uuid ELSE region_id END, updated_at = now()
           WHERE kind = 'employer' AND name = 'N'`,
          [pick(regions)],
        );
      } else if (roll < 0.68 && sw.length > 1) {
        // An SW-bedrijf recorded under another kind, and back.
        const organisationId = pick(sw);
        await db.query(`UPDATE organisations SET kind = 'mbo' WHERE id = $1`, [organisationId]);
        await expectEqualToRaw();
        await db.query(`UPDATE organisations SET kind = 'sw_company' WHERE id = $1`, [organisationId]);
      } else if (roll < 0.8) {
        await db.query(
          `DELETE FROM network_links WHERE id IN (SELECT id FROM network_links WHERE employer_id = $1 AND random() < 0.5)`,
          [employer],
        );
      } else if (roll < 0.87) {
        // The employer's delete cascades to its links.
        await db.query(`DELETE FROM organisations WHERE id = $1`, [employer]);
      } else if (roll < 0.89 && sw.length > 2) {
        // So does an SW-bedrijf's, for every employer linked to it.
        await db.query(`DELETE FROM organisations WHERE id = $1`, [pick(sw)]);
        await organisation('sw_company');
      } else {
        await addLinks(
          db,
          await organisation('employer'),
          sw.filter(() => random() < 0.5),
        );
      }
      // After every step: a later recompute of the same employer would hide a wrong one.
      await expectEqualToRaw();
    }
    const firsts = await expectEqualToRaw();
    // Deletes thin the data (an SW-bedrijf's takes all its links); SQL's own random() varies the rest.
    expect(firsts.length).toBeGreaterThan(3);
    expect(new Set(firsts.map((row) => row.region_id)).size).toBe(2);
  });

  it('should drop the employer a link moved away from, and date the one it moved to', async () => {
    const [from, to, sw] = [
      await organisation('employer'),
      await organisation('employer'),
      await organisation('sw_company'),
    ];
    await db.query(
      `INSERT INTO network_links (organisation_id, employer_id, relation, since) VALUES ($1, $2, 'partner', '2024-04-04')`,
      [sw, from],
    );
    await db.query(`UPDATE network_links SET employer_id = $2 WHERE employer_id = $1`, [from, to]);
    const rows = (
      await db.query(`SELECT employer_id, first_since FROM employer_network_firsts WHERE employer_id IN ($1, $2)`, [
        from,
        to,
      ])
    ).rows;
    expect(rows).toEqual([{ employer_id: to, first_since: new Date('2024-04-04T00:00:00') }]);
  });

  it('should see an update that gives a link another id', async () => {
    const [employer, sw] = [await organisation('employer'), await organisation('sw_company')];
    await db.query(
      `INSERT INTO network_links (organisation_id, employer_id, relation, since) VALUES ($1, $2, 'partner', '2024-06-01')`,
      [sw, employer],
    );
    await db.query(`UPDATE network_links SET id = gen_random_uuid(), since = '2023-02-02' WHERE employer_id = $1`, [
      employer,
    ]);
    const rows = (await db.query(`SELECT first_since FROM employer_network_firsts WHERE employer_id = $1`, [employer]))
      .rows;
    expect(rows).toEqual([{ first_since: new Date('2023-02-02T00:00:00') }]);
  });

  it('should be filled for existing links by the statement the migration fills it with', async () => {
    const before = await expectEqualToRaw();
    await db.query(`DELETE FROM employer_network_firsts`);
    await db.query(`SELECT employer_network_firsts_recompute(ARRAY(SELECT DISTINCT employer_id FROM network_links))`);
    expect(await expectEqualToRaw()).toEqual(before);
  });

  it('should give the funnel the count of the grouping over all links, for any range and region scope', async () => {
    const repository = new FunnelReportRepository(dataSource);
    const scopes: (string[] | null)[] = [null, [regions[0]], [regions[1]], regions];
    let counted = 0;
    for (const regionIds of scopes) {
      for (const [from, to] of [
        ['2023-01-01', '2026-12-31'],
        ['2023-06-01', '2023-09-30'],
        ['2024-02-01', '2024-02-01'],
      ]) {
        const ours = await repository.newToNetwork(regionIds, { from, to });
        expect(ours).toBe((await db.query(RAW_NEW_TO_NETWORK, [regionIds, from, to])).rows[0].count);
        counted += ours;
      }
    }
    expect(counted).toBeGreaterThan(0);
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

    it('should keep the earlier link of a writer that committed while a later link of the employer was written', async () => {
      const [employer, sw1, sw2] = [
        await organisation('employer'),
        await organisation('sw_company'),
        await organisation('sw_company'),
      ];
      await first.query('BEGIN');
      await first.query(
        `INSERT INTO network_links (organisation_id, employer_id, relation, since) VALUES ($1, $2, 'partner', '2023-03-01')`,
        [sw1, employer],
      );
      // Waits for the first's commit; without the lock it would write 2025-05-01, computed without the earlier link.
      const later = second.query(
        `INSERT INTO network_links (organisation_id, employer_id, relation, since) VALUES ($1, $2, 'partner', '2025-05-01')`,
        [sw2, employer],
      );
      await waitingForLock(db, secondPid);
      await first.query('COMMIT');
      await later;
      const rows = (
        await db.query(`SELECT first_since FROM employer_network_firsts WHERE employer_id = $1`, [employer])
      ).rows;
      expect(rows).toEqual([{ first_since: new Date('2023-03-01T00:00:00') }]);
      await expectEqualToRaw();
    });

    it('should date a link written while its organisation became an SW-bedrijf, once that commits', async () => {
      const [employer, organisationId] = [await organisation('employer'), await organisation('mbo')];
      await first.query('BEGIN');
      await first.query(`UPDATE organisations SET kind = 'sw_company' WHERE id = $1`, [organisationId]);
      // Waits for the kind's commit; without the lock it would see an mbo and the kind change would not see the link.
      const link = second.query(
        `INSERT INTO network_links (organisation_id, employer_id, relation, since) VALUES ($1, $2, 'partner', '2024-01-01')`,
        [organisationId, employer],
      );
      await waitingForLock(db, secondPid);
      await first.query('COMMIT');
      await link;
      const rows = (
        await db.query(`SELECT first_since FROM employer_network_firsts WHERE employer_id = $1`, [employer])
      ).rows;
      expect(rows).toEqual([{ first_since: new Date('2024-01-01T00:00:00') }]);
      await expectEqualToRaw();
    });

    it('should give a link written while its employer moved the region the move committed', async () => {
      const [employer, sw] = [await organisation('employer', regions[0]), await organisation('sw_company')];
      await first.query('BEGIN');
      await first.query(`UPDATE organisations SET region_id = $2 WHERE id = $1`, [employer, regions[1]]);
      // Waits for the move's commit; without the lock it would copy the region the move replaced.
      const link = second.query(
        `INSERT INTO network_links (organisation_id, employer_id, relation, since) VALUES ($1, $2, 'partner', '2024-01-01')`,
        [sw, employer],
      );
      await waitingForLock(db, secondPid);
      await first.query('COMMIT');
      await link;
      const rows = (await db.query(`SELECT region_id FROM employer_network_firsts WHERE employer_id = $1`, [employer]))
        .rows;
      expect(rows).toEqual([{ region_id: regions[1] }]);
      await expectEqualToRaw();
    });
  });

  it('should be emptied with network_links by a truncate', async () => {
    expect((await db.query(`SELECT count(*)::int AS n FROM employer_network_firsts`)).rows[0].n).toBeGreaterThan(0);
    await db.query(`TRUNCATE network_links`);
    expect(await expectEqualToRaw()).toEqual([]);
  });
});
