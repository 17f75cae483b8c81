import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Partner organisations and SW-bedrijf networks over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am26: string;
  let staff: TestUser;
  let coordinator: TestUser;
  let kvkSeq = 40000000;
  const as = (user: TestUser) => authed(testApp, user.token);
  const organisationCount = async () =>
    ((await testApp.app.get(DataSource).query(`SELECT count(*)::int AS n FROM organisations`)) as { n: number }[])[0].n;
  const employer = async (name: string, region = am25) =>
    (
      await as(coordinator)
        .post('/api/employers')
        .send({ name, kvkNumber: String(++kvkSeq), regionId: region })
        .expect(201)
    ).body.id as string;
  const partner = async (body: Record<string, unknown>) =>
    (
      await as(staff)
        .post('/api/organisations')
        .send({ regionId: am25, ...body })
        .expect(201)
    ).body;

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am26 = await regionId(testApp, 'AM26');
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25', 'AM26'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('CRUD', () => {
    it('should create a partner organisation with its contact details normalised', async () => {
      const body = await partner({
        kind: 'municipality',
        name: ' Gemeente Breda ',
        kvkNumber: '20166947',
        postalAddress: 'Postbus 90156, 4800 RH Breda',
        email: 'werkgevers@breda.nl',
        phone: '076 529 4400',
        website: 'www.breda.nl',
      });
      expect(body).toEqual({
        id: expect.any(String),
        kind: 'municipality',
        name: 'Gemeente Breda',
        regionId: am25,
        kvkNumber: '20166947',
        postalAddress: 'Postbus 90156, 4800 RH Breda',
        email: 'werkgevers@breda.nl',
        phone: '+31765294400',
        website: 'https://www.breda.nl',
        recognitions: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('should keep an MBO school’s recognitions, normalised and de-duplicated', async () => {
      const body = await partner({
        kind: 'mbo',
        name: 'Curio',
        recognitions: [
          { sbiSection: '2025:R', crebo: '25480' },
          { sbiSection: '2025:r', crebo: '25480' },
          { sbiSection: '2008:G' },
        ],
      });
      expect(body.recognitions).toEqual([
        { sbiSection: '2025:R', crebo: '25480' },
        { sbiSection: '2008:G', crebo: null },
      ]);
      const patched = await as(staff)
        .patch(`/api/organisations/${body.id}`)
        .send({ recognitions: [{ sbiSection: '2025:C' }] })
        .expect(200);
      expect(patched.body.recognitions).toEqual([{ sbiSection: '2025:C', crebo: null }]);
    });

    it('should read, list, update and delete partner organisations', async () => {
      const union = await partner({ kind: 'union', name: 'FNV Breda' });
      await partner({ kind: 'uwv', name: 'UWV Breda' });
      await as(coordinator)
        .post('/api/organisations')
        .send({ kind: 'union', name: 'CNV Tilburg', regionId: am26 })
        .expect(201);
      await as(staff).get(`/api/organisations/${union.id}`).expect(200);

      const unions = await as(coordinator).get('/api/organisations?kind=union').expect(200);
      expect(unions.body.items.map((o: { name: string }) => o.name)).toEqual(['CNV Tilburg', 'FNV Breda']);
      const inAm26 = await as(coordinator).get(`/api/organisations?regionId=${am26}`).expect(200);
      expect(inAm26.body.items.map((o: { name: string }) => o.name)).toEqual(['CNV Tilburg']);
      const found = await as(coordinator).get('/api/organisations?q=uwv').expect(200);
      expect(found.body.items.map((o: { name: string }) => o.name)).toEqual(['UWV Breda']);
      const sorted = await as(coordinator).get('/api/organisations?kind=union&sort=-name').expect(200);
      expect(sorted.body.items[0].name).toBe('FNV Breda');

      const updated = await as(staff)
        .patch(`/api/organisations/${union.id}`)
        .send({ name: 'FNV West-Brabant', email: 'wb@fnv.nl' })
        .expect(200);
      expect(updated.body).toMatchObject({ name: 'FNV West-Brabant', email: 'wb@fnv.nl', kind: 'union' });
      await as(staff).delete(`/api/organisations/${union.id}`).expect(204);
      await as(staff).get(`/api/organisations/${union.id}`).expect(404);
    });

    it('should serve employers only at /api/employers and partners only at /api/organisations', async () => {
      const employerId = await employer('Alleen werkgever');
      const sw = await partner({ kind: 'sw_company', name: 'Alleen partner' });
      await as(staff).get(`/api/organisations/${employerId}`).expect(404);
      await as(staff).patch(`/api/organisations/${employerId}`).send({ name: 'x' }).expect(404);
      await as(staff).delete(`/api/organisations/${employerId}`).expect(404);
      await as(staff).get(`/api/employers/${sw.id}`).expect(404);
      await as(staff).delete(`/api/employers/${sw.id}`).expect(404);
      const list = await as(staff).get('/api/organisations?pageSize=500').expect(200);
      expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(employerId);
    });

    it('should audit partner changes with before and after', async () => {
      const uwv = await partner({ kind: 'employer_association', name: 'VNO-NCW West' });
      await as(staff).patch(`/api/organisations/${uwv.id}`).send({ phone: '0765551234' }).expect(200);
      const audit = await as(coordinator).get(`/api/audit?entity=organisation&entityId=${uwv.id}`).expect(200);
      expect(audit.body.items).toMatchObject([
        { action: 'update', before: { phone: null }, after: { phone: '+31765551234' }, by: staff.id },
        { action: 'create', before: null, after: { name: 'VNO-NCW West' } },
      ]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['kind', { kind: 'employer' }],
      ['kind', { kind: 'school' }],
      ['name', { name: '' }],
      ['kvkNumber', { kvkNumber: '123' }],
      ['email', { email: 'not-an-address' }],
      ['phone', { phone: '12345' }],
      ['website', { website: 'http://' }],
      ['recognitions', { recognitions: [{ sbiSection: '2025:Q' }] }],
      ['recognitions.0.sbiSection', { kind: 'mbo', recognitions: [{ sbiSection: 'Q' }] }],
      ['recognitions.0.sbiSection', { kind: 'mbo', recognitions: [{ sbiSection: '2008:V' }] }],
      [
        'recognitions.1.crebo',
        { kind: 'mbo', recognitions: [{ sbiSection: '2025:Q' }, { sbiSection: '2025:Q', crebo: '123' }] },
      ],
      ['recognitions.0.level', { kind: 'mbo', recognitions: [{ sbiSection: '2025:Q', level: 2 }] }],
      ['regionId', { regionId: 'AM25' }],
      ['colour', { colour: 'red' }],
    ])('should answer 400 naming %s and write nothing', async (field, change) => {
      const before = await organisationCount();
      const response = await as(staff)
        .post('/api/organisations')
        .send({ kind: 'sw_company', name: 'Ongeldig', regionId: am25, ...change })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await organisationCount()).toBe(before);
    });

    it('should answer 400 when the kind or region of an organisation is patched', async () => {
      const sw = await partner({ kind: 'sw_company', name: 'Vaste soort' });
      await as(staff).patch(`/api/organisations/${sw.id}`).send({ kind: 'wsp' }).expect(400);
      await as(staff).patch(`/api/organisations/${sw.id}`).send({ regionId: am26 }).expect(400);
      await as(staff).get('/api/organisations?kind=employer').expect(400);
    });

    it('should answer 409 for a second WSP in a region and accept one in another region', async () => {
      await partner({ kind: 'wsp', name: 'Werkgeversservicepunt West-Brabant' });
      const before = await organisationCount();
      const second = await as(staff)
        .post('/api/organisations')
        .send({ kind: 'wsp', name: 'Tweede WSP', regionId: am25 })
        .expect(409);
      expect(second.body.details).toEqual([{ field: 'kind', problem: expect.any(String) }]);
      expect(await organisationCount()).toBe(before);
      await as(coordinator)
        .post('/api/organisations')
        .send({ kind: 'wsp', name: 'WSP Midden-Brabant', regionId: am26 })
        .expect(201);
    });

    it('should answer 400 for a malformed id and 404 for an unknown one', async () => {
      await as(staff).get('/api/organisations/xyz').expect(400);
      await as(staff).get(`/api/organisations/${UNKNOWN_ID}`).expect(404);
      await as(staff).get(`/api/organisations/${UNKNOWN_ID}/network`).expect(404);
      await as(staff).get('/api/organisations/xyz/network').expect(400);
    });
  });

  describe('network', () => {
    let sw: string;
    let bakery: string;
    let garage: string;

    beforeAll(async () => {
      sw = (await partner({ kind: 'sw_company', name: 'Werkbedrijf West-Brabant' })).id;
      bakery = await employer('Bakkerij Breda');
      garage = await employer('Garage Etten');
    });

    it('should link employers, list active links and end a link while keeping its history', async () => {
      const linked = await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: bakery, relation: 'detachering', since: '2025-09-01' })
        .expect(201);
      expect(linked.body).toEqual({
        employerId: bakery,
        employerName: 'Bakkerij Breda',
        relation: 'detachering',
        since: '2025-09-01',
        until: null,
      });
      const today = await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: garage, relation: 'pilot_host' })
        .expect(201);
      expect(today.body.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      const active = await as(staff).get(`/api/organisations/${sw}/network`).expect(200);
      expect(active.body).toMatchObject({ total: 2, page: 1 });
      expect(active.body.items.map((l: { employerName: string }) => l.employerName)).toEqual([
        'Bakkerij Breda',
        'Garage Etten',
      ]);
      await as(staff).delete(`/api/organisations/${sw}/network/${bakery}`).expect(204);
      const after = await as(staff).get(`/api/organisations/${sw}/network`).expect(200);
      expect(after.body.items.map((l: { employerId: string }) => l.employerId)).toEqual([garage]);
      const all = await as(staff).get(`/api/organisations/${sw}/network?includeEnded=true&sort=since`).expect(200);
      expect(all.body.items[0]).toMatchObject({ employerId: bakery, since: '2025-09-01', until: today.body.since });
      const linkedEmployers = await as(staff).get(`/api/employers?swCompanyId=${sw}`).expect(200);
      expect(linkedEmployers.body.items.map((e: { id: string }) => e.id)).toEqual([garage]);

      await as(staff).delete(`/api/organisations/${sw}/network/${bakery}`).expect(404);
      await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: bakery, relation: 'partner' })
        .expect(201);
      const history = await as(staff).get(`/api/organisations/${sw}/network?includeEnded=true`).expect(200);
      expect(history.body.total).toBe(3);
    });

    it('should answer 409 when the link is already active', async () => {
      const employerId = await employer('Dubbel gelinkt');
      await as(staff).post(`/api/organisations/${sw}/network`).send({ employerId, relation: 'supplier' }).expect(201);
      const again = await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId, relation: 'partner' })
        .expect(409);
      expect(again.body.statusCode).toBe(409);
    });

    it('should answer 409 when the organisation is not an SW-bedrijf', async () => {
      const municipality = await partner({ kind: 'municipality', name: 'Gemeente Etten-Leur' });
      await as(staff)
        .post(`/api/organisations/${municipality.id}/network`)
        .send({ employerId: bakery, relation: 'partner' })
        .expect(409);
    });

    it('should answer 404 when the employer is of another region or unknown', async () => {
      const tilburg = await employer('Tilburgse Fabriek', am26);
      await as(coordinator)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: tilburg, relation: 'partner' })
        .expect(404);
      await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: UNKNOWN_ID, relation: 'partner' })
        .expect(404);
      await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: sw, relation: 'partner' })
        .expect(404);
    });

    it.each([
      ['relation', { relation: 'friend' }],
      ['since', { since: '2025-02-30' }],
      ['since', { since: '2999-01-01' }],
      ['employerId', { employerId: 'abc' }],
      ['until', { until: '2026-01-01' }],
    ])('should answer 400 naming %s and link nothing', async (field, change) => {
      const employerId = await employer(`Ongeldig ${field}`);
      const response = await as(staff)
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId, relation: 'partner', ...change })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const rows = await testApp.app
        .get(DataSource)
        .query(`SELECT 1 FROM network_links WHERE employer_id = $1`, [employerId]);
      expect(rows).toEqual([]);
    });

    it('should answer 400 when includeEnded is not true or false', async () => {
      await as(staff).get(`/api/organisations/${sw}/network?includeEnded=yes`).expect(400);
    });

    it('should audit the creation and the ending of a network link', async () => {
      const employerId = await employer('Audit link');
      await as(staff).post(`/api/organisations/${sw}/network`).send({ employerId, relation: 'partner' }).expect(201);
      await as(staff).delete(`/api/organisations/${sw}/network/${employerId}`).expect(204);
      const audit = await as(coordinator).get('/api/audit?entity=network_link').expect(200);
      const mine = audit.body.items.filter(
        (e: { after: { employerId: string } }) => e.after?.employerId === employerId,
      );
      expect(mine.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
      expect(mine[0].before.until).toBeNull();
      expect(mine[0].after.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });
});
