import { DataSource } from 'typeorm';
import { TRAJECTORY_CSV_COLUMNS, TrajectoryCsvRow } from '@app/crm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

interface ImportBody {
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  message: string | null;
  errors: { row: number; field: string; problem: string }[];
}

function csv(rows: TrajectoryCsvRow[], separator: ',' | ';' = ','): string {
  const line = (cells: string[]) =>
    cells.map((v) => (/[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(separator);
  return [
    line([...TRAJECTORY_CSV_COLUMNS]),
    ...rows.map((r) => line(TRAJECTORY_CSV_COLUMNS.map((c) => r[c] ?? ''))),
  ].join('\r\n');
}

describe('trajectory CSV import (POST /api/imports/trajectories)', () => {
  let testApp: TestApp;
  let db: DataSource;
  let am25: string;
  let coordinator: TestUser;
  let api: ReturnType<typeof authed>;
  let kvkSeq = 52000000;

  const newEmployer = async (): Promise<{ id: string; kvkNumber: string }> => {
    const kvkNumber = String(++kvkSeq);
    const response = await api
      .post('/api/employers')
      .send({ name: 'Werkgever', kvkNumber, regionId: am25 })
      .expect(201);
    return { id: response.body.id, kvkNumber };
  };
  const importFile = async (content: string | Buffer): Promise<ImportBody> => {
    const upload = await api
      .post('/api/imports/trajectories')
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), {
        filename: 'trajecten.csv',
        contentType: 'text/csv',
      })
      .expect(202);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const body = (await api.get(`/api/imports/${upload.body.importId}`).expect(200)).body as ImportBody;
      if (body.status === 'completed' || body.status === 'failed') return body;
      if (Date.now() > deadline) throw new Error(`Import still ${body.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** The employer's whole history in recording order; `at` never decreases along it. */
  const history = async (employerId: string) => {
    const rows = (await api.get(`/api/employers/${employerId}/stage-history?sort=recordedAt`).expect(200)).body
      .items as { from: string | null; to: string; at: string; by: string; cause: string }[];
    const times = rows.map((row) => Date.parse(row.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    return rows;
  };

  beforeAll(async () => {
    // Small batches, so a file spans several batch transactions.
    testApp = await startTestApp({ IMPORT_BATCH_SIZE: '2' });
    db = testApp.app.get(DataSource);
    am25 = await regionId(testApp, 'AM25');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    api = authed(testApp, coordinator.token);
    await api
      .post('/api/organisations')
      .send({ kind: 'sw_company', name: 'Werkbedrijf Breda', regionId: am25, kvkNumber: '60000001' })
      .expect(201);
    await api.post('/api/organisations').send({ kind: 'mbo', name: 'Curio', regionId: am25 }).expect(201);
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should land good rows, report bad fields with their line numbers and leave an unchanged re-run', async () => {
    const bakery = await newEmployer();
    const metal = await newEmployer();
    const rows: TrajectoryCsvRow[] = [
      {
        kvkNumber: bakery.kvkNumber,
        regionCode: 'AM25',
        route: 'sw_secondment',
        candidateRef: 'KND-001',
        startedAt: '2024-09-02',
        status: 'certified',
        praktijkverklaringAt: '2025-04-15',
        outcome: 'employed_at_host',
        crebo: '25180',
        werkprocessen: 'B1-K1-W1|B1-K1-W2',
        hostKvkNumber: '60000001',
        mboName: 'curio',
      },
      {
        kvkNumber: metal.kvkNumber,
        regionCode: 'AM25',
        route: 'direct',
        candidateRef: '111222333',
        startedAt: '2025-02-30',
      },
      {
        kvkNumber: metal.kvkNumber,
        regionCode: 'AM25',
        route: 'direct',
        candidateRef: 'KND-002',
        startedAt: '15-01-2025',
        forOwnEmployee: 'nee',
      },
      { kvkNumber: '99999999', regionCode: 'AM25', route: 'direct', candidateRef: 'KND-003', startedAt: '2025-01-15' },
      {
        kvkNumber: metal.kvkNumber,
        regionCode: 'AM01',
        route: 'direct',
        candidateRef: 'KND-004',
        startedAt: '2025-01-15',
      },
      {
        kvkNumber: metal.kvkNumber,
        regionCode: 'AM25',
        route: 'sw_internal',
        candidateRef: 'KND-005',
        startedAt: '2025-01-15',
        hostName: 'Onbekend',
      },
    ];
    const first = await importFile(csv(rows));
    expect(first).toMatchObject({
      status: 'completed',
      total: 6,
      processed: 6,
      created: 2,
      updated: 0,
      unchanged: 0,
      failed: 4,
    });
    expect(first.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'candidateRef'],
      [3, 'startedAt'],
      [5, 'kvkNumber'],
      [6, 'regionCode'],
      [7, 'hostName'],
    ]);
    const stored = await api.get(`/api/trajectories?employerId=${bakery.id}`).expect(200);
    expect(stored.body.items).toEqual([
      expect.objectContaining({
        route: 'sw_secondment',
        candidateRef: 'KND-001',
        startedAt: '2024-09-02',
        status: 'certified',
        praktijkverklaringAt: '2025-04-15',
        outcome: 'employed_at_host',
        werkprocessen: ['B1-K1-W1', 'B1-K1-W2'],
        hostOrganisationId: expect.any(String),
        mboOrganisationId: expect.any(String),
        createdBy: coordinator.id,
        importId: expect.any(String),
      }),
    ]);
    expect((await api.get(`/api/employers/${bakery.id}`).expect(200)).body.stage).toBe('sw_pilot');
    expect((await api.get(`/api/employers/${metal.id}`).expect(200)).body.stage).toBe('own_trajectory');
    // The employer evidently was known when its trajectory started: its entry as prospect moves back to it.
    const moves = await history(bakery.id);
    expect(moves.map((m) => [m.from, m.to, m.at.slice(0, 10), m.cause, m.by])).toEqual([
      [null, 'prospect', '2024-09-02', 'manual', coordinator.id],
      ['prospect', 'sw_pilot', '2024-09-02', 'trajectory', coordinator.id],
    ]);

    const again = await importFile(csv(rows));
    expect(again).toMatchObject({ status: 'completed', created: 0, updated: 0, unchanged: 2, failed: 4 });
    expect(await history(bakery.id)).toEqual(moves);
    const count = await db.query(`SELECT count(*)::int AS n FROM trajectories WHERE employer_id = ANY($1)`, [
      [bakery.id, metal.id],
    ]);
    expect(count[0].n).toBe(2);
  });

  it('should read a semicolon file with a BOM and update a trajectory when its status changes', async () => {
    const employer = await newEmployer();
    const base = {
      kvkNumber: employer.kvkNumber,
      regionCode: 'am25',
      route: 'direct',
      candidateRef: 'KND;puntkomma',
      startedAt: '2025-03-03',
    };
    const first = await importFile(Buffer.from(`\uFEFF${csv([{ ...base, status: 'learning' }], ';')}`));
    expect(first).toMatchObject({ status: 'completed', created: 1, failed: 0 });
    const second = await importFile(csv([{ ...base, status: 'stopped', outcome: 'unknown' }], ';'));
    expect(second).toMatchObject({ status: 'completed', created: 0, updated: 1, unchanged: 0 });
    const { body } = await api.get(`/api/trajectories?employerId=${employer.id}`).expect(200);
    expect(body.items).toEqual([
      expect.objectContaining({ candidateRef: 'KND;puntkomma', status: 'stopped', outcome: 'unknown' }),
    ]);
    const audit = await api.get(`/api/audit?entity=trajectory&entityId=${body.items[0].id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect((await api.get(`/api/employers/${employer.id}`).expect(200)).body.stage).toBe('own_trajectory');
  });

  it('should date stage changes in start-date order when the file lists the newest trajectory first', async () => {
    const employer = await newEmployer();
    const row = (candidateRef: string, route: string, startedAt: string): TrajectoryCsvRow => ({
      kvkNumber: employer.kvkNumber,
      regionCode: 'AM25',
      route,
      candidateRef,
      startedAt,
    });
    // Three batches of two rows (IMPORT_BATCH_SIZE=2): the oldest trajectory comes last.
    const result = await importFile(
      csv([
        row('KND-C', 'direct', '2025-06-01'),
        row('KND-B', 'direct', '2024-09-01'),
        row('KND-X', 'sw_internal', '2025-07-01'),
        row('KND-Y', 'sw_internal', '2025-08-01'),
        row('KND-A', 'sw_internal', '2024-01-15'),
      ]),
    );
    expect(result).toMatchObject({ status: 'completed', created: 5, failed: 0 });
    expect((await api.get(`/api/employers/${employer.id}`).expect(200)).body.stage).toBe('structural');
    expect((await history(employer.id)).map((m) => [m.from, m.to, m.at.slice(0, 10)])).toEqual([
      [null, 'prospect', '2024-01-15'],
      ['prospect', 'sw_pilot', '2024-01-15'],
      ['sw_pilot', 'own_trajectory', '2024-09-01'],
      ['own_trajectory', 'structural', '2025-06-01'],
    ]);
  });

  it('should date an imported trajectory no earlier than a change already recorded after the entry as prospect', async () => {
    const employer = await newEmployer();
    await api.post(`/api/employers/${employer.id}/stage`).send({ stage: 'interested' }).expect(200);
    const result = await importFile(
      csv([
        {
          kvkNumber: employer.kvkNumber,
          regionCode: 'AM25',
          route: 'sw_internal',
          candidateRef: 'KND-L',
          startedAt: '2024-05-06',
        },
      ]),
    );
    expect(result).toMatchObject({ status: 'completed', created: 1 });
    const [entered, interested, pilot] = await history(employer.id);
    expect([entered.to, interested.to, pilot.to]).toEqual(['prospect', 'interested', 'sw_pilot']);
    // Clamped to the move by hand (docs/metrics.md: cohorts also read the SW trajectory's own start).
    expect(pilot.at).toBe(interested.at);
  });

  it('should refuse a row that moves a certified trajectory out of its final status and keep its praktijkverklaring', async () => {
    const employer = await newEmployer();
    const base = {
      kvkNumber: employer.kvkNumber,
      regionCode: 'AM25',
      route: 'direct',
      candidateRef: 'KND-F',
      startedAt: '2024-02-05',
    };
    const first = await importFile(csv([{ ...base, status: 'certified', praktijkverklaringAt: '2024-11-20' }]));
    expect(first).toMatchObject({ status: 'completed', created: 1, failed: 0 });
    const older = await importFile(csv([{ ...base, status: 'intake' }]));
    expect(older).toMatchObject({ status: 'completed', updated: 0, failed: 1 });
    expect(older.errors).toEqual([
      { row: 2, field: 'status', problem: 'cannot change: the trajectory is already certified, a final status' },
    ]);
    const { body } = await api.get(`/api/trajectories?employerId=${employer.id}`).expect(200);
    expect(body.items).toEqual([expect.objectContaining({ status: 'certified', praktijkverklaringAt: '2024-11-20' })]);
  });

  it('should fail the whole import with a message when the header lacks a required column', async () => {
    const result = await importFile('kvkNumber,regionCode,route\n12345678,AM25,direct\n');
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/missing required column\(s\) candidateRef, startedAt/);
    expect(result.created).toBe(0);
  });

  it('should refuse an upload without a file with 400', async () => {
    await api.post('/api/imports/trajectories').expect(400);
  });
});
