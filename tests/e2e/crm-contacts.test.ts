import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Contact {
  id: string;
  lastName: string;
  primary: boolean;
}

describe('Contacts over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let user: TestUser;
  let coordinator: TestUser;
  let kvkSeq = 50000000;
  const as = (who: TestUser) => authed(testApp, who.token);
  const contactCount = async () =>
    ((await testApp.app.get(DataSource).query(`SELECT count(*)::int AS n FROM contacts`)) as { n: number }[])[0].n;
  const newEmployer = async (name = 'Werkgever') =>
    (
      await as(user)
        .post('/api/employers')
        .send({ name, kvkNumber: String(++kvkSeq), regionId: am25 })
        .expect(201)
    ).body.id as string;
  const addContact = async (employerId: string, body: Record<string, unknown>) =>
    (await as(user).post(`/api/employers/${employerId}/contacts`).send(body).expect(201)).body as Contact;
  const contactsOf = async (employerId: string) =>
    (await as(user).get(`/api/employers/${employerId}/contacts`).expect(200)).body.items as Contact[];

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    user = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('CRUD', () => {
    it('should create a contact in the organisation’s region with normalised fields', async () => {
      const employerId = await newEmployer();
      const response = await as(user)
        .post(`/api/employers/${employerId}/contacts`)
        .send({
          firstName: ' Anna ',
          lastName: 'de Vries',
          email: 'anna@devries.nl',
          phone: '06 12345678',
          role: 'HR-manager',
          emailBasis: 'consent',
          emailBasisSource: 'Werkgeversontbijt',
          emailBasisEvidence: 'Aanmeldformulier',
        })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        organisationId: employerId,
        regionId: am25,
        firstName: 'Anna',
        lastName: 'de Vries',
        email: 'anna@devries.nl',
        phone: '+31612345678',
        role: 'HR-manager',
        primary: true,
        emailBasis: 'consent',
        emailBasisSource: 'Werkgeversontbijt',
        emailBasisEvidence: 'Aanmeldformulier',
        emailBasisAt: expect.any(String),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('should keep contacts on partner organisations too, and refuse the other side’s path', async () => {
      const sw = await as(user)
        .post('/api/organisations')
        .send({ kind: 'sw_company', name: 'Werkbedrijf', regionId: am25 })
        .expect(201);
      const employerId = await newEmployer();
      const contact = await as(user)
        .post(`/api/organisations/${sw.body.id}/contacts`)
        .send({ lastName: 'Jansen' })
        .expect(201);
      expect(contact.body).toMatchObject({ organisationId: sw.body.id, primary: true });
      const list = await as(user).get(`/api/organisations/${sw.body.id}/contacts`).expect(200);
      expect(list.body).toMatchObject({ total: 1, items: [{ lastName: 'Jansen' }] });
      await as(user).post(`/api/organisations/${employerId}/contacts`).send({ lastName: 'X' }).expect(404);
      await as(user).post(`/api/employers/${sw.body.id}/contacts`).send({ lastName: 'X' }).expect(404);
      await as(user).get(`/api/employers/${sw.body.id}/contacts`).expect(404);
    });

    it('should read, update and delete a contact', async () => {
      const employerId = await newEmployer();
      const contact = await addContact(employerId, { lastName: 'Bakker', email: 'b@bakker.nl' });
      await as(user).get(`/api/contacts/${contact.id}`).expect(200);
      const updated = await as(user)
        .patch(`/api/contacts/${contact.id}`)
        .send({ firstName: 'Bert', phone: '+32 2 555 12 12', email: null })
        .expect(200);
      expect(updated.body).toMatchObject({ firstName: 'Bert', phone: '+3225551212', email: null });
      await as(user).delete(`/api/contacts/${contact.id}`).expect(204);
      await as(user).get(`/api/contacts/${contact.id}`).expect(404);
    });

    it('should list contacts primary first, with sort and paging', async () => {
      const employerId = await newEmployer();
      await addContact(employerId, { lastName: 'Visser' });
      await addContact(employerId, { lastName: 'Akkerman' });
      await addContact(employerId, { lastName: 'Mulder' });
      expect((await contactsOf(employerId)).map((c) => c.lastName)).toEqual(['Visser', 'Akkerman', 'Mulder']);
      const sorted = await as(user).get(`/api/employers/${employerId}/contacts?sort=-lastName&pageSize=2&page=1`);
      expect(sorted.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(sorted.body.items.map((c: Contact) => c.lastName)).toEqual(['Visser', 'Mulder']);
      await as(user).get(`/api/employers/${employerId}/contacts?sort=phone`).expect(400);
    });
  });

  describe('primary contact', () => {
    it('should make the first contact primary and keep it when later contacts are added', async () => {
      const employerId = await newEmployer();
      const first = await addContact(employerId, { lastName: 'Eerste', primary: false });
      const second = await addContact(employerId, { lastName: 'Tweede' });
      expect([first.primary, second.primary]).toEqual([true, false]);
    });

    it('should move the primary mark in one step when another contact is marked primary', async () => {
      const employerId = await newEmployer();
      const first = await addContact(employerId, { lastName: 'Eerste' });
      const second = await addContact(employerId, { lastName: 'Tweede', primary: true });
      expect(second.primary).toBe(true);
      let primaries = (await contactsOf(employerId)).filter((c) => c.primary).map((c) => c.id);
      expect(primaries).toEqual([second.id]);
      await as(user).patch(`/api/contacts/${first.id}`).send({ primary: true }).expect(200);
      primaries = (await contactsOf(employerId)).filter((c) => c.primary).map((c) => c.id);
      expect(primaries).toEqual([first.id]);
    });

    it('should answer 409 when the primary contact is unmarked without a successor', async () => {
      const employerId = await newEmployer();
      const only = await addContact(employerId, { lastName: 'Enige' });
      const response = await as(user).patch(`/api/contacts/${only.id}`).send({ primary: false }).expect(409);
      expect(response.body.details).toEqual([{ field: 'primary', problem: expect.any(String) }]);
    });

    it('should promote the oldest remaining contact when the primary one is deleted', async () => {
      const employerId = await newEmployer();
      const first = await addContact(employerId, { lastName: 'Eerste' });
      const second = await addContact(employerId, { lastName: 'Tweede' });
      await addContact(employerId, { lastName: 'Derde' });
      await as(user).delete(`/api/contacts/${first.id}`).expect(204);
      const primaries = (await contactsOf(employerId)).filter((c) => c.primary).map((c) => c.id);
      expect(primaries).toEqual([second.id]);
    });
  });

  describe('e-mail basis history', () => {
    it('should keep every change of basis, including clearing it, newest first', async () => {
      const employerId = await newEmployer();
      const contact = await addContact(employerId, {
        lastName: 'Smit',
        email: 'smit@example.nl',
        emailBasis: 'published_for_purpose',
        emailBasisSource: 'Website, pagina samenwerken',
      });
      await as(coordinator)
        .patch(`/api/contacts/${contact.id}`)
        .send({ emailBasis: 'consent', emailBasisEvidence: 'Mail van 3 maart' })
        .expect(200);
      await as(user).patch(`/api/contacts/${contact.id}`).send({ role: 'Directeur' }).expect(200);
      const cleared = await as(user).patch(`/api/contacts/${contact.id}`).send({ emailBasis: null }).expect(200);
      expect(cleared.body).toMatchObject({
        emailBasis: null,
        emailBasisSource: null,
        emailBasisEvidence: null,
        emailBasisAt: null,
      });

      const history = await as(user).get(`/api/contacts/${contact.id}/basis-history`).expect(200);
      expect(history.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
      expect(history.body.items).toEqual([
        { basis: null, source: null, evidence: null, at: expect.any(String), by: user.id },
        {
          basis: 'consent',
          source: 'Website, pagina samenwerken',
          evidence: 'Mail van 3 maart',
          at: expect.any(String),
          by: coordinator.id,
        },
        {
          basis: 'published_for_purpose',
          source: 'Website, pagina samenwerken',
          evidence: null,
          at: expect.any(String),
          by: user.id,
        },
      ]);
      const times = history.body.items.map((h: { at: string }) => Date.parse(h.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('should answer 400 when a basis source comes without a basis', async () => {
      const employerId = await newEmployer();
      const response = await as(user)
        .post(`/api/employers/${employerId}/contacts`)
        .send({ lastName: 'Zonder', emailBasisSource: 'Beurs' })
        .expect(400);
      expect(response.body.details).toEqual([{ field: 'emailBasisSource', problem: 'needs an emailBasis' }]);
    });
  });

  describe('bad input', () => {
    it.each([
      ['lastName', {}],
      ['lastName', { lastName: '  ' }],
      ['email', { lastName: 'X', email: 'geen adres' }],
      ['phone', { lastName: 'X', phone: '123' }],
      ['emailBasis', { lastName: 'X', emailBasis: 'legitimate_interest' }],
      ['primary', { lastName: 'X', primary: 'yes' }],
      ['nickname', { lastName: 'X', nickname: 'Xie' }],
    ])('should answer 400 naming %s and write nothing', async (field, body) => {
      const employerId = await newEmployer();
      const before = await contactCount();
      const response = await as(user).post(`/api/employers/${employerId}/contacts`).send(body).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await contactCount()).toBe(before);
    });

    it('should answer 409 for an e-mail address another contact of the organisation has', async () => {
      const employerId = await newEmployer();
      await addContact(employerId, { lastName: 'Info', email: 'info@firma.nl' });
      const before = await contactCount();
      const response = await as(user)
        .post(`/api/employers/${employerId}/contacts`)
        .send({ lastName: 'Ander', email: 'INFO@firma.nl' })
        .expect(409);
      expect(response.body.details).toEqual([{ field: 'email', problem: expect.any(String) }]);
      expect(await contactCount()).toBe(before);
      await addContact(await newEmployer(), { lastName: 'Elders', email: 'info@firma.nl' });
    });

    it('should change nothing when an update is invalid', async () => {
      const employerId = await newEmployer();
      const contact = await addContact(employerId, { lastName: 'Vast', emailBasis: 'consent' });
      await as(user).patch(`/api/contacts/${contact.id}`).send({ emailBasis: 'maybe', lastName: 'Nieuw' }).expect(400);
      const reread = await as(user).get(`/api/contacts/${contact.id}`).expect(200);
      expect(reread.body).toMatchObject({ lastName: 'Vast', emailBasis: 'consent' });
      const history = await as(user).get(`/api/contacts/${contact.id}/basis-history`).expect(200);
      expect(history.body.total).toBe(1);
    });

    it('should answer 400 for a malformed id and 404 for an unknown one', async () => {
      for (const path of ['/api/contacts/1', '/api/contacts/1/basis-history', '/api/employers/1/contacts']) {
        await as(user).get(path).expect(400);
      }
      for (const path of [`/api/contacts/${UNKNOWN_ID}`, `/api/contacts/${UNKNOWN_ID}/basis-history`]) {
        await as(user).get(path).expect(404);
      }
      await as(user).patch(`/api/contacts/${UNKNOWN_ID}`).send({ role: 'x' }).expect(404);
      await as(user).delete(`/api/contacts/${UNKNOWN_ID}`).expect(404);
      await as(user).post(`/api/employers/${UNKNOWN_ID}/contacts`).send({ lastName: 'X' }).expect(404);
    });
  });

  describe('audit', () => {
    it('should audit contact changes, and deleting an employer audits its contacts', async () => {
      const employerId = await newEmployer('Wordt verwijderd');
      const contact = await addContact(employerId, { lastName: 'Weg' });
      await as(user).patch(`/api/contacts/${contact.id}`).send({ role: 'Eigenaar' }).expect(200);
      await as(user).delete(`/api/employers/${employerId}`).expect(204);
      await as(user).get(`/api/contacts/${contact.id}`).expect(404);
      const audit = await as(coordinator).get(`/api/audit?entity=contact&entityId=${contact.id}`).expect(200);
      expect(audit.body.items).toMatchObject([
        { action: 'delete', before: { lastName: 'Weg', role: 'Eigenaar' }, after: null },
        { action: 'update', before: { role: null }, after: { role: 'Eigenaar' } },
        { action: 'create', before: null, after: { lastName: 'Weg', organisationId: employerId } },
      ]);
    });
  });
});
