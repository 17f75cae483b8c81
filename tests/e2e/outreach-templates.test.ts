import { DataSource } from 'typeorm';
import { SystemClock } from '@app/core';
import { todayInAmsterdam } from '@app/crm';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { campaignBody, insertSegment } from './outreach-campaigns-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Template {
  id: string;
  regionId: string | null;
  name: string;
  version: number;
  subject: string;
  html: string;
  text: string | null;
}

describe('Outreach templates over HTTP', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let am25: string;
  let am01: string;
  let admin: TestUser;
  let coordinator: TestUser;
  let manager: TestUser;
  let staff: TestUser;
  let elsewhere: TestUser;
  let contactId: string;
  let seq = 0;
  const as = (user: TestUser) => authed(testApp, user.token);
  const body = (extra: Record<string, unknown> = {}) => ({
    regionId: am25,
    name: `Kennismaking ${++seq}`,
    subject: 'Praktijkleren bij {{employer.name}}?',
    html: '<p>Beste {{contact.firstName}},</p>\n<p>Groet, {{sender.name}}</p>',
    ...extra,
  });
  /** The first sink message with this subject (others may arrive in any order). */
  const waitForSubject = async (subject: string) => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const found = sink.messages.find((m) => m.parsed.subject === subject);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`No message "${subject}" arrived; got ${sink.messages.map((m) => m.parsed.subject).join(', ')}`);
  };
  const create = async (user: TestUser, extra: Record<string, unknown> = {}) =>
    (await as(user).post('/api/templates').send(body(extra)).expect(201)).body as Template;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url });
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    admin = await createUser(testApp, { role: 'admin' });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Anna de Vries' });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM01'] });

    await as(coordinator)
      .post('/api/organisations')
      .send({ kind: 'wsp', name: 'WSP Zaanstreek', regionId: am25, postalAddress: 'Postbus 1, 1500 AA Zaandam' })
      .expect(201);
    const employer = (
      await as(manager)
        .post('/api/employers')
        .send({ name: 'Bakkerij <Jansen>', kvkNumber: '41000001', regionId: am25, sbiCode: '10711', city: 'Zaandam' })
        .expect(201)
    ).body as { id: string };
    contactId = (
      await as(manager)
        .post(`/api/employers/${employer.id}/contacts`)
        .send({ firstName: '<script>alert(1)</script>', lastName: 'Jansen', email: 'piet@bakkerij.example' })
        .expect(201)
    ).body.id;
    const storyEmployer = (
      await as(manager)
        .post('/api/employers')
        .send({ name: 'Banketbakker Smit', kvkNumber: '41000002', regionId: am25, sbiCode: '10712' })
        .expect(201)
    ).body as { id: string };
    await as(manager)
      .post('/api/stories')
      .send({
        employerId: storyEmployer.id,
        title: 'Van leerbaan naar vaste baan',
        summary: 'Twee medewerkers haalden hun praktijkverklaring.',
        quote: 'Het werkt gewoon.',
        consentAt: todayInAmsterdam(new SystemClock()),
        published: true,
      })
      .expect(201);
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  describe('versions', () => {
    it('should create version 1 and add a version when the subject, html or text changes', async () => {
      const created = await create(manager);
      expect(created).toMatchObject({ regionId: am25, version: 1, text: null });

      const patched = await as(manager)
        .patch(`/api/templates/${created.id}`)
        .send({ subject: 'Nieuw: {{employer.name}}' })
        .expect(200);
      expect(patched.body).toMatchObject({ version: 2, subject: 'Nieuw: {{employer.name}}', html: created.html });
      await as(manager).patch(`/api/templates/${created.id}`).send({ text: 'Hallo {{contact.firstName}}' }).expect(200);

      const versions = await as(manager).get(`/api/templates/${created.id}/versions`).expect(200);
      expect(versions.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
      expect(versions.body.items.map((v: Template) => [v.version, v.subject, v.text])).toEqual([
        [3, 'Nieuw: {{employer.name}}', 'Hallo {{contact.firstName}}'],
        [2, 'Nieuw: {{employer.name}}', null],
        [1, 'Praktijkleren bij {{employer.name}}?', null],
      ]);
      const first = await as(manager).get(`/api/templates/${created.id}/versions/1`).expect(200);
      expect(first.body).toMatchObject({ version: 1, subject: created.subject });
    });

    it('should keep the version when only the name changes or the sources are sent unchanged', async () => {
      const created = await create(manager);
      const renamed = await as(manager).patch(`/api/templates/${created.id}`).send({ name: 'Anders' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Anders', version: 1 });
      const same = await as(manager)
        .patch(`/api/templates/${created.id}`)
        .send({ subject: created.subject, html: created.html })
        .expect(200);
      expect(same.body.version).toBe(1);
    });

    it('should refuse a second template with the same name in a region', async () => {
      const created = await create(manager);
      const response = await as(manager)
        .post('/api/templates')
        .send(body({ name: created.name.toUpperCase() }));
      expect(response.status).toBe(409);
    });
  });

  describe('validation', () => {
    it('should answer 422 with the field and line when a template uses an unknown variable', async () => {
      const response = await as(manager)
        .post('/api/templates')
        .send(body({ html: '<p>Beste</p>\n<p>x</p>\n<p>{{contact.email}}</p>' }))
        .expect(422);
      expect(response.body.details).toEqual([{ field: 'html', line: 3, problem: 'unknown variable "contact.email"' }]);
    });

    it('should answer 422 with the line when a template does not compile, uses raw output or an unknown helper', async () => {
      const broken = await as(manager)
        .post('/api/templates')
        .send(body({ html: 'a\n{{#if x}}' }))
        .expect(422);
      expect(broken.body.details[0]).toMatchObject({ field: 'html', line: expect.any(Number) });
      expect(broken.body.details[0].problem).toMatch(/^does not compile/);

      const raw = await as(manager)
        .post('/api/templates')
        .send(body({ subject: '{{{employer.name}}}' }))
        .expect(422);
      expect(raw.body.details[0]).toMatchObject({ field: 'subject', line: 1, problem: expect.stringContaining('raw') });

      const helper = await as(manager)
        .post('/api/templates')
        .send(body({ text: 'x\n\n{{shout contact.firstName}}' }))
        .expect(422);
      expect(helper.body.details).toEqual([{ field: 'text', line: 3, problem: 'unknown helper "shout"' }]);
    });

    it('should answer 422 and keep the old version when a patch breaks the template', async () => {
      const created = await create(manager);
      await as(manager).patch(`/api/templates/${created.id}`).send({ html: '{{> footer}}' }).expect(422);
      const current = await as(manager).get(`/api/templates/${created.id}`).expect(200);
      expect(current.body).toMatchObject({ version: 1, html: created.html });
    });

    it('should answer 400 when a required field is missing', async () => {
      const { regionId: _r, ...noRegion } = body();
      expect((await as(manager).post('/api/templates').send(noRegion)).status).toBe(400);
      expect(
        (
          await as(manager)
            .post('/api/templates')
            .send(body({ html: '  ' }))
        ).status,
      ).toBe(400);
    });
  });

  describe('history', () => {
    it('should refuse to change a stored version when anything tries to rewrite it in the database', async () => {
      const template = await create(manager);
      await expect(
        testApp.app
          .get(DataSource)
          .query(`UPDATE template_versions SET html = 'x' WHERE template_id = $1`, [template.id]),
      ).rejects.toThrow(/immutable/);
    });

    it('should audit creation and every change when a template is written', async () => {
      const template = await create(manager);
      await as(manager).patch(`/api/templates/${template.id}`).send({ subject: 'Anders' }).expect(200);
      const audit = await as(coordinator)
        .get('/api/audit')
        .query({ entity: 'template', entityId: template.id })
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    });
  });

  describe('national templates and scope', () => {
    it('should let an admin make a national template that every region can read but only admins change', async () => {
      const national = await create(admin, { regionId: null });
      expect(national.regionId).toBeNull();

      await as(elsewhere).get(`/api/templates/${national.id}`).expect(200);
      const list = await as(coordinator).get('/api/templates').query({ national: 'true', pageSize: 500 }).expect(200);
      expect(list.body.items.map((t: Template) => t.id)).toContain(national.id);
      await as(coordinator).patch(`/api/templates/${national.id}`).send({ name: 'Mine' }).expect(403);
      await as(coordinator).delete(`/api/templates/${national.id}`).expect(403);
    });

    it('should answer 403 when a non-admin asks for a national template', async () => {
      await as(coordinator)
        .post('/api/templates')
        .send(body({ regionId: null }))
        .expect(403);
    });

    it("should answer 404 for another region's template and for a regionId outside the caller's regions", async () => {
      const template = await create(manager);
      await as(elsewhere).get(`/api/templates/${template.id}`).expect(404);
      await as(elsewhere).patch(`/api/templates/${template.id}`).send({ name: 'x' }).expect(404);
      await as(elsewhere).post(`/api/templates/${template.id}/preview`).send({}).expect(404);
      await as(elsewhere)
        .post('/api/templates')
        .send(body({ regionId: am25 }))
        .expect(404);
      await as(manager)
        .post('/api/templates')
        .send(body({ regionId: am01 }))
        .expect(404);
      await as(manager).get(`/api/templates/${UNKNOWN_ID}`).expect(404);
      await as(manager).get('/api/templates/not-a-uuid').expect(400);

      const list = await as(elsewhere).get('/api/templates').query({ pageSize: 500 }).expect(200);
      expect(list.body.items.map((t: Template) => t.id)).not.toContain(template.id);
    });

    it('should delete a template with its versions when asked by its region', async () => {
      const template = await create(manager);
      await as(manager).delete(`/api/templates/${template.id}`).expect(204);
      await as(manager).get(`/api/templates/${template.id}`).expect(404);
    });

    it('should refuse to delete a template when a campaign uses it', async () => {
      const template = await create(manager);
      const segmentId = await insertSegment(testApp, am25);
      await as(manager)
        .post('/api/campaigns')
        .send(campaignBody(am25, segmentId, template.id))
        .expect(201);

      const response = await as(manager).delete(`/api/templates/${template.id}`).expect(409);

      expect(response.body.message).toMatch(/used by a campaign/);
      await as(manager).get(`/api/templates/${template.id}`).expect(200);
    });
  });

  describe('preview', () => {
    it('should render against a real contact with escaped values, the story and the footer', async () => {
      const template = await create(manager, {
        html: '<p>Beste {{contact.firstName}} van {{employer.name}},</p>{{> story}}',
      });
      const response = await as(manager).post(`/api/templates/${template.id}/preview`).send({ contactId }).expect(200);

      expect(response.body.subject).toBe('Praktijkleren bij Bakkerij <Jansen>?');
      expect(response.body.html).toContain('Beste &lt;script&gt;alert(1)&lt;/script&gt; van Bakkerij &lt;Jansen&gt;,');
      expect(response.body.html).not.toContain('<script>');
      expect(response.body.html).toContain('<strong>Van leerbaan naar vaste baan</strong>');
      expect(response.body.html).toContain('WSP Zaanstreek &middot; Postbus 1, 1500 AA Zaandam');
      expect(response.body.html).toContain(`href="${testApp.config.publicUrl}/u/preview"`);
      expect(response.body.text).toContain('Beste <script>alert(1)</script> van Bakkerij <Jansen>,');
      expect(response.body.text).toContain('Afmelden: ');
    });

    it('should render placeholder values when no contact is given', async () => {
      const template = await create(manager);
      const response = await as(manager).post(`/api/templates/${template.id}/preview`).send({}).expect(200);
      expect(response.body.html).toContain('Beste Voornaam,');
      expect(response.body.html).toContain('Groet, Anna de Vries');
    });

    it("should answer 404 when the contact is outside the caller's regions", async () => {
      const template = await create(admin, { regionId: null });
      await as(elsewhere).post(`/api/templates/${template.id}/preview`).send({ contactId }).expect(404);
    });
  });

  describe('test-send', () => {
    it("should mail the rendered template to the caller's own address through SMTP", async () => {
      const template = await create(manager, { subject: 'Hallo {{contact.firstName}}' });
      const accepted = await as(manager).post(`/api/templates/${template.id}/test-send`).send({}).expect(202);
      expect(accepted.body).toEqual({ templateId: template.id, version: 1, to: manager.email });

      const message = await waitForSubject('[TEST] Hallo Voornaam');
      expect(message.envelope.rcptTo).toEqual([manager.email]);
      expect(message.parsed.to && !Array.isArray(message.parsed.to) && message.parsed.to.value[0].address).toBe(
        manager.email,
      );
      expect(message.parsed.html).toContain('<a href="');
      expect(message.parsed.html).toContain('/u/preview">Afmelden</a>');
      expect(message.parsed.text).toContain('Afmelden: ');
    });

    it('should render a real contact but still mail only the caller when a contactId is given', async () => {
      const template = await create(manager, {
        subject: 'Voor {{employer.name}}',
        html: '<p>{{contact.firstName}}</p>',
      });
      await as(manager).post(`/api/templates/${template.id}/test-send`).send({ contactId }).expect(202);

      const message = await waitForSubject('[TEST] Voor Bakkerij <Jansen>');
      expect(message.envelope.rcptTo).toEqual([manager.email]);
      expect(message.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(sink.messages.some((m) => m.envelope.rcptTo.includes('piet@bakkerij.example'))).toBe(false);
    });

    it('should answer 400 when the test is addressed to someone else', async () => {
      const template = await create(manager);
      const response = await as(manager)
        .post(`/api/templates/${template.id}/test-send`)
        .send({ to: 'someone@elsewhere.example' })
        .expect(400);
      expect(response.body.details[0].field).toBe('to');
    });
  });

  describe('roles', () => {
    it('should let wsp_staff read templates but not write, preview or test-send them', async () => {
      const template = await create(manager);
      await as(staff).get('/api/templates').expect(200);
      await as(staff).get(`/api/templates/${template.id}`).expect(200);
      await as(staff).post('/api/templates').send(body()).expect(403);
      await as(staff).patch(`/api/templates/${template.id}`).send({ name: 'x' }).expect(403);
      await as(staff).delete(`/api/templates/${template.id}`).expect(403);
      await as(staff).post(`/api/templates/${template.id}/preview`).send({}).expect(403);
      await as(staff).post(`/api/templates/${template.id}/test-send`).send({}).expect(403);
    });

    it('should let a coordinator create, preview and test-send templates of the region', async () => {
      const template = await create(coordinator);
      await as(coordinator).post(`/api/templates/${template.id}/preview`).send({ contactId }).expect(200);
      await as(coordinator).post(`/api/templates/${template.id}/test-send`).send({ to: coordinator.email }).expect(202);
    });
  });
});
