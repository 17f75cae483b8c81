import { DataSource } from 'typeorm';
import { SystemClock } from '@app/core';
import { StageService, todayInAmsterdam } from '@app/crm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A date `days` away from today in Europe/Amsterdam, as `YYYY-MM-DD`. */
function day(days: number): string {
  const [y, m, d] = todayInAmsterdam(new SystemClock()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('Success stories over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let manager: TestUser;
  let coordinator: TestUser;
  let elsewhere: TestUser;
  let kvkSeq = 30000000;
  const as = (user: TestUser) => authed(testApp, user.token);
  const db = () => testApp.app.get(DataSource);

  const employer = async (user: TestUser, region: string, sbiCode = '10711', name = 'Bakkerij de Vries') =>
    (
      await as(user)
        .post('/api/employers')
        .send({ name, kvkNumber: String(++kvkSeq), regionId: region, sbiCode })
        .expect(201)
    ).body as { id: string };
  const story = (employerId: string, extra: Record<string, unknown> = {}) => ({
    employerId,
    title: 'Van leerbaan naar vaste baan',
    summary: 'Twee medewerkers haalden hun praktijkverklaring en bleven.',
    published: true,
    consentAt: day(-30),
    ...extra,
  });
  /** Moves an employer up to `structural` the way a second direct trajectory would. */
  const makeStructural = (employerId: string) =>
    testApp.app.get(StageService).advance(employerId, 'structural', { cause: 'trajectory', at: new Date(), by: null });
  const stageOf = async (employerId: string) =>
    ((await as(coordinator).get(`/api/employers/${employerId}`).expect(200)).body as { stage: string }).stage;
  const lastChange = async (employerId: string) =>
    (
      await db().query(
        `SELECT from_stage, to_stage, cause, by_user_id, reason FROM stage_changes WHERE employer_id = $1
         ORDER BY seq DESC LIMIT 1`,
        [employerId],
      )
    )[0];

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('CRUD', () => {
    it('should create a story that takes region and sector from its employer', async () => {
      const { id: employerId } = await employer(manager, am25);
      const response = await as(manager)
        .post('/api/stories')
        .send(story(employerId, { quote: '  Het werkt gewoon. ', expiresAt: day(365) }))
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        employerId,
        employerName: 'Bakkerij de Vries',
        regionId: am25,
        sbiVersion: 2025,
        sbiSection: 'C',
        title: 'Van leerbaan naar vaste baan',
        summary: 'Twee medewerkers haalden hun praktijkverklaring en bleven.',
        quote: 'Het werkt gewoon.',
        consentAt: day(-30),
        expiresAt: day(365),
        published: true,
        usable: true,
        createdBy: manager.id,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('should read, update and delete a story and audit each change', async () => {
      const { id: employerId } = await employer(manager, am25);
      const { id } = (
        await as(manager)
          .post('/api/stories')
          .send(story(employerId, { published: false }))
          .expect(201)
      ).body;
      expect((await as(manager).get(`/api/stories/${id}`).expect(200)).body).toMatchObject({ id, usable: false });

      const updated = await as(manager)
        .patch(`/api/stories/${id}`)
        .send({ title: 'Nieuwe titel', published: true, quote: null })
        .expect(200);
      expect(updated.body).toMatchObject({ id, title: 'Nieuwe titel', published: true, usable: true, quote: null });

      await as(manager).delete(`/api/stories/${id}`).expect(204);
      await as(manager).get(`/api/stories/${id}`).expect(404);

      const audit = await as(coordinator).get('/api/audit').query({ entity: 'story', entityId: id }).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
      expect(audit.body.items[1]).toMatchObject({
        by: manager.id,
        before: { title: 'Van leerbaan naar vaste baan', published: false },
        after: { title: 'Nieuwe titel', published: true },
      });
    });

    it('should answer 409 naming the consent rule when a story is published without consent', async () => {
      const { id: employerId } = await employer(manager, am25);
      const refused = await as(manager)
        .post('/api/stories')
        .send(story(employerId, { consentAt: undefined }))
        .expect(409);
      expect(refused.body).toMatchObject({ details: [{ field: 'consentAt' }] });
      expect(refused.body.message).toMatch(/consent/);

      const { id } = (await as(manager).post('/api/stories').send(story(employerId)).expect(201)).body;
      await as(manager).patch(`/api/stories/${id}`).send({ consentAt: null }).expect(409);
      await as(manager).patch(`/api/stories/${id}`).send({ consentAt: null, published: false }).expect(200);
    });

    it('should answer 400 naming each invalid field', async () => {
      const { id: employerId } = await employer(manager, am25);
      const missing = await as(manager).post('/api/stories').send({ employerId }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['title', 'summary', 'published']);
      const dates = await as(manager)
        .post('/api/stories')
        .send(story(employerId, { consentAt: '2027-02-30', expiresAt: '1 mei' }))
        .expect(400);
      expect(dates.body.details.map((d: { field: string }) => d.field)).toEqual(['consentAt', 'expiresAt']);
      await as(manager)
        .post('/api/stories')
        .send(story(employerId, { expiresAt: day(-31) }))
        .expect(400);
      await as(manager)
        .post('/api/stories')
        .send(story(employerId, { published: 'yes' }))
        .expect(400);
      await as(manager).post('/api/stories').send(story('employer-1')).expect(400);
      await as(manager).post('/api/stories').send({ title: 'Zonder werkgever' }).expect(400);
      const { id } = (await as(manager).post('/api/stories').send(story(employerId)).expect(201)).body;
      await as(manager).patch(`/api/stories/${id}`).send({ employerId }).expect(400);
      await as(manager).patch(`/api/stories/${id}`).send({ summary: '   ' }).expect(400);
      await as(manager).get('/api/stories/not-a-uuid').expect(400);
    });
  });

  describe('region scope', () => {
    it('should answer 404 for stories and employers outside the caller’s regions', async () => {
      const { id: employerId } = await employer(manager, am25);
      const { id } = (await as(manager).post('/api/stories').send(story(employerId)).expect(201)).body;

      await as(elsewhere).get(`/api/stories/${id}`).expect(404);
      await as(elsewhere).patch(`/api/stories/${id}`).send({ title: 'Overgenomen' }).expect(404);
      await as(elsewhere).delete(`/api/stories/${id}`).expect(404);
      // 404 before 400: the body's employer is checked before its other fields.
      await as(elsewhere).post('/api/stories').send({ employerId }).expect(404);
      await as(elsewhere).post('/api/stories').send(story(UNKNOWN_ID)).expect(404);
      await as(elsewhere).get('/api/stories').query({ regionId: am25 }).expect(404);
      await as(elsewhere).get('/api/stories').query({ employerId }).expect(404);
      const theirs = await as(elsewhere).get('/api/stories').expect(200);
      expect(theirs.body.items.some((s: { id: string }) => s.id === id)).toBe(false);
      expect((await as(manager).get(`/api/stories/${id}`).expect(200)).body.title).toBe('Van leerbaan naar vaste baan');
    });
  });

  describe('usable filter', () => {
    it('should list exactly the published, consented, unexpired stories with usable=true', async () => {
      const { id: employerId } = await employer(manager, am25, '86101', 'Zorggroep West');
      const create = async (title: string, extra: Record<string, unknown>) =>
        (
          await as(manager)
            .post('/api/stories')
            .send(story(employerId, { title, ...extra }))
            .expect(201)
        ).body as {
          id: string;
          usable: boolean;
        };
      const usable = await create('usable', {});
      const expiresToday = await create('expires today', { expiresAt: day(0) });
      const consentToday = await create('consent today', { consentAt: day(0) });
      const unpublished = await create('unpublished', { published: false });
      const consentTomorrow = await create('consent tomorrow', { consentAt: day(1) });
      const expired = await create('expired', { expiresAt: day(-1) });
      expect([usable, expiresToday, consentToday].every((s) => s.usable)).toBe(true);
      expect([unpublished, consentTomorrow, expired].some((s) => s.usable)).toBe(false);

      const titles = async (query: Record<string, string>) =>
        (
          (
            await as(manager)
              .get('/api/stories')
              .query({ employerId, sort: 'title', ...query })
              .expect(200)
          ).body.items as { title: string }[]
        ).map((s) => s.title);
      expect(await titles({ usable: 'true' })).toEqual(['consent today', 'expires today', 'usable']);
      expect(await titles({ usable: 'false' })).toEqual(['consent tomorrow', 'expired', 'unpublished']);
      expect(await titles({})).toHaveLength(6);
      await as(manager).get('/api/stories').query({ usable: 'yes' }).expect(400);
    });

    it('should filter by the employer’s sector and region', async () => {
      const { id: builder } = await employer(coordinator, am25, '41201', 'Bouwbedrijf Oost');
      const { id: bakery } = await employer(coordinator, am25, '10711', 'Bakkerij Oost');
      const { id: otherRegion } = await employer(elsewhere, am01, '41201', 'Bouwbedrijf Noord');
      const built = (
        await as(coordinator)
          .post('/api/stories')
          .send(story(builder, { title: 'Bouw' }))
          .expect(201)
      ).body as { id: string; sbiVersion: number; sbiSection: string };
      await as(coordinator)
        .post('/api/stories')
        .send(story(bakery, { title: 'Brood' }))
        .expect(201);
      await as(elsewhere)
        .post('/api/stories')
        .send(story(otherRegion, { title: 'Bouw noord' }))
        .expect(201);
      const sector = `${built.sbiVersion}:${built.sbiSection.toLowerCase()}`;

      const inRegion = await as(coordinator)
        .get('/api/stories')
        .query({ sbiSection: sector, usable: 'true' })
        .expect(200);
      expect(inRegion.body.items.map((s: { id: string }) => s.id)).toEqual([built.id]);
      const admin = await createUser(testApp, { role: 'admin' });
      const allRegions = await as(admin).get('/api/stories').query({ sbiSection: sector }).expect(200);
      expect(allRegions.body.items.map((s: { title: string }) => s.title).sort()).toEqual(['Bouw', 'Bouw noord']);
      const oneRegion = await as(admin).get('/api/stories').query({ sbiSection: sector, regionId: am01 }).expect(200);
      expect(oneRegion.body.items).toMatchObject([
        { title: 'Bouw noord', regionId: am01, employerName: 'Bouwbedrijf Noord' },
      ]);

      await as(coordinator).get('/api/stories').query({ sbiSection: 'Q' }).expect(400);
      await as(coordinator).get('/api/stories').query({ sbiSection: '2025:Z' }).expect(400);
      await as(coordinator).get('/api/stories').query({ sort: 'employerName' }).expect(400);
    });
  });

  describe('stage rule', () => {
    it('should move a structural employer to ambassador when its story becomes usable', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await makeStructural(employerId);
      await as(manager).post('/api/stories').send(story(employerId)).expect(201);
      expect(await stageOf(employerId)).toBe('ambassador');
      expect(await lastChange(employerId)).toEqual({
        from_stage: 'structural',
        to_stage: 'ambassador',
        cause: 'story',
        by_user_id: manager.id,
        reason: 'Success story “Van leerbaan naar vaste baan”',
      });
    });

    it('should move it when an unusable story is published later, not before', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await makeStructural(employerId);
      const { id } = (
        await as(manager)
          .post('/api/stories')
          .send(story(employerId, { published: false }))
          .expect(201)
      ).body;
      expect(await stageOf(employerId)).toBe('structural');
      await as(manager).patch(`/api/stories/${id}`).send({ published: true }).expect(200);
      expect(await stageOf(employerId)).toBe('ambassador');
    });

    it('should leave a structural employer alone when its story is expired or consented only from tomorrow', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await makeStructural(employerId);
      await as(manager)
        .post('/api/stories')
        .send(story(employerId, { expiresAt: day(-1) }))
        .expect(201);
      await as(manager)
        .post('/api/stories')
        .send(story(employerId, { consentAt: day(1) }))
        .expect(201);
      expect(await stageOf(employerId)).toBe('structural');
    });

    it.each(['prospect', 'own_trajectory'])(
      'should not move an employer in %s when its story is usable',
      async (stage) => {
        const { id: employerId } = await employer(coordinator, am25);
        if (stage !== 'prospect') {
          await testApp.app
            .get(StageService)
            .advance(employerId, 'own_trajectory', { cause: 'trajectory', at: new Date(), by: null });
        }
        await as(manager).post('/api/stories').send(story(employerId)).expect(201);
        expect(await stageOf(employerId)).toBe(stage);
      },
    );

    it('should move an employer to ambassador when a trajectory makes it structural after its story', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await as(manager).post('/api/stories').send(story(employerId)).expect(201);
      expect(await stageOf(employerId)).toBe('prospect');
      await as(manager)
        .post('/api/trajectories')
        .send({ employerId, route: 'direct', candidateRef: 'KND-1', startedAt: day(-60), forOwnEmployee: true })
        .expect(201);
      // Moved in the trajectory's own transaction: no event round-trip, nothing to wait for.
      expect(await stageOf(employerId)).toBe('ambassador');
      expect(await lastChange(employerId)).toMatchObject({ to_stage: 'ambassador', cause: 'story', by_user_id: null });
    });

    it('should move an employer a coordinator set to structural by override, and show it in the history', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await as(coordinator)
        .post(`/api/employers/${employerId}/stage`)
        .send({ stage: 'structural', override: true, reason: 'Historie van voor Vliegwiel' })
        .expect(200);
      await as(manager).post('/api/stories').send(story(employerId)).expect(201);
      const history = await as(manager).get(`/api/employers/${employerId}/stage-history`).expect(200);
      expect(history.body.items[0]).toMatchObject({
        from: 'structural',
        to: 'ambassador',
        cause: 'story',
        by: manager.id,
      });
    });

    it('should leave an override to structural alone when the employer already has a usable story', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await as(manager).post('/api/stories').send(story(employerId)).expect(201);
      await as(coordinator)
        .post(`/api/employers/${employerId}/stage`)
        .send({ stage: 'structural', override: true, reason: 'Terug van ambassadeur: verhaal ingetrokken' })
        .expect(200);
      expect(await stageOf(employerId)).toBe('structural');
    });

    it('should keep the stage when the story that made an ambassador is deleted', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await makeStructural(employerId);
      const { id } = (await as(manager).post('/api/stories').send(story(employerId)).expect(201)).body;
      await as(manager).delete(`/api/stories/${id}`).expect(204);
      expect(await stageOf(employerId)).toBe('ambassador');
    });

    it('should record one ambassador move when two usable stories are saved at once', async () => {
      const { id: employerId } = await employer(coordinator, am25);
      await makeStructural(employerId);
      await Promise.all([
        as(manager)
          .post('/api/stories')
          .send(story(employerId, { title: 'Een' }))
          .expect(201),
        as(coordinator)
          .post('/api/stories')
          .send(story(employerId, { title: 'Twee' }))
          .expect(201),
      ]);
      const moves = await db().query(
        `SELECT count(*)::int AS n FROM stage_changes WHERE employer_id = $1 AND to_stage = 'ambassador'`,
        [employerId],
      );
      expect(moves[0].n).toBe(1);
    });
  });
});
