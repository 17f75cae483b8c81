import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Employers over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let manager: TestUser;
  let colleague: TestUser;
  let elsewhere: TestUser;
  let twoRegions: TestUser;
  let kvkSeq = 10000000;
  const as = (user: TestUser) => authed(testApp, user.token);
  const kvk = () => String(++kvkSeq);
  const count = async (sql: string, params: unknown[] = []) =>
    ((await testApp.app.get(DataSource).query(sql, params)) as { n: number }[])[0].n;
  const employerCount = () => count(`SELECT count(*)::int AS n FROM organisations WHERE kind = 'employer'`);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    colleague = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM01'] });
    twoRegions = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25', 'AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('CRUD', () => {
    it('should create an employer with normalised fields and a derived SBI section', async () => {
      const response = await as(manager)
        .post('/api/employers')
        .send({
          name: '  Bakkerij de Vries ',
          kvkNumber: '12345678',
          regionId: am25,
          vestigingsnummer: '000012345678',
          rsin: '111222333',
          sbiCode: '10711',
          sizeClass: 'small',
          legalForm: 'legal_person',
          postcode: '4811ab',
          city: 'Breda',
          website: 'www.bakkerijdevries.nl',
          leadSource: 'Beurs',
          tags: [' bakkerij ', 'Bakkerij', 'mkb'],
        })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: 'Bakkerij de Vries',
        kvkNumber: '12345678',
        regionId: am25,
        vestigingsnummer: '000012345678',
        rsin: '111222333',
        sbiCode: '10711',
        sbiVersion: 2025,
        sbiSection: 'C',
        sizeClass: 'small',
        legalForm: 'legal_person',
        postcode: '4811 AB',
        city: 'Breda',
        website: 'https://www.bakkerijdevries.nl',
        ownerId: manager.id,
        leadSource: 'Beurs',
        tags: ['bakkerij', 'mkb'],
        stage: 'prospect',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('should read, update and delete an employer', async () => {
      const created = await as(manager)
        .post('/api/employers')
        .send({ name: 'Garage Noord', kvkNumber: kvk(), regionId: am25, sbiCode: '4520', sbiVersion: 2008 })
        .expect(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({ sbiVersion: 2008, sbiSection: 'G' });

      await as(colleague).get(`/api/employers/${id}`).expect(200);
      const updated = await as(colleague)
        .patch(`/api/employers/${id}`)
        .send({ city: 'Roosendaal', sbiCode: '45201', sbiVersion: 2008, ownerId: colleague.id })
        .expect(200);
      expect(updated.body).toMatchObject({ city: 'Roosendaal', sbiCode: '45201', ownerId: colleague.id });
      const cleared = await as(colleague).patch(`/api/employers/${id}`).send({ city: null, sbiCode: null }).expect(200);
      expect(cleared.body).toMatchObject({ city: null, sbiCode: null, sbiVersion: null, sbiSection: null });

      await as(colleague).delete(`/api/employers/${id}`).expect(204);
      await as(colleague).get(`/api/employers/${id}`).expect(404);
    });

    it('should default the owner to the caller and accept an owner who works in the region', async () => {
      const mine = await as(manager).post('/api/employers').send({ name: 'A', kvkNumber: kvk(), regionId: am25 });
      expect(mine.body.ownerId).toBe(manager.id);
      const theirs = await as(manager)
        .post('/api/employers')
        .send({ name: 'B', kvkNumber: kvk(), regionId: am25, ownerId: colleague.id })
        .expect(201);
      expect(theirs.body.ownerId).toBe(colleague.id);
      const none = await as(manager)
        .post('/api/employers')
        .send({ name: 'C', kvkNumber: kvk(), regionId: am25, ownerId: null })
        .expect(201);
      expect(none.body.ownerId).toBeNull();
    });

    it('should answer 404 and write nothing when the owner is unknown or works in another region', async () => {
      const before = await employerCount();
      for (const ownerId of [UNKNOWN_ID, elsewhere.id]) {
        await as(manager)
          .post('/api/employers')
          .send({ name: 'X', kvkNumber: kvk(), regionId: am25, ownerId })
          .expect(404);
      }
      expect(await employerCount()).toBe(before);
    });

    it('should write create, update and delete to the audit log with before and after', async () => {
      const created = await as(twoRegions)
        .post('/api/employers')
        .send({ name: 'Audit BV', kvkNumber: kvk(), regionId: am25 });
      const id = created.body.id as string;
      await as(twoRegions).patch(`/api/employers/${id}`).send({ name: 'Audit Holding BV' }).expect(200);
      await as(twoRegions).delete(`/api/employers/${id}`).expect(204);
      const audit = await as(twoRegions).get(`/api/audit?entity=employer&entityId=${id}`).expect(200);
      expect(audit.body.total).toBe(3);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
      const [deleted, updated, createdEntry] = audit.body.items;
      expect(createdEntry).toMatchObject({ by: twoRegions.id, entity: 'employer', entityId: id, before: null });
      expect(createdEntry.after).toMatchObject({ name: 'Audit BV', regionId: am25 });
      expect(updated.before).toMatchObject({ name: 'Audit BV' });
      expect(updated.after).toMatchObject({ name: 'Audit Holding BV' });
      expect(deleted).toMatchObject({ before: { name: 'Audit Holding BV' }, after: null });
    });

    it('should audit each trajectory and story that goes with a deleted employer', async () => {
      const created = await as(twoRegions)
        .post('/api/employers')
        .send({ name: 'Weg BV', kvkNumber: kvk(), regionId: am25 })
        .expect(201);
      const id = created.body.id as string;
      const trajectory = await as(twoRegions)
        .post('/api/trajectories')
        .send({ employerId: id, route: 'direct', candidateRef: 'KND-WEG', startedAt: '2025-03-01' })
        .expect(201);
      const story = await as(twoRegions)
        .post('/api/stories')
        .send({ employerId: id, title: 'Weg', summary: 'Een verhaal dat meegaat.', published: false })
        .expect(201);
      await as(twoRegions).delete(`/api/employers/${id}`).expect(204);
      for (const [entity, record] of [
        ['trajectory', trajectory.body],
        ['story', story.body],
      ] as const) {
        const audit = await as(twoRegions).get(`/api/audit?entity=${entity}&entityId=${record.id}`).expect(200);
        expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
        expect(audit.body.items[0]).toMatchObject({ by: twoRegions.id, entity, entityId: record.id, after: null });
        expect(audit.body.items[0].before).toMatchObject({
          id: record.id,
          employerId: id,
          createdAt: record.createdAt,
        });
      }
    });
  });

  describe('bad input', () => {
    const invalid: [string, Record<string, unknown>][] = [
      ['kvkNumber', { kvkNumber: '1234567' }],
      ['kvkNumber', { kvkNumber: '1234567a' }],
      ['postcode', { postcode: '0123 AB' }],
      ['postcode', { postcode: '4811 SS' }],
      ['postcode', { postcode: '4811 A' }],
      ['rsin', { rsin: '123456789' }],
      ['rsin', { rsin: '12345678' }],
      ['vestigingsnummer', { vestigingsnummer: '12345' }],
      ['sbiCode', { sbiCode: '00111' }],
      ['sbiCode', { sbiCode: '4511', sbiVersion: 2025 }],
      ['sbiCode', { sbiCode: 'abc' }],
      ['sbiVersion', { sbiCode: '47111', sbiVersion: 2010 }],
      ['sizeClass', { sizeClass: 'huge' }],
      ['legalForm', { legalForm: 'bv' }],
      ['website', { website: 'not a website' }],
      ['tags', { tags: ['a,b'] }],
      ['tags', { tags: 'mkb' }],
      ['name', { name: '   ' }],
      ['regionId', { regionId: 'not-a-uuid' }],
      ['ownerId', { ownerId: 'nobody' }],
      ['colour', { colour: 'blue' }],
    ];

    it.each(invalid)('should answer 400 naming %s and write nothing', async (field, change) => {
      const before = await employerCount();
      const response = await as(manager)
        .post('/api/employers')
        .send({ name: 'Invalid BV', kvkNumber: kvk(), regionId: am25, ...change })
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await employerCount()).toBe(before);
    });

    it('should answer 400 naming each missing required field', async () => {
      const response = await as(manager).post('/api/employers').send({ regionId: am25 }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['kvkNumber', 'name']);
    });

    it('should answer 409 naming kvkNumber for a duplicate in the region and accept it in another region', async () => {
      const number = kvk();
      await as(twoRegions)
        .post('/api/employers')
        .send({ name: 'Eerste', kvkNumber: number, regionId: am25 })
        .expect(201);
      const before = await employerCount();
      const duplicate = await as(twoRegions)
        .post('/api/employers')
        .send({ name: 'Tweede', kvkNumber: number, regionId: am25 })
        .expect(409);
      expect(duplicate.body.details).toEqual([{ field: 'kvkNumber', problem: expect.any(String) }]);
      expect(await employerCount()).toBe(before);
      await as(twoRegions)
        .post('/api/employers')
        .send({ name: 'Elders', kvkNumber: number, regionId: am01 })
        .expect(201);
    });

    it('should answer 409 and change nothing when an update takes a KvK number used in the region', async () => {
      const taken = kvk();
      await as(manager).post('/api/employers').send({ name: 'Houder', kvkNumber: taken, regionId: am25 }).expect(201);
      const other = await as(manager).post('/api/employers').send({ name: 'Ander', kvkNumber: kvk(), regionId: am25 });
      await as(manager).patch(`/api/employers/${other.body.id}`).send({ kvkNumber: taken, city: 'Breda' }).expect(409);
      const reread = await as(manager).get(`/api/employers/${other.body.id}`).expect(200);
      expect(reread.body).toMatchObject({ kvkNumber: other.body.kvkNumber, city: null });
    });

    it('should answer 400 for an invalid update and for fields that cannot be patched, changing nothing', async () => {
      const created = await as(manager).post('/api/employers').send({ name: 'Vast', kvkNumber: kvk(), regionId: am25 });
      const id = created.body.id as string;
      const bad = await as(manager).patch(`/api/employers/${id}`).send({ postcode: '12', city: 'Breda' }).expect(400);
      expect(bad.body.details).toEqual([{ field: 'postcode', problem: expect.any(String) }]);
      await as(manager).patch(`/api/employers/${id}`).send({ regionId: am01 }).expect(400);
      await as(manager).patch(`/api/employers/${id}`).send({ stage: 'interested' }).expect(400);
      const reread = await as(manager).get(`/api/employers/${id}`).expect(200);
      expect(reread.body).toMatchObject({
        city: null,
        regionId: am25,
        stage: 'prospect',
        updatedAt: created.body.updatedAt,
      });
    });

    it('should answer 400 for a malformed id and 404 for an unknown one', async () => {
      for (const method of ['get', 'patch', 'delete'] as const) {
        const malformed = await as(manager)[method]('/api/employers/12345').send({});
        expect(malformed.status).toBe(400);
        expect(malformed.body.details).toEqual([{ field: 'id', problem: 'must be a UUID' }]);
        expect((await as(manager)[method](`/api/employers/${UNKNOWN_ID}`).send({})).status).toBe(404);
      }
    });
  });

  describe('list', () => {
    let swCompany: string;
    let lister: TestUser;
    let owner: TestUser;
    const names: Record<string, string> = {};

    beforeAll(async () => {
      const seed = [
        { name: 'Zorggroep Breda', city: 'Breda', sizeClass: 'large', sbiCode: '86101', tags: ['zorg', 'pilot'] },
        { name: 'Aannemer Roosendaal', city: 'Roosendaal', sizeClass: 'medium', sbiCode: '41201', tags: ['bouw'] },
        { name: 'Mbo College West', city: 'Etten-Leur', sizeClass: 'large', sbiCode: '85311', tags: [] },
        { name: 'Kliniek Oud', city: 'Bergen op Zoom', sizeClass: 'small', sbiCode: '8610', sbiVersion: 2008 },
        { name: 'Bouwbedrijf Breda-Zuid', city: 'Breda', sizeClass: 'micro', sbiCode: '41202', tags: ['bouw'] },
      ];
      // A region of its own, so other tests' employers stay out of these lists.
      lister = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM24'] });
      owner = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM24'] });
      const am24 = await regionId(testApp, 'AM24');
      for (const [index, employer] of seed.entries()) {
        const ownerId = employer.name === 'Kliniek Oud' ? owner.id : undefined;
        const response = await as(lister)
          .post('/api/employers')
          .send({ ...employer, regionId: am24, kvkNumber: String(30000001 + index), ownerId })
          .expect(201);
        names[employer.name] = response.body.id;
      }
      const sw = await as(lister)
        .post('/api/organisations')
        .send({ kind: 'sw_company', name: 'Werkbedrijf', regionId: am24 })
        .expect(201);
      swCompany = sw.body.id;
      await as(lister)
        .post(`/api/organisations/${swCompany}/network`)
        .send({ employerId: names['Aannemer Roosendaal'], relation: 'detachering' })
        .expect(201);
      // Stage moves are issue 3; set one directly to prove the filter.
      await testApp.app
        .get(DataSource)
        .query(`UPDATE organisations SET stage = 'contacted' WHERE id = $1`, [names['Kliniek Oud']]);
    });

    const list = async (query: string) => {
      const response = await as(lister).get(`/api/employers?${query}`).expect(200);
      return { names: (response.body.items as { name: string }[]).map((e) => e.name), body: response.body };
    };

    it('should list the caller’s employers sorted by name by default', async () => {
      const { names: found, body } = await list('');
      expect(found).toEqual([
        'Aannemer Roosendaal',
        'Bouwbedrijf Breda-Zuid',
        'Kliniek Oud',
        'Mbo College West',
        'Zorggroep Breda',
      ]);
      expect(body).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    });

    it('should search name, city and KvK number case-insensitively', async () => {
      expect((await list('q=breda')).names).toEqual(['Bouwbedrijf Breda-Zuid', 'Zorggroep Breda']);
      expect((await list('q=ROOSENDAAL')).names).toEqual(['Aannemer Roosendaal']);
      expect((await list('q=30000003')).names).toEqual(['Mbo College West']);
      expect((await list('q=%25')).names).toEqual([]);
    });

    it('should filter by SBI section with its version', async () => {
      expect((await list('sbiSection=2025:F')).names).toEqual(['Aannemer Roosendaal', 'Bouwbedrijf Breda-Zuid']);
      expect((await list('sbiSection=2025:Q')).names).toEqual(['Mbo College West']);
      expect((await list('sbiSection=2025:R')).names).toEqual(['Zorggroep Breda']);
      expect((await list('sbiSection=2008:Q')).names).toEqual(['Kliniek Oud']);
    });

    it('should filter by size class, tag, stage, owner and SW-bedrijf network', async () => {
      expect((await list('sizeClass=large')).names).toEqual(['Mbo College West', 'Zorggroep Breda']);
      expect((await list('tag=bouw')).names).toEqual(['Aannemer Roosendaal', 'Bouwbedrijf Breda-Zuid']);
      expect((await list('stage=contacted')).names).toEqual(['Kliniek Oud']);
      expect((await list(`ownerId=${owner.id}`)).names).toEqual(['Kliniek Oud']);
      expect((await list(`ownerId=${lister.id}`)).body.total).toBe(4);
      expect((await list(`ownerId=${UNKNOWN_ID}`)).body.total).toBe(0);
      expect((await list(`swCompanyId=${swCompany}`)).names).toEqual(['Aannemer Roosendaal']);
      expect((await list('tag=bouw&sizeClass=micro')).names).toEqual(['Bouwbedrijf Breda-Zuid']);
    });

    it('should sort by the allowed fields in both directions', async () => {
      expect((await list('sort=-name')).names[0]).toBe('Zorggroep Breda');
      expect((await list('sort=city,name')).names).toEqual([
        'Kliniek Oud',
        'Bouwbedrijf Breda-Zuid',
        'Zorggroep Breda',
        'Mbo College West',
        'Aannemer Roosendaal',
      ]);
      expect((await list('sort=sizeClass,name')).names).toEqual([
        'Bouwbedrijf Breda-Zuid',
        'Kliniek Oud',
        'Aannemer Roosendaal',
        'Mbo College West',
        'Zorggroep Breda',
      ]);
      expect((await list('sort=-stage,name')).names[0]).toBe('Kliniek Oud');
      expect((await list('sort=-kvkNumber')).names[0]).toBe('Bouwbedrijf Breda-Zuid');
    });

    it('should page through the list', async () => {
      const second = await list('pageSize=2&page=2');
      expect(second.names).toEqual(['Kliniek Oud', 'Mbo College West']);
      expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect((await list('pageSize=2&page=4')).names).toEqual([]);
    });

    it.each([
      ['sort', 'sort=colour'],
      ['pageSize', 'pageSize=501'],
      ['page', 'page=0'],
      ['stage', 'stage=happy'],
      ['sbiSection', 'sbiSection=Q'],
      ['sbiSection', 'sbiSection=2025:Z'],
      ['sizeClass', 'sizeClass=huge'],
      ['regionId', 'regionId=nope'],
      ['swCompanyId', 'swCompanyId=nope'],
      ['ownerId', 'ownerId=nope'],
      ['colour', 'colour=blue'],
    ])('should answer 400 naming %s when the query has %s', async (field, query) => {
      const response = await as(lister).get(`/api/employers?${query}`).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('should answer 404 when swCompanyId names an organisation that is not a visible SW-bedrijf', async () => {
      await as(lister).get(`/api/employers?swCompanyId=${UNKNOWN_ID}`).expect(404);
      const wsp = await as(lister)
        .post('/api/organisations')
        .send({ kind: 'wsp', name: 'WSP Zeeland', regionId: await regionId(testApp, 'AM24') })
        .expect(201);
      await as(lister).get(`/api/employers?swCompanyId=${wsp.body.id}`).expect(404);
    });
  });
});
