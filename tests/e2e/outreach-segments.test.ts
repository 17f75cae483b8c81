import request from 'supertest';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface SegmentBody {
  id: string;
  regionId: string;
  name: string;
  filter: unknown;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

describe('Segments over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let manager: TestUser;
  let coordinator: TestUser;
  let staff: TestUser;
  let elsewhere: TestUser;
  let admin: TestUser;
  let kvkSeq = 40000000;
  const as = (user: TestUser) => authed(testApp, user.token);
  const employers: Record<string, string> = {};

  const employer = async (region: string, name: string, extra: Record<string, unknown> = {}) =>
    (
      (
        await as(admin)
          .post('/api/employers')
          .send({ name, kvkNumber: String(++kvkSeq), regionId: region, ...extra })
          .expect(201)
      ).body as { id: string }
    ).id;
  const healthcare = { all: [{ field: 'sbiSection', op: 'eq', value: '2025:r' }] };
  const create = (user: TestUser, body: Record<string, unknown>) => as(user).post('/api/segments').send(body);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM01'] });
    admin = await createUser(testApp, { role: 'admin' });
    // Division 86 is healthcare: section R of SBI 2025 (Q in 2008).
    employers.zorg1 = await employer(am25, 'Zorggroep Noord', { sbiCode: '8610', sizeClass: 'large', tags: ['zorg'] });
    employers.zorg2 = await employer(am25, 'Apotheek Oost', { sbiCode: '8690', tags: ['Zorg', 'retail'] });
    employers.bouw = await employer(am25, 'Bouwbedrijf West', { sbiCode: '4120', sizeClass: 'small' });
    employers.elders = await employer(am01, 'Zorg Elders', { sbiCode: '8610' });
    await as(admin)
      .post(`/api/employers/${employers.zorg2}/activities`)
      .send({ type: 'call', summary: 'Kennismaking' })
      .expect(201);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('CRUD', () => {
    it('should create a segment with its checked filter and audit it when the body is valid', async () => {
      const response = await create(manager, { regionId: am25, name: '  Zorg   in AM25 ', filter: healthcare }).expect(
        201,
      );
      const body = response.body as SegmentBody;
      expect(body).toEqual({
        id: expect.any(String),
        regionId: am25,
        name: 'Zorg in AM25',
        filter: { all: [{ field: 'sbiSection', op: 'eq', value: '2025:R' }] },
        createdBy: manager.id,
        createdAt: expect.any(String),
        updatedAt: body.createdAt,
      });
      await as(manager).get(`/api/segments/${body.id}`).expect(200, body);
      const audit = await as(coordinator).get('/api/audit').query({ entity: 'segment', entityId: body.id }).expect(200);
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'create', after: body })]);
    });

    it('should refuse a second segment with the same name in the region when names differ only in case', async () => {
      await create(manager, { regionId: am25, name: 'Dubbel', filter: { all: [] } }).expect(201);
      const response = await create(coordinator, { regionId: am25, name: 'DUBBEL', filter: { all: [] } }).expect(409);
      expect(response.body.details).toEqual([{ field: 'name', problem: expect.any(String) }]);
      await create(elsewhere, { regionId: am01, name: 'Dubbel', filter: { all: [] } }).expect(201);
    });

    it('should list only segments of the caller regions and narrow by regionId and name', async () => {
      const ours = await as(manager).get('/api/segments').query({ pageSize: 500 }).expect(200);
      expect(ours.body).toMatchObject({ page: 1, pageSize: 500 });
      expect(ours.body.total).toBe(ours.body.items.length);
      expect(ours.body.items.every((s: SegmentBody) => s.regionId === am25)).toBe(true);
      const theirs = await as(elsewhere).get('/api/segments').expect(200);
      expect(theirs.body.items.map((s: SegmentBody) => s.name)).toEqual(['Dubbel']);
      const named = await as(manager).get('/api/segments').query({ q: 'zorg', sort: '-createdAt' }).expect(200);
      expect(named.body.items.map((s: SegmentBody) => s.name)).toEqual(['Zorg in AM25']);
      await as(manager).get('/api/segments').query({ regionId: am01 }).expect(404);
      await as(manager).get('/api/segments').query({ sort: 'filter' }).expect(400);
      const all = await as(admin).get('/api/segments').query({ regionId: am01 }).expect(200);
      expect(all.body.items.map((s: SegmentBody) => s.name)).toEqual(['Dubbel']);
    });

    it('should update name and filter, keep the region and delete when asked', async () => {
      const { id } = (await create(manager, { regionId: am25, name: 'Tijdelijk', filter: { all: [] } }).expect(201))
        .body as SegmentBody;
      const filter = { any: [{ field: 'tag', op: 'in', value: ['retail'] }] };
      const updated = await as(coordinator).patch(`/api/segments/${id}`).send({ name: 'Retail', filter }).expect(200);
      expect(updated.body).toMatchObject({ id, name: 'Retail', regionId: am25, filter });
      await as(manager).patch(`/api/segments/${id}`).send({ regionId: am01 }).expect(400);
      await as(manager)
        .patch(`/api/segments/${id}`)
        .send({ filter: { any: [] } })
        .expect(400);
      await as(manager).delete(`/api/segments/${id}`).expect(204);
      await as(manager).get(`/api/segments/${id}`).expect(404);
      const audit = await as(coordinator).get('/api/audit').query({ entity: 'segment', entityId: id }).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    });
  });

  describe('preview', () => {
    it('should return the count and the first employers by name when a saved segment is previewed', async () => {
      const { id } = (await create(manager, { regionId: am25, name: 'Zorg preview', filter: healthcare }).expect(201))
        .body as SegmentBody;
      const preview = await as(staff).get(`/api/segments/${id}/preview`).expect(200);
      expect(preview.body).toEqual({
        total: 2,
        sample: [
          {
            id: employers.zorg2,
            name: 'Apotheek Oost',
            city: null,
            stage: 'contacted',
            sbiVersion: 2025,
            sbiSection: 'R',
            sizeClass: null,
            tags: ['Zorg', 'retail'],
          },
          expect.objectContaining({ id: employers.zorg1, name: 'Zorggroep Noord', sizeClass: 'large' }),
        ],
      });
    });

    it('should preview the new filter when a previewed segment is changed, and answer 404 once deleted', async () => {
      const { id } = (await create(manager, { regionId: am25, name: 'Zorg daarna', filter: healthcare }).expect(201))
        .body as SegmentBody;
      expect((await as(staff).get(`/api/segments/${id}/preview`).expect(200)).body.total).toBe(2);
      const narrower = { all: [healthcare, { field: 'sizeClass', op: 'eq', value: 'large' }] };
      await as(manager).patch(`/api/segments/${id}`).send({ filter: narrower }).expect(200);
      const after = await as(staff).get(`/api/segments/${id}/preview`).expect(200);
      expect(after.body).toEqual({ total: 1, sample: [expect.objectContaining({ id: employers.zorg1 })] });
      await as(manager).delete(`/api/segments/${id}`).expect(204);
      await as(staff).get(`/api/segments/${id}/preview`).expect(404);
      const malformed = await as(staff).get('/api/segments/not-a-uuid/preview').expect(400);
      expect(malformed.body.details).toEqual([{ field: 'id', problem: 'must be a UUID' }]);
    });

    it('should preview a filter being edited without saving it', async () => {
      const filter = {
        all: [healthcare, { field: 'lastContactedAt', op: 'exists', value: false }],
      };
      const response = await as(staff).post('/api/segments/preview').send({ regionId: am25, filter }).expect(200);
      expect(response.body).toEqual({ total: 1, sample: [expect.objectContaining({ id: employers.zorg1 })] });
      const everyone = await as(manager)
        .post('/api/segments/preview')
        .send({ regionId: am25, filter: { all: [] } });
      expect(everyone.body.sample.map((e: { name: string }) => e.name)).toEqual([
        'Apotheek Oost',
        'Bouwbedrijf West',
        'Zorggroep Noord',
      ]);
    });
  });

  describe('validation', () => {
    it('should name the path of each problem when the filter is invalid', async () => {
      const response = await create(manager, {
        regionId: am25,
        name: '',
        filter: {
          all: [
            { field: 'stage', op: 'eq', value: 'prospect' },
            { field: 'stage', op: 'before', value: '2027-01-01' },
            { any: [{ field: 'colour', op: 'eq', value: 'red' }] },
            { field: 'ownerId', op: 'in', value: ['not-a-uuid'] },
          ],
        },
      }).expect(400);
      expect(response.body.details).toEqual([
        { field: 'name', problem: 'must not be empty' },
        { field: 'filter.all[1].op', problem: 'must be one of eq, neq, in, nin for stage' },
        { field: 'filter.all[2].any[0].field', problem: expect.stringContaining('must be one of') },
        { field: 'filter.all[3].value[0]', problem: 'must be a UUID' },
      ]);
    });

    it('should refuse an SBI section that its version does not have', async () => {
      const filter = { all: [{ field: 'sbiSection', op: 'in', value: ['2025:V', '2008:V'] }] };
      const response = await as(staff).post('/api/segments/preview').send({ regionId: am25, filter }).expect(400);
      expect(response.body.details).toEqual([
        { field: 'filter.all[0].value[1]', problem: 'SBI 2008 has no section V' },
      ]);
    });

    it('should refuse missing fields and filters too deep or too large', async () => {
      const missing = await create(manager, { regionId: am25 }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['name', 'filter']);
      await create(manager, { name: 'x', filter: { all: [] } }).expect(400);
      await create(manager, { regionId: 'am25', name: 'x', filter: { all: [] } }).expect(400);
      await create(manager, { regionId: am25, name: 'x', filter: { all: [] }, colour: 'red' }).expect(400);
      let deep: unknown = { all: [{ field: 'tag', op: 'exists', value: true }] };
      for (let i = 0; i < 5; i++) deep = { any: [deep] };
      const tooDeep = await create(manager, { regionId: am25, name: 'diep', filter: deep }).expect(400);
      expect(tooDeep.body.details[0].problem).toBe('nests deeper than 5 levels');
      const many = Array.from({ length: 101 }, () => ({ field: 'tag', op: 'exists', value: true }));
      const tooMany = await create(manager, { regionId: am25, name: 'veel', filter: { all: many } }).expect(400);
      expect(tooMany.body.details).toEqual([{ field: 'filter.all[100]', problem: 'at most 100 conditions' }]);
    });
  });

  describe('region scope', () => {
    it('should answer 404 when the segment or its region lies outside the caller regions', async () => {
      const { id } = (await create(elsewhere, { regionId: am01, name: 'Van AM01', filter: { all: [] } }).expect(201))
        .body as SegmentBody;
      // Previewed in its own region first, so the api knows its compiled filter: the scope still holds.
      await as(elsewhere).get(`/api/segments/${id}/preview`).expect(200);
      await as(manager).get(`/api/segments/${id}`).expect(404);
      await as(manager).get(`/api/segments/${id}/preview`).expect(404);
      await as(manager).patch(`/api/segments/${id}`).send({ name: 'Van mij' }).expect(404);
      await as(manager).delete(`/api/segments/${id}`).expect(404);
      await as(elsewhere).get(`/api/segments/${id}`).expect(200);
      await as(manager).get(`/api/segments/${UNKNOWN_ID}`).expect(404);
      await as(manager).get('/api/segments/not-a-uuid').expect(400);
    });

    it('should answer 404 for a region outside the caller regions, before any 400', async () => {
      await create(manager, { regionId: am01, name: 'x', filter: { all: [] } }).expect(404);
      await create(manager, { regionId: am01, name: '', filter: 'nonsense' }).expect(404);
      await create(admin, { regionId: UNKNOWN_ID, name: 'x', filter: { all: [] } }).expect(404);
      await as(staff)
        .post('/api/segments/preview')
        .send({ regionId: am01, filter: { all: [] } })
        .expect(404);
      // A regionId condition is a body reference too.
      const filter = {
        all: [
          { field: 'regionId', op: 'in', value: [am25, am01] },
          { field: 'x', op: 'eq', value: 1 },
        ],
      };
      await create(manager, { regionId: am25, name: 'x', filter }).expect(404);
      await create(admin, {
        regionId: am25,
        name: 'x',
        filter: { all: [{ field: 'regionId', op: 'eq', value: UNKNOWN_ID }] },
      }).expect(404);
    });

    it('should never select employers of another region when the filter names it', async () => {
      const filter = { all: [{ field: 'regionId', op: 'in', value: [am25, am01] }, healthcare] };
      const preview = await as(admin).post('/api/segments/preview').send({ regionId: am25, filter }).expect(200);
      expect(preview.body.total).toBe(2);
      expect(preview.body.sample.map((e: { id: string }) => e.id)).not.toContain(employers.elders);
    });
  });

  describe('roles', () => {
    it('should let wsp_staff read and preview but not write segments', async () => {
      const { id } = (await create(coordinator, { regionId: am25, name: 'Voor staf', filter: { all: [] } }).expect(201))
        .body as SegmentBody;
      await create(staff, { regionId: am25, name: 'Van staf', filter: { all: [] } }).expect(403);
      // 403 comes before 404: the role may not write segments at all.
      await create(staff, { regionId: am01, name: 'Van staf', filter: { all: [] } }).expect(403);
      await as(staff).patch(`/api/segments/${id}`).send({ name: 'Anders' }).expect(403);
      await as(staff).delete(`/api/segments/${id}`).expect(403);
      await as(staff).get('/api/segments').expect(200);
      await as(staff).get(`/api/segments/${id}`).expect(200);
      await as(staff).get(`/api/segments/${id}/preview`).expect(200);
    });

    it('should answer 401 when no token is given', async () => {
      await request(testApp.app.getHttpServer()).get('/api/segments').expect(401);
      await request(testApp.app.getHttpServer()).post('/api/segments/preview').send({}).expect(401);
    });
  });
});
