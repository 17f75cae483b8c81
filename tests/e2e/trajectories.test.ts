import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface StageRow {
  from: string | null;
  to: string;
  at: string;
  by: string | null;
  cause: string;
  reason: string | null;
}

describe('Trajectories over HTTP (POST/GET/PATCH /api/trajectories)', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let staff: TestUser;
  let elsewhere: TestUser;
  let swCompany: string;
  let mbo: string;
  let kvkSeq = 41000000;
  let candidateSeq = 0;
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    swCompany = (
      await as(staff)
        .post('/api/organisations')
        .send({ kind: 'sw_company', name: 'Werkbedrijf Breda', regionId: am25 })
        .expect(201)
    ).body.id;
    mbo = (await as(staff).post('/api/organisations').send({ kind: 'mbo', name: 'Curio', regionId: am25 }).expect(201))
      .body.id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const newEmployer = async (user = staff, region = am25): Promise<string> =>
    (
      await as(user)
        .post('/api/employers')
        .send({ name: 'Werkgever', kvkNumber: String(++kvkSeq), regionId: region })
        .expect(201)
    ).body.id;
  const start = (employerId: string, body: object = {}, user = staff) =>
    as(user)
      .post('/api/trajectories')
      .send({ employerId, route: 'direct', candidateRef: `KND-${++candidateSeq}`, startedAt: '2025-03-01', ...body });
  const stageOf = async (id: string): Promise<string> =>
    (await as(staff).get(`/api/employers/${id}`).expect(200)).body.stage;
  /** The whole history in recording order, as [from, to, day of `at`]; `at` never decreases along it. */
  const chain = async (id: string): Promise<[string | null, string, string][]> => {
    const rows = (await as(staff).get(`/api/employers/${id}/stage-history?sort=recordedAt`).expect(200)).body
      .items as StageRow[];
    const times = rows.map((row) => Date.parse(row.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    return rows.map((row) => [row.from, row.to, row.at.slice(0, 10)]);
  };
  const trajectoryMoves = async (id: string): Promise<StageRow[]> =>
    (
      (await as(staff).get(`/api/employers/${id}/stage-history?sort=at,recordedAt`).expect(200)).body
        .items as StageRow[]
    ).filter((row) => row.cause === 'trajectory');

  describe('stage changes caused by trajectories', () => {
    it('should move the employer to sw_pilot, dated at startedAt with cause trajectory, when its first trajectory runs via an SW-bedrijf', async () => {
      const employer = await newEmployer();
      const created = await start(employer, {
        route: 'sw_secondment',
        hostOrganisationId: swCompany,
        mboOrganisationId: mbo,
        crebo: '25180',
        werkprocessen: ['B1-K1-W1', 'b1-k1-w2'],
        startedAt: '2025-02-03',
      }).expect(201);
      expect(created.body).toMatchObject({
        employerId: employer,
        regionId: am25,
        route: 'sw_secondment',
        hostOrganisationId: swCompany,
        mboOrganisationId: mbo,
        crebo: '25180',
        werkprocessen: ['B1-K1-W1', 'B1-K1-W2'],
        startedAt: '2025-02-03',
        forOwnEmployee: false,
        status: 'intake',
        praktijkverklaringAt: null,
        outcome: null,
        createdBy: staff.id,
      });
      expect(await stageOf(employer)).toBe('sw_pilot');
      const moves = await trajectoryMoves(employer);
      expect(moves).toEqual([
        {
          from: 'prospect',
          to: 'sw_pilot',
          at: expect.any(String),
          by: staff.id,
          cause: 'trajectory',
          reason: null,
          recordedAt: expect.any(String),
        },
      ]);
      expect(moves[0].at.slice(0, 10)).toBe('2025-02-03');
    });

    it('should move to own_trajectory and then structural when a first and a second direct trajectory start', async () => {
      const employer = await newEmployer();
      await start(employer, { startedAt: '2025-01-10' }).expect(201);
      expect(await stageOf(employer)).toBe('own_trajectory');
      await start(employer, { startedAt: '2025-06-20' }).expect(201);
      expect(await stageOf(employer)).toBe('structural');
      const moves = await trajectoryMoves(employer);
      expect(moves.map((m) => [m.from, m.to, m.at.slice(0, 10)])).toEqual([
        ['prospect', 'own_trajectory', '2025-01-10'],
        ['own_trajectory', 'structural', '2025-06-20'],
      ]);
    });

    it('should record own_trajectory and then structural when the first trajectory is for an own employee', async () => {
      const employer = await newEmployer();
      await start(employer, { forOwnEmployee: true, startedAt: '2024-11-04' }).expect(201);
      expect(await stageOf(employer)).toBe('structural');
      expect(await chain(employer)).toEqual([
        [null, 'prospect', '2024-11-04'],
        ['prospect', 'own_trajectory', '2024-11-04'],
        ['own_trajectory', 'structural', '2024-11-04'],
      ]);
    });

    it('should record the sw_pilot entry before structural when the first trajectory is an own employee via an SW-bedrijf', async () => {
      const employer = await newEmployer();
      await start(employer, { route: 'sw_secondment', forOwnEmployee: true, startedAt: '2025-05-12' }).expect(201);
      expect(await stageOf(employer)).toBe('structural');
      expect((await trajectoryMoves(employer)).map((m) => [m.from, m.to, m.at.slice(0, 10)])).toEqual([
        ['prospect', 'sw_pilot', '2025-05-12'],
        ['sw_pilot', 'structural', '2025-05-12'],
      ]);
    });

    it('should keep the history in date order when trajectories are recorded out of order', async () => {
      const employer = await newEmployer();
      await start(employer, { route: 'sw_internal', startedAt: '2026-06-01' }).expect(201);
      await start(employer, { route: 'direct', startedAt: '2026-01-15' }).expect(201);
      expect(await stageOf(employer)).toBe('own_trajectory');
      // The sw_pilot entry keeps the SW trajectory's date; the later-recorded direct one cannot go before it.
      expect(await chain(employer)).toEqual([
        [null, 'prospect', '2026-06-01'],
        ['prospect', 'sw_pilot', '2026-06-01'],
        ['sw_pilot', 'own_trajectory', '2026-06-01'],
      ]);
    });

    it('should never move backwards when an SW trajectory follows a direct one', async () => {
      const employer = await newEmployer();
      await start(employer, { startedAt: '2025-01-10' }).expect(201);
      await start(employer, { route: 'sw_internal', startedAt: '2025-04-01' }).expect(201);
      expect(await stageOf(employer)).toBe('own_trajectory');
      expect(await trajectoryMoves(employer)).toHaveLength(1);
    });

    it('should change no stage when a trajectory is stopped', async () => {
      const employer = await newEmployer();
      const { body } = await start(employer).expect(201);
      const before = (await as(staff).get(`/api/employers/${employer}/stage-history`).expect(200)).body.total;
      const stopped = await as(staff).patch(`/api/trajectories/${body.id}`).send({ status: 'stopped' }).expect(200);
      expect(stopped.body).toMatchObject({
        status: 'stopped',
        stoppedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      expect(await stageOf(employer)).toBe('own_trajectory');
      expect((await as(staff).get(`/api/employers/${employer}/stage-history`).expect(200)).body.total).toBe(before);
    });

    it('should date the second direct trajectory at the later start when an older one is recorded afterwards', async () => {
      const employer = await newEmployer();
      await start(employer, { startedAt: '2025-06-01' }).expect(201);
      await start(employer, { startedAt: '2025-01-15' }).expect(201);
      expect(await stageOf(employer)).toBe('structural');
      expect(await chain(employer)).toEqual([
        [null, 'prospect', '2025-06-01'],
        ['prospect', 'own_trajectory', '2025-06-01'],
        ['own_trajectory', 'structural', '2025-06-01'],
      ]);
    });

    it('should move an employer with a usable story on to ambassador in the request that makes it structural', async () => {
      const employer = await newEmployer();
      await as(staff)
        .post('/api/stories')
        .send({
          employerId: employer,
          title: 'Leerbaan',
          summary: 'Bleef na de praktijkverklaring.',
          published: true,
          consentAt: '2025-01-01',
        })
        .expect(201);
      await start(employer, { startedAt: '2025-02-01' }).expect(201);
      expect(await stageOf(employer)).toBe('own_trajectory');
      await start(employer, { startedAt: '2025-03-01' }).expect(201);
      expect(await stageOf(employer)).toBe('ambassador');
      const history = (await as(staff).get(`/api/employers/${employer}/stage-history?sort=-recordedAt`).expect(200))
        .body.items as StageRow[];
      expect(history.slice(0, 2)).toMatchObject([
        { from: 'structural', to: 'ambassador', cause: 'story', by: null, reason: 'Success story “Leerbaan”' },
        { from: 'own_trajectory', to: 'structural', cause: 'trajectory', by: staff.id },
      ]);
      await chain(employer);
    });

    it('should reach structural once when two direct trajectories of one employer are recorded at the same moment', async () => {
      const employer = await newEmployer();
      const [a, b] = await Promise.all([
        start(employer, { startedAt: '2025-02-01' }),
        start(employer, { startedAt: '2025-02-02' }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(await stageOf(employer)).toBe('structural');
      expect((await trajectoryMoves(employer)).map((m) => m.to)).toEqual(['own_trajectory', 'structural']);
    });

    it('should lift a side state when a trajectory leads past the stage kept from before it', async () => {
      const employer = await newEmployer();
      await as(staff)
        .post(`/api/employers/${employer}/stage`)
        .send({ stage: 'paused', reason: 'Reorganisatie' })
        .expect(200);
      await start(employer, { route: 'sw_internal' }).expect(201);
      expect(await stageOf(employer)).toBe('sw_pilot');
    });
  });

  describe('status flow', () => {
    it('should walk intake → agreed → learning → assessment → certified with an outcome when each step is the next one', async () => {
      const employer = await newEmployer();
      const { body } = await start(employer, { startedAt: '2025-01-06' }).expect(201);
      const patch = (change: object) => as(staff).patch(`/api/trajectories/${body.id}`).send(change);
      await patch({ status: 'learning' }).expect(409);
      for (const status of ['agreed', 'learning', 'assessment']) {
        expect((await patch({ status }).expect(200)).body.status).toBe(status);
      }
      const missing = await patch({ status: 'certified' }).expect(400);
      expect(missing.body.details).toEqual([
        { field: 'praktijkverklaringAt', problem: 'is required for a certified trajectory' },
      ]);
      await patch({ outcome: 'employed_at_host' }).expect(409);
      await patch({ status: 'certified', praktijkverklaringAt: '2025-01-05' }).expect(400);
      const certified = await patch({
        status: 'certified',
        praktijkverklaringAt: '2025-09-15',
        outcome: 'employed_at_host',
      }).expect(200);
      expect(certified.body).toMatchObject({
        status: 'certified',
        praktijkverklaringAt: '2025-09-15',
        outcome: 'employed_at_host',
      });
      const final = await patch({ status: 'stopped' }).expect(409);
      expect(final.body.message).toMatch(/final/);
      expect((await patch({ outcome: 'further_education' }).expect(200)).body.outcome).toBe('further_education');
    });

    it('should answer 409 naming the step when a status is skipped', async () => {
      const employer = await newEmployer();
      const { body } = await start(employer).expect(201);
      const response = await as(staff)
        .patch(`/api/trajectories/${body.id}`)
        .send({ status: 'certified', praktijkverklaringAt: '2025-09-01' })
        .expect(409);
      expect(response.body.details).toEqual([{ field: 'status', problem: expect.stringMatching(/intake → agreed/) }]);
      expect((await as(staff).get(`/api/trajectories/${body.id}`).expect(200)).body.status).toBe('intake');
    });

    it('should audit the creation and every change with before and after', async () => {
      const coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
      const employer = await newEmployer();
      const { body } = await start(employer).expect(201);
      await as(staff).patch(`/api/trajectories/${body.id}`).send({ status: 'agreed' }).expect(200);
      const audit = await as(coordinator).get(`/api/audit?entity=trajectory&entityId=${body.id}`).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
      expect(audit.body.items[0]).toMatchObject({
        by: staff.id,
        before: { status: 'intake' },
        after: { status: 'agreed' },
      });
    });
  });

  describe('bad input', () => {
    it.each(['111222333', '1112.22.333', '123 456 782'])(
      'should refuse candidateRef %s with 400 when it is a BSN',
      async (candidateRef) => {
        const employer = await newEmployer();
        const response = await start(employer, { candidateRef }).expect(400);
        expect(response.body.details).toEqual([{ field: 'candidateRef', problem: expect.stringMatching(/BSN/) }]);
        expect((await as(staff).get(`/api/trajectories?employerId=${employer}`).expect(200)).body.total).toBe(0);
        expect(await stageOf(employer)).toBe('prospect');
      },
    );

    it('should accept a pseudonym such as KND-2024-017', async () => {
      const employer = await newEmployer();
      expect((await start(employer, { candidateRef: 'KND-2024-017' }).expect(201)).body.candidateRef).toBe(
        'KND-2024-017',
      );
    });

    it('should name each bad field with 400 when the body is invalid', async () => {
      const employer = await newEmployer();
      const response = await start(employer, {
        route: 'school',
        startedAt: '2999-01-01',
        crebo: '123',
        werkprocessen: ['vegen'],
      }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual([
        'route',
        'startedAt',
        'crebo',
        'werkprocessen',
      ]);
    });

    it('should answer 400 when the host is not an SW-bedrijf or the route is direct', async () => {
      const employer = await newEmployer();
      await start(employer, { route: 'sw_internal', hostOrganisationId: mbo }).expect(400);
      await start(employer, { route: 'direct', hostOrganisationId: swCompany }).expect(400);
      await start(employer, { mboOrganisationId: swCompany }).expect(400);
    });

    it('should answer 409 when the same candidate starts at the same employer on the same day twice', async () => {
      const employer = await newEmployer();
      await start(employer, { candidateRef: 'KND-dup' }).expect(201);
      const response = await start(employer, { candidateRef: 'KND-dup' }).expect(409);
      expect(response.body.details).toEqual([{ field: 'candidateRef', problem: expect.any(String) }]);
    });

    it('should reject unknown fields and malformed ids with 400', async () => {
      const employer = await newEmployer();
      await start(employer, { bsn: '111222333' }).expect(400);
      await start('not-a-uuid').expect(400);
      await as(staff).get('/api/trajectories/not-a-uuid').expect(400);
    });
  });

  describe('region scope', () => {
    let foreignEmployer: string;
    let foreignTrajectory: string;
    let foreignSw: string;

    beforeAll(async () => {
      foreignEmployer = await newEmployer(elsewhere, am01);
      foreignTrajectory = (await start(foreignEmployer, {}, elsewhere).expect(201)).body.id;
      foreignSw = (
        await as(elsewhere)
          .post('/api/organisations')
          .send({ kind: 'sw_company', name: 'Elders', regionId: am01 })
          .expect(201)
      ).body.id;
    });

    it('should answer 404 when the employer, trajectory or filter lies outside the caller regions', async () => {
      await start(foreignEmployer).expect(404);
      await start(UNKNOWN_ID).expect(404);
      await as(staff).get(`/api/trajectories/${foreignTrajectory}`).expect(404);
      await as(staff).patch(`/api/trajectories/${foreignTrajectory}`).send({ status: 'agreed' }).expect(404);
      await as(staff).get(`/api/trajectories?regionId=${am01}`).expect(404);
      await as(staff).get(`/api/trajectories?employerId=${foreignEmployer}`).expect(404);
      expect((await as(elsewhere).get(`/api/trajectories/${foreignTrajectory}`).expect(200)).body.status).toBe(
        'intake',
      );
    });

    it("should answer 400 when the caller sees a host or school of another region than the employer's, 404 when not", async () => {
      const admin = await createUser(testApp, { role: 'admin' });
      const employer = await newEmployer();
      const host = await start(employer, { route: 'sw_internal', hostOrganisationId: foreignSw }, admin).expect(400);
      expect(host.body.details).toEqual([{ field: 'hostOrganisationId', problem: "must be in the employer's region" }]);
      const foreignMbo = (
        await as(elsewhere)
          .post('/api/organisations')
          .send({ kind: 'mbo', name: 'ROC Elders', regionId: am01 })
          .expect(201)
      ).body.id;
      const school = await start(employer, { mboOrganisationId: foreignMbo }, admin).expect(400);
      expect(school.body.details).toEqual([
        { field: 'mboOrganisationId', problem: "must be in the employer's region" },
      ]);
      await start(employer, { route: 'sw_internal', hostOrganisationId: foreignSw }).expect(404);
      await start(employer, { mboOrganisationId: foreignMbo }).expect(404);
      expect((await as(staff).get(`/api/trajectories?employerId=${employer}`).expect(200)).body.total).toBe(0);
    });

    it('should answer 404 before 400 when an employer or trajectory outside the regions comes with a field of the wrong type', async () => {
      await start(foreignEmployer, { forOwnEmployee: 'yes' }).expect(404);
      await start(foreignEmployer, { werkprocessen: 'B1-K1-W1', candidateRef: 17 }).expect(404);
      await as(staff).patch(`/api/trajectories/${foreignTrajectory}`).send({ status: 5 }).expect(404);
      const employer = await newEmployer();
      const wrong = await start(employer, {
        forOwnEmployee: 'yes',
        werkprocessen: 'B1-K1-W1',
        candidateRef: 17,
      }).expect(400);
      expect(wrong.body.details).toEqual([
        { field: 'werkprocessen', problem: 'must be a list of strings' },
        { field: 'candidateRef', problem: 'must be a string' },
        { field: 'forOwnEmployee', problem: 'must be true or false' },
      ]);
      const { body } = await start(employer).expect(201);
      const patch = await as(staff).patch(`/api/trajectories/${body.id}`).send({ status: 5 }).expect(400);
      expect(patch.body.details).toEqual([{ field: 'status', problem: 'must be a string' }]);
    });

    it('should list only trajectories of the caller regions, filtered and paged', async () => {
      const employer = await newEmployer();
      await start(employer, { route: 'sw_internal', startedAt: '2025-01-01' }).expect(201);
      await start(employer, { route: 'direct', startedAt: '2025-02-01' }).expect(201);
      const all = await as(staff).get(`/api/trajectories?employerId=${employer}`).expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
      expect(all.body.items.map((t: { startedAt: string }) => t.startedAt)).toEqual(['2025-02-01', '2025-01-01']);
      const direct = await as(staff)
        .get(`/api/trajectories?employerId=${employer}&route=direct&status=intake`)
        .expect(200);
      expect(direct.body.items.map((t: { route: string }) => t.route)).toEqual(['direct']);
      const mine = await as(staff).get(`/api/trajectories?pageSize=500`).expect(200);
      expect(mine.body.items.every((t: { regionId: string }) => t.regionId === am25)).toBe(true);
      await as(staff).get('/api/trajectories?status=finished').expect(400);
      await as(staff).get('/api/trajectories?sort=candidateRef').expect(400);
    });
  });
});
