import { jest } from '@jest/globals';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `POST /api/templates/:id/preview` with draft parts: the editor's unsaved subject, html and text are
 * rendered (for a live preview), checked like a save, and nothing is stored.
 */
// Starting the app on a busy machine can take a while.
jest.setTimeout(60000);

describe('Template preview of an unsaved draft', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let manager: TestUser;
  let otherManager: TestUser;
  let staff: TestUser;
  let contactId: string;
  let otherContactId: string;
  let templateId: string;
  let otherTemplateId: string;
  let nationalId: string;
  const as = (user: TestUser) => authed(testApp, user.token);
  const preview = (user: TestUser, body: Record<string, unknown>, id = templateId) =>
    as(user).post(`/api/templates/${id}/preview`).send(body);

  beforeAll(async () => {
    testApp = await startTestApp();
    const am25 = await regionId(testApp, 'AM25');
    const am01 = await regionId(testApp, 'AM01');
    admin = await createUser(testApp, { role: 'admin' });
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Anna de Vries' });
    otherManager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM01'] });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const employer = (
      await as(manager)
        .post('/api/employers')
        .send({ name: 'Bakkerij Jansen', kvkNumber: '41000011', regionId: am25, city: 'Zaandam' })
        .expect(201)
    ).body as { id: string };
    contactId = (
      await as(manager)
        .post(`/api/employers/${employer.id}/contacts`)
        .send({ firstName: 'Piet', lastName: 'Jansen', email: 'piet@bakkerij.example' })
        .expect(201)
    ).body.id;
    templateId = (
      await as(manager)
        .post('/api/templates')
        .send({ regionId: am25, name: 'Kennismaking', subject: 'Opgeslagen', html: '<p>Opgeslagen tekst</p>' })
        .expect(201)
    ).body.id;

    // Another region's employer, contact and template, and a national template.
    const otherEmployer = (
      await as(otherManager)
        .post('/api/employers')
        .send({ name: 'Garage Elders', kvkNumber: '41000012', regionId: am01, city: 'Elders' })
        .expect(201)
    ).body as { id: string };
    otherContactId = (
      await as(otherManager)
        .post(`/api/employers/${otherEmployer.id}/contacts`)
        .send({ firstName: 'Kees', lastName: 'Elders', email: 'kees@garage.example' })
        .expect(201)
    ).body.id;
    otherTemplateId = (
      await as(otherManager)
        .post('/api/templates')
        .send({ regionId: am01, name: 'Elders', subject: 'Elders', html: '<p>Elders</p>' })
        .expect(201)
    ).body.id;
    nationalId = (
      await as(admin)
        .post('/api/templates')
        .send({ regionId: null, name: 'Landelijk', subject: 'Landelijk', html: '<p>Landelijk</p>' })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should render the draft parts for a contact, taking the saved version for parts left out', async () => {
    const response = await preview(manager, {
      contactId,
      html: '<p>Beste {{contact.firstName}} uit {{employer.city}},</p>',
      text: 'Hallo {{contact.firstName}}',
    }).expect(200);
    expect(response.body.subject).toBe('Opgeslagen');
    expect(response.body.html).toContain('<p>Beste Piet uit Zaandam,</p>');
    expect(response.body.text).toMatch(/^Hallo Piet\n/);

    const subjectOnly = await preview(manager, { contactId, subject: 'Praktijkleren bij {{employer.name}}' }).expect(
      200,
    );
    expect(subjectOnly.body.subject).toBe('Praktijkleren bij Bakkerij Jansen');
    expect(subjectOnly.body.html).toContain('Opgeslagen tekst');
  });

  it('should generate the text from the draft html when the draft text is null or empty', async () => {
    for (const text of [null, '']) {
      const response = await preview(manager, { html: '<p>Alleen HTML {{contact.firstName}}</p>', text }).expect(200);
      expect(response.body.text).toMatch(/^Alleen HTML Voornaam\n/);
    }
  });

  it('should answer 422 with the line of a problem in the draft, and 400 for an empty part', async () => {
    const invalid = await preview(manager, { html: '<p>Beste,</p>\n<p>\n{{contact.shoeSize}}</p>' }).expect(422);
    expect(invalid.body.code).toBe('template.invalid');
    expect(invalid.body.details).toEqual([expect.objectContaining({ field: 'html', line: 3 })]);

    const empty = await preview(manager, { subject: '  ' }).expect(400);
    expect(empty.body.details).toEqual([expect.objectContaining({ field: 'subject' })]);
    await preview(manager, { html: '<p>x</p>', version: 1 }).expect(400);
  });

  it('should store nothing: the template keeps its version and sources', async () => {
    await preview(manager, { subject: 'Iets anders', html: '<p>Anders</p>' }).expect(200);
    const template = await as(manager).get(`/api/templates/${templateId}`).expect(200);
    expect(template.body).toMatchObject({ version: 1, subject: 'Opgeslagen', html: '<p>Opgeslagen tekst</p>' });
  });

  it('should answer 404 for a contact of another region, before any 400 or 422 of the draft', async () => {
    for (const draft of [
      { html: '<p>{{contact.firstName}}</p>' },
      { html: '{{contact.shoeSize}}' },
      { subject: ' ' },
    ]) {
      const response = await preview(manager, { contactId: otherContactId, ...draft }).expect(404);
      expect(response.body.details ?? []).toEqual([]);
    }
  });

  it("should answer 404 for a draft against another region's template", async () => {
    await preview(manager, { html: '<p>Hallo</p>' }, otherTemplateId).expect(404);
    await preview(manager, { html: '{{contact.shoeSize}}' }, otherTemplateId).expect(404);
  });

  it('should render a draft against a national template for an account manager and their contact', async () => {
    const response = await preview(
      manager,
      { contactId, html: '<p>Landelijk voor {{contact.firstName}}</p>' },
      nationalId,
    ).expect(200);
    expect(response.body.html).toContain('<p>Landelijk voor Piet</p>');
    expect(response.body.subject).toBe('Landelijk');
  });

  it('should not cache a draft: the saved version renders again when the body has no draft', async () => {
    await preview(manager, { contactId, html: '<p>Tijdelijk {{contact.firstName}}</p>' }).expect(200);
    const saved = await preview(manager, {}).expect(200);
    expect(saved.body.subject).toBe('Opgeslagen');
    expect(saved.body.html).toContain('<p>Opgeslagen tekst</p>');
    expect(saved.body.html).not.toContain('Tijdelijk');
  });

  it('should answer 400 naming the part that is over its size limit', async () => {
    const response = await preview(manager, { html: `<p>${'x'.repeat(200_000)}</p>` }).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'html' })]);
    const subject = await preview(manager, { subject: 'x'.repeat(501) }).expect(400);
    expect(subject.body.details).toEqual([expect.objectContaining({ field: 'subject' })]);
  });

  it('should keep the preview closed to wsp_staff, with or without a draft', async () => {
    await preview(staff, { html: '<p>x</p>' }).expect(403);
  });
});
