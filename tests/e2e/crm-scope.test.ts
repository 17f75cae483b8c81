import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

type Role = 'admin' | 'coordinator' | 'account_manager' | 'wsp_staff';
const REGIONAL_ROLES: Role[] = ['coordinator', 'account_manager', 'wsp_staff'];

/** Records of one region, made by a user of that region. */
interface RegionRecords {
  regionId: string;
  employer: string;
  contact: string;
  sw: string;
}

describe('Region scope and the role table on CRM endpoints', () => {
  let testApp: TestApp;
  let admin: TestUser;
  const users: Record<string, Record<string, TestUser>> = { A: {}, B: {} };
  const records: Record<'A' | 'B', RegionRecords> = {} as Record<'A' | 'B', RegionRecords>;
  let kvkSeq = 60000000;
  const as = (user: TestUser) => authed(testApp, user.token);

  async function seed(user: TestUser, region: string): Promise<RegionRecords> {
    const employer = await as(user)
      .post('/api/employers')
      .send({ name: `Werkgever ${region}`, kvkNumber: String(++kvkSeq), regionId: region })
      .expect(201);
    const contact = await as(user)
      .post(`/api/employers/${employer.body.id}/contacts`)
      .send({ lastName: 'Contact', emailBasis: 'consent' })
      .expect(201);
    const sw = await as(user)
      .post('/api/organisations')
      .send({ kind: 'sw_company', name: `SW ${region}`, regionId: region })
      .expect(201);
    await as(user)
      .post(`/api/organisations/${sw.body.id}/network`)
      .send({ employerId: employer.body.id, relation: 'detachering' })
      .expect(201);
    return { regionId: region, employer: employer.body.id, contact: contact.body.id, sw: sw.body.id };
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    const regionA = await regionId(testApp, 'AM25');
    const regionB = await regionId(testApp, 'AM01');
    admin = await createUser(testApp, { role: 'admin' });
    for (const role of REGIONAL_ROLES) {
      users.A[role] = await createUser(testApp, { role, regionCodes: ['AM25'] });
      users.B[role] = await createUser(testApp, { role, regionCodes: ['AM01'] });
    }
    records.A = await seed(users.A.wsp_staff, regionA);
    records.B = await seed(users.B.wsp_staff, regionB);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const pairs = REGIONAL_ROLES.flatMap((role) => [
    [role, 'A', 'B'],
    [role, 'B', 'A'],
  ]) as [Role, 'A' | 'B', 'A' | 'B'][];

  describe.each(pairs)('a %s of region %s', (role, own, other) => {
    const user = () => users[own][role];
    const b = () => records[other];

    it('should get 404 for region B’s employer, its contacts and its audit trail', async () => {
      const { employer, contact } = b();
      await as(user()).get(`/api/employers/${employer}`).expect(404);
      await as(user()).patch(`/api/employers/${employer}`).send({ city: 'Hack' }).expect(404);
      await as(user()).delete(`/api/employers/${employer}`).expect(404);
      await as(user()).get(`/api/employers/${employer}/contacts`).expect(404);
      await as(user()).post(`/api/employers/${employer}/contacts`).send({ lastName: 'X' }).expect(404);
      await as(user()).get(`/api/contacts/${contact}`).expect(404);
      await as(user()).patch(`/api/contacts/${contact}`).send({ role: 'x' }).expect(404);
      await as(user()).delete(`/api/contacts/${contact}`).expect(404);
      await as(user()).get(`/api/contacts/${contact}/basis-history`).expect(404);
      const audit = await as(user()).get(`/api/audit?entityId=${employer}`);
      expect(audit.status).toBe(role === 'coordinator' ? 404 : 403);
    });

    it('should get 404 for region B’s organisation and its network', async () => {
      const { sw, employer } = b();
      await as(user()).get(`/api/organisations/${sw}`).expect(404);
      await as(user()).patch(`/api/organisations/${sw}`).send({ name: 'x' }).expect(404);
      await as(user()).delete(`/api/organisations/${sw}`).expect(404);
      await as(user()).get(`/api/organisations/${sw}/contacts`).expect(404);
      await as(user()).get(`/api/organisations/${sw}/network`).expect(404);
      await as(user())
        .post(`/api/organisations/${sw}/network`)
        .send({ employerId: employer, relation: 'partner' })
        .expect(404);
      await as(user()).delete(`/api/organisations/${sw}/network/${employer}`).expect(404);
      // The user's own SW-bedrijf cannot take the other region's employer either.
      await as(user())
        .post(`/api/organisations/${records[own].sw}/network`)
        .send({ employerId: employer, relation: 'partner' })
        .expect(404);
    });

    it('should get 404 when a filter or body names region B', async () => {
      const { regionId: regionB, sw } = b();
      await as(user()).get(`/api/employers?regionId=${regionB}`).expect(404);
      await as(user()).get(`/api/employers/export.csv?regionId=${regionB}`).expect(404);
      await as(user()).get(`/api/employers?swCompanyId=${sw}`).expect(404);
      await as(user()).get(`/api/organisations?regionId=${regionB}`).expect(404);
      await as(user())
        .post('/api/employers')
        .send({ name: 'Indringer', kvkNumber: '99999999', regionId: regionB })
        .expect(404);
      await as(user()).post('/api/organisations').send({ kind: 'union', name: 'Bond', regionId: regionB }).expect(404);
      await as(user()).get(`/api/regions/${regionB}/settings`).expect(404);
      const patch = await as(user()).patch(`/api/regions/${regionB}/settings`).send({ pressureDays: 1 });
      expect(patch.status).toBe(role === 'coordinator' ? 404 : 403);
    });

    it('should see only its own region in lists and the export', async () => {
      const employers = await as(user()).get('/api/employers').expect(200);
      expect(employers.body.items.map((e: { id: string }) => e.id)).toEqual([records[own].employer]);
      const organisations = await as(user()).get('/api/organisations').expect(200);
      expect(organisations.body.items.map((o: { id: string }) => o.id)).toEqual([records[own].sw]);
      const csv = await as(user()).get('/api/employers/export.csv').expect(200);
      expect(csv.text).toContain(`Werkgever ${records[own].regionId}`);
      expect(csv.text).not.toContain(`Werkgever ${records[other].regionId}`);
      expect(csv.text.trim().split('\n')).toHaveLength(2);
    });

    it('should create, update and delete CRM records in its own region', async () => {
      const created = await as(user())
        .post('/api/employers')
        .send({ name: `Eigen ${role}`, kvkNumber: String(++kvkSeq), regionId: records[own].regionId })
        .expect(201);
      await as(user()).patch(`/api/employers/${created.body.id}`).send({ city: 'Breda' }).expect(200);
      const contact = await as(user())
        .post(`/api/employers/${created.body.id}/contacts`)
        .send({ lastName: 'Eigen' })
        .expect(201);
      await as(user()).patch(`/api/contacts/${contact.body.id}`).send({ role: 'HR' }).expect(200);
      await as(user()).delete(`/api/contacts/${contact.body.id}`).expect(204);
      await as(user()).delete(`/api/employers/${created.body.id}`).expect(204);
    });
  });

  it('should let only admins and coordinators read the audit log, coordinators only for their regions', async () => {
    await as(users.A.account_manager).get('/api/audit').expect(403);
    await as(users.A.wsp_staff).get('/api/audit').expect(403);
    const coordinator = await as(users.A.coordinator).get('/api/audit?pageSize=500').expect(200);
    const ids = new Set(coordinator.body.items.map((e: { entityId: string }) => e.entityId));
    expect(ids.has(records.A.employer)).toBe(true);
    expect(ids.has(records.B.employer)).toBe(false);
    expect(ids.has(records.B.contact)).toBe(false);
    await as(users.A.coordinator).get(`/api/audit?regionId=${records.B.regionId}`).expect(404);
    const all = await as(admin).get(`/api/audit?entityId=${records.B.employer}`).expect(200);
    expect(all.body.items[0]).toMatchObject({ entity: 'employer', action: 'create' });
    const own = await as(users.B.coordinator).get(`/api/audit?entityId=${records.B.contact}`).expect(200);
    expect(own.body.items[0]).toMatchObject({ entity: 'contact', entityId: records.B.contact });
  });

  it('should let admins and coordinators change region settings, and not the other roles', async () => {
    const regionA = records.A.regionId;
    await as(users.A.account_manager).patch(`/api/regions/${regionA}/settings`).send({ pressureDays: 3 }).expect(403);
    await as(users.A.wsp_staff).patch(`/api/regions/${regionA}/settings`).send({ pressureDays: 3 }).expect(403);
    await as(users.A.coordinator)
      .patch(`/api/regions/${regionA}/settings`)
      .send({ pressureDays: 3, closingDays: ['2027-12-31', '2027-05-05', '2027-05-05'] })
      .expect(200, { pressureDays: 3, closingDays: ['2027-05-05', '2027-12-31'] });
    await as(admin).patch(`/api/regions/${records.B.regionId}/settings`).send({ pressureDays: 0 }).expect(200);
    await as(users.A.wsp_staff)
      .get(`/api/regions/${regionA}/settings`)
      .expect(200, {
        pressureDays: 3,
        closingDays: ['2027-05-05', '2027-12-31'],
      });
    for (const body of [{ pressureDays: 366 }, { pressureDays: 1.5 }, { closingDays: ['2027-02-30'] }, { x: 1 }]) {
      await as(users.A.coordinator).patch(`/api/regions/${regionA}/settings`).send(body).expect(400);
    }
    await as(users.A.coordinator).get('/api/regions/AM25/settings').expect(400);
  });

  it('should list all 35 regions and the SBI sections to every signed-in role', async () => {
    for (const user of [admin, users.A.coordinator, users.A.account_manager, users.B.wsp_staff]) {
      const regions = await as(user).get('/api/regions?pageSize=500').expect(200);
      expect(regions.body.total).toBe(35);
      expect(regions.body.items[0]).toEqual({ id: expect.any(String), code: 'AM01', name: 'Groningen' });
    }
    const sections = await as(users.A.wsp_staff).get('/api/sbi-sections?version=2025&pageSize=500').expect(200);
    expect(sections.body.total).toBe(22);
    expect(sections.body.items).toContainEqual({ version: 2025, section: 'Q', name: expect.any(String) });
    const all = await as(users.A.wsp_staff).get('/api/sbi-sections').expect(200);
    expect(all.body.total).toBe(43);
    await as(users.A.wsp_staff).get('/api/sbi-sections?version=2010').expect(400);
    await as(users.A.wsp_staff).get('/api/regions?sort=population').expect(400);
  });

  it('should give an admin every region', async () => {
    const employers = await as(admin).get('/api/employers').expect(200);
    expect(employers.body.items.map((e: { id: string }) => e.id).sort()).toEqual(
      [records.A.employer, records.B.employer].sort(),
    );
    await as(admin).get(`/api/contacts/${records.B.contact}`).expect(200);
    await as(admin).get(`/api/organisations/${records.B.sw}/network`).expect(200);
  });

  it('should answer 404 to an admin when a body or list filter names a region that does not exist', async () => {
    const unknown = randomUUID();
    await as(admin)
      .post('/api/employers')
      .send({ name: 'Nergens BV', kvkNumber: '98989898', regionId: unknown })
      .expect(404);
    await as(admin).post('/api/organisations').send({ kind: 'union', name: 'Bond', regionId: unknown }).expect(404);
    const lists = ['employers', 'employers/export.csv', 'organisations', 'audit', 'stories', 'trajectories'];
    for (const list of lists) {
      const response = await as(admin).get(`/api/${list}?regionId=${unknown}`);
      expect({ list, status: response.status }).toEqual({ list, status: 404 });
    }
    const known = await as(admin).get(`/api/employers?regionId=${records.A.regionId}`).expect(200);
    expect(known.body.items.map((e: { id: string }) => e.id)).toContain(records.A.employer);
  });

  it('should answer 401 without a token, before anything else', async () => {
    const server = testApp.app.getHttpServer();
    for (const path of ['/api/employers', '/api/regions', `/api/contacts/${records.A.contact}`, '/api/audit']) {
      await request(server).get(path).expect(401);
    }
    await request(server).post('/api/employers').send({ colour: 'x' }).expect(401);
  });

  it('should have left region B’s records untouched by every refused request', async () => {
    const [row] = (await testApp.app
      .get(DataSource)
      .query(`SELECT name, city FROM organisations WHERE id = $1`, [records.B.employer])) as {
      name: string;
      city: string | null;
    }[];
    expect(row).toEqual({ name: `Werkgever ${records.B.regionId}`, city: null });
    await as(admin).get(`/api/contacts/${records.B.contact}`).expect(200);
    const network = await as(admin).get(`/api/organisations/${records.B.sw}/network`).expect(200);
    expect(network.body.items).toEqual([expect.objectContaining({ employerId: records.B.employer, until: null })]);
  });
});
