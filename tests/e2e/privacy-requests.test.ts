import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { DataSource } from 'typeorm';
import { EMPLOYER_CSV_COLUMNS, EmployerCsvRow } from '@app/crm';
import { InboundReceiver } from '@app/outreach';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import {
  ensureWsp,
  eventually,
  insertEmployer,
  insertTemplateVersion,
  query,
  runningCampaign,
} from './outreach-delivery-fixtures';

const DOMAIN = 'inbound.vliegwiel.test';

/** The person who asks to be forgotten: every way their data enters Vliegwiel is used below. */
const PERSON = {
  firstName: 'Henrieke',
  lastName: 'Zwanenburg',
  email: 'H.Zwanenburg@erase.example',
  phone: '+31612345678',
};
/** The phone as people write it in free text. */
const SPOKEN_PHONE = '06-12 34 56 78';
const TRACES = [
  PERSON.email.toLowerCase(),
  PERSON.firstName,
  PERSON.lastName,
  PERSON.phone,
  '0612345678',
  SPOKEN_PHONE,
];

/** A table's rows as one digest: equal digests mean nothing in the table changed. */
const DIGEST_TABLES = ['suppressions', 'activities', 'tasks', 'audit_log', 'send_ledger', 'contacts', 'enrolments'];

describe('Data-subject requests (AVG): export, rectify, restrict, object, erase', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let am25: string;
  let am01: string;
  let foreignEmployerId: string;
  let sent: { reply_token: string; message_id: string };
  let coordinator: TestUser;
  let manager: TestUser;
  let foreign: TestUser;
  let template: string;
  let employerId: string;
  let contactId: string;
  let campaignId: string;
  let kvk = 61000000 + Math.floor(Math.random() * 100000);

  const api = (user: TestUser = coordinator) => authed(testApp, user.token);
  const tag = () => `p-${randomBytes(4).toString('hex')}`;

  /** A segment of the employers with this tag, a one-e-mail campaign on it, launched and finished. */
  async function launchCampaign(employerTag: string): Promise<string> {
    const [{ id: segmentId }] = await query<{ id: string }>(
      testApp,
      `INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, $3::jsonb) RETURNING id`,
      [am25, `Segment ${employerTag}`, JSON.stringify({ all: [{ field: 'tag', op: 'eq', value: employerTag }] })],
    );
    const created = await api()
      .post('/api/campaigns')
      .send({
        name: `Campagne ${employerTag}`,
        regionId: am25,
        segmentId,
        sendWindow: null,
        steps: [{ type: 'email', templateId: template }],
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await api().post(`/api/campaigns/${id}/launch`).expect(202);
    await eventually(
      async () => ((await api().get(`/api/campaigns/${id}`)).body as { status: string }).status === 'completed',
      20_000,
      'campaign completed',
    );
    return id;
  }

  /** Every text-like and binary column of every table, searched for every trace of the person. */
  async function traces(): Promise<string[]> {
    const db = testApp.app.get(DataSource);
    const columns: { table_name: string; column_name: string; data_type: string }[] = await db.query(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
         AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'bytea')`,
    );
    const patterns = TRACES.map((trace) => `%${trace}%`);
    const hits: string[] = [];
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const value = type === 'bytea' ? `encode("${column}", 'escape')` : `"${column}"::text`;
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${value} ILIKE ANY($1)`, [
        patterns,
      ]);
      if (n > 0) hits.push(`${table}.${column}: ${n}`);
    }
    return hits;
  }

  /** One digest per table of DIGEST_TABLES: what a request that must change nothing is checked against. */
  async function digests(): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const table of DIGEST_TABLES) {
      const [{ digest }] = await query<{ digest: string }>(
        testApp,
        `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM ${table} t`,
      );
      result[table] = digest;
    }
    return result;
  }

  const campaignFigures = async (id: string) => ({
    campaign: (await api().get(`/api/campaigns/${id}`).expect(200)).body as { progress: object; stats: object },
    report: (await api().get(`/api/reports/campaigns/${id}`).expect(200)).body as { steps: object[] },
  });

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: DOMAIN, INBOUND_SMTP_PORT: '0' });
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'], name: 'Cor Dinator' });
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    foreign = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    await ensureWsp(testApp, am25);
    template = await insertTemplateVersion(testApp, am25, 'Samen praktijkleren?');

    // The person, through the API: contact with basis, a rectification, an activity and a task.
    const personTag = tag();
    const employer = await api()
      .post('/api/employers')
      .send({ name: 'Kwekerij De Zwaan', kvkNumber: String(kvk++), regionId: am25, tags: [personTag] })
      .expect(201);
    employerId = (employer.body as { id: string }).id;
    const contact = await api()
      .post(`/api/employers/${employerId}/contacts`)
      .send({
        firstName: PERSON.firstName,
        lastName: PERSON.lastName,
        email: PERSON.email,
        emailBasis: 'consent',
        emailBasisSource: 'Open dag 2026',
        emailBasisEvidence: `Formulier getekend door ${PERSON.firstName} ${PERSON.lastName}`,
      })
      .expect(201);
    contactId = (contact.body as { id: string }).id;
    await api().patch(`/api/contacts/${contactId}`).send({ phone: PERSON.phone, role: 'HR-adviseur' }).expect(200);
    await api()
      .post(`/api/employers/${employerId}/activities`)
      .send({ type: 'call', summary: `Gebeld met ${PERSON.firstName} ${PERSON.lastName} op 0612345678`, contactId })
      .expect(201);
    await api()
      .post('/api/tasks')
      .send({
        employerId,
        title: `Offerte sturen aan ${PERSON.firstName} ${PERSON.lastName}`,
        dueAt: '2027-03-25T10:00:00+01:00',
      })
      .expect(201);
    await api()
      .post(`/api/employers/${employerId}/activities`)
      .send({ type: 'note', summary: `Nieuw nummer: ${SPOKEN_PHONE}`, contactId })
      .expect(201);
    // The employer's own records name the person in full: a story quote and the reason of a stage change.
    await query(
      testApp,
      `INSERT INTO stories (employer_id, region_id, title, summary, quote) VALUES ($1, $2, 'Leerbaan', 'Twee plekken', $3)`,
      [employerId, am25, `"Het werkt", zegt ${PERSON.firstName} ${PERSON.lastName}.`],
    );
    await query(
      testApp,
      `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause, reason)
       VALUES ($1, $2, 'prospect', 'contacted', now(), 'manual', $3)`,
      [employerId, am25, `Gesprek met ${PERSON.firstName} ${PERSON.lastName}`],
    );
    // Another region knows the address too: an organisation lists it, the person mailed an employer there,
    // and a coordinator there suppressed it (with its audit entry); and someone tried to sign in with it.
    const foreignEmployer = await insertEmployer(testApp, am01, [`inkoop-${tag()}@am01.example`]);
    foreignEmployerId = foreignEmployer.employerId;
    await query(testApp, `UPDATE organisations SET email = $2, phone = $3 WHERE id = $1`, [
      foreignEmployerId,
      PERSON.email,
      SPOKEN_PHONE,
    ]);
    await query(
      testApp,
      `INSERT INTO inbound_messages (employer_id, kind, envelope_from, envelope_to, from_address, subject, raw,
                                     received_at, processed_at, result)
       VALUES ($1, 'reply', $2, $3, $2, 'Vacature AM01', convert_to($4, 'UTF8'), now(), now(), '{"matched": true}'::jsonb)`,
      [foreignEmployerId, PERSON.email.toLowerCase(), `reply+am01@${DOMAIN}`, `From: ${PERSON.email}\r\n\r\nAM01 only`],
    );
    await api(foreign)
      .post('/api/suppressions')
      .send({ email: PERSON.email, regionId: am01, reason: 'AM01: belde zelf af' })
      .expect(201);
    await query(testApp, `INSERT INTO login_failures (email, address) VALUES ($1, '192.0.2.7')`, [PERSON.email]);

    // A campaign mails the person, and they reply over SMTP.
    campaignId = await launchCampaign(personTag);
    [sent] = await query<{ reply_token: string; message_id: string }>(
      testApp,
      `SELECT reply_token, message_id FROM send_ledger WHERE contact_id = $1 AND status = 'sent'`,
      [contactId],
    );
    const port = testApp.app.get(InboundReceiver).port!;
    await nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }).sendMail({
      envelope: { from: PERSON.email, to: [`reply+${sent.reply_token}@${DOMAIN}`] },
      from: `${PERSON.firstName} ${PERSON.lastName} <${PERSON.email}>`,
      to: `reply+${sent.reply_token}@${DOMAIN}`,
      subject: 'Re: Samen praktijkleren?',
      inReplyTo: sent.message_id,
      text: `Bel me gerust: ${PERSON.phone}. Groet, ${PERSON.firstName}`,
    });
    // A bounce that matched no message of ours still names the address (as the person spelled it) in its raw text.
    await query(
      testApp,
      `INSERT INTO inbound_messages (kind, envelope_to, raw, received_at, processed_at, result)
       VALUES ('bounce', $1, convert_to($2, 'UTF8'), now(), now(), '{"matched": false}'::jsonb)`,
      [`reply+unknown@${DOMAIN}`, `Final-Recipient: rfc822; ${PERSON.email}\r\nStatus: 5.1.1\r\n`],
    );
    await query(
      testApp,
      `INSERT INTO inbound_messages (kind, envelope_to, raw, received_at, processed_at, result)
       VALUES ('bounce', $1, convert_to($2, 'UTF8'), now(), now(), '{"matched": false}'::jsonb)`,
      [`reply+unknown2@${DOMAIN}`, `Final-Recipient: rfc822; ${PERSON.email.toUpperCase()}\r\nStatus: 5.1.1\r\n`],
    );
    await eventually(
      async () =>
        (
          await query(testApp, `SELECT 1 FROM inbound_messages WHERE contact_id = $1 AND processed_at IS NOT NULL`, [
            contactId,
          ])
        ).length === 1,
      15_000,
      'the reply processed',
    );
  }, 60_000);

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should refuse with 403 when an account manager asks, and with 404 when the contact is outside the region or unknown', async () => {
    for (const request of ['restrict', 'object', 'erase']) {
      await api(manager).post(`/api/contacts/${contactId}/${request}`).expect(403);
      await api(foreign).post(`/api/contacts/${contactId}/${request}`).expect(404);
      await api().post(`/api/contacts/not-a-uuid/${request}`).expect(400);
      await api().post(`/api/contacts/00000000-0000-4000-8000-000000000000/${request}`).expect(404);
    }
    await api(manager).get(`/api/contacts/${contactId}/export`).expect(403);
    await api(foreign).get(`/api/contacts/${contactId}/export`).expect(404);
    expect(await query(testApp, `SELECT 1 FROM contact_privacy WHERE contact_id = $1`, [contactId])).toEqual([]);
  });

  it('should export everything held about the person in the caller regions as JSON, and as CSV when asked', async () => {
    const { body } = await api().get(`/api/contacts/${contactId}/export`).expect(200);

    expect(body.contact).toMatchObject({ id: contactId, lastName: PERSON.lastName, email: PERSON.email });
    expect(body.contact.phone).toBe(PERSON.phone);
    expect(body.emailBasisHistory).toEqual([expect.objectContaining({ basis: 'consent', source: 'Open dag 2026' })]);
    expect(body.enrolments).toEqual([expect.objectContaining({ campaignId, status: 'completed', exitReason: null })]);
    expect(body.sentMessages).toEqual([expect.objectContaining({ campaignId, to: PERSON.email.toLowerCase() })]);
    expect(body.inboundMessages).toEqual([
      expect.objectContaining({ kind: 'reply', from: PERSON.email.toLowerCase() }),
    ]);
    expect(body.inboundMessages[0].raw).toContain(PERSON.phone);
    // Another region's records of the same address (its suppression with its own reason, mail to its
    // employer) are not this caller's to see.
    expect(body.suppressions).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('AM01');
    expect(body.activities.map((a: { summary: string }) => a.summary)).toContain(
      `Gebeld met ${PERSON.firstName} ${PERSON.lastName} op 0612345678`,
    );
    // The rectification (PATCH) is in the person's audit trail with before and after.
    expect(body.auditLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'update',
          before: expect.objectContaining({ phone: null }),
          after: expect.objectContaining({ phone: PERSON.phone }),
        }),
      ]),
    );

    const csv = await api().get(`/api/contacts/${contactId}/export`).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\n')[0]).toBe('section,item,field,value');
    expect(csv.text).toContain(`contact,1,email,${PERSON.email}`);

    const audit = await api().get(`/api/audit?entity=contact&entityId=${contactId}`).expect(200);
    const exports = (audit.body.items as { action: string; after: object }[]).filter(
      (e) => e.action === 'privacy.export',
    );
    expect(exports).toHaveLength(2);
    expect(exports[0].after).toEqual({ request: 'export' });
  });

  it('should leave no name, address or phone in any column of any table and keep the campaign figures when erased', async () => {
    expect((await traces()).length).toBeGreaterThan(5);
    const before = await campaignFigures(campaignId);

    const { body } = await api().post(`/api/contacts/${contactId}/erase`).expect(200);

    expect(body).toMatchObject({ contactId, erasedAt: expect.any(String) });
    expect(await traces()).toEqual([]);
    expect(await campaignFigures(campaignId)).toEqual(before);
    // The reply came after the one-step campaign completed: the report counts it per step, from inbound mail.
    expect(before.campaign.stats).toMatchObject({ sent: 1 });
    expect(before.report).toMatchObject({ steps: [expect.objectContaining({ sent: 1, replied: 1 })] });
    const [suppression] = await query<{ email: string; source: string; region_id: string }>(
      testApp,
      `SELECT email, source, region_id FROM suppressions WHERE source = 'erasure'`,
    );
    // Every region: a re-import anywhere is recognised.
    expect(suppression).toMatchObject({ source: 'erasure', region_id: null });
    expect(suppression.email).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    // The other region's suppression holds on, as the hash.
    expect(
      await query(testApp, `SELECT source, reason FROM suppressions WHERE email = $1 AND region_id = $2`, [
        suppression.email,
        am01,
      ]),
    ).toEqual([{ source: 'manual', reason: 'AM01: belde zelf af' }]);
    const audit = await api().get(`/api/audit?entity=contact&entityId=${contactId}`).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'privacy.erase', by: coordinator.id });
    expect(audit.body.items[0].after).toMatchObject({ request: 'erase' });
    // The contact remains as a tombstone, so counts stay; the export says what is left.
    const exported = await api().get(`/api/contacts/${contactId}/export`).expect(200);
    expect(exported.body.contact).toMatchObject({ lastName: '[verwijderd]', email: null, phone: null });
  });

  it('should keep the address out of every table when a hard bounce for an erased person arrives late', async () => {
    const done = (
      await query<{ n: number }>(
        testApp,
        `SELECT count(*)::int AS n FROM inbound_messages WHERE processed_at IS NOT NULL`,
      )
    )[0].n;
    const port = testApp.app.get(InboundReceiver).port!;
    const raw = [
      'From: MAILER-DAEMON@mx.erase.example',
      `To: reply+${sent.reply_token}@${DOMAIN}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      `<${PERSON.email}>: user unknown`,
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.erase.example',
      '',
      `Final-Recipient: rfc822; ${PERSON.email}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 <${PERSON.email}>: user unknown`,
      '',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `To: ${PERSON.firstName} ${PERSON.lastName} <${PERSON.email}>`,
      `Message-ID: ${sent.message_id}`,
      '',
      '--B--',
      '',
    ].join('\r\n');

    await nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ envelope: { from: '', to: [`reply+${sent.reply_token}@${DOMAIN}`] }, raw });

    await eventually(
      async () =>
        (
          await query<{ n: number }>(
            testApp,
            `SELECT count(*)::int AS n FROM inbound_messages WHERE processed_at IS NOT NULL`,
          )
        )[0].n > done,
      15_000,
      'the bounce processed',
    );
    expect(await query(testApp, `SELECT status FROM send_ledger WHERE contact_id = $1`, [contactId])).toEqual([
      { status: 'bounced' },
    ]);
    expect(await traces()).toEqual([]);
  });

  it('should change nothing and refuse a rectification when a finished erasure is asked again', async () => {
    const erasedAt = (
      await query(testApp, `SELECT erased_at FROM contact_privacy WHERE contact_id = $1`, [contactId])
    )[0];
    const before = await digests();

    const { body } = await api().post(`/api/contacts/${contactId}/erase`).expect(200);

    expect(body).toMatchObject({ exitedEnrolments: 0, erasedAt: (erasedAt.erased_at as Date).toISOString() });
    expect(await digests()).toEqual(before);
    // The tombstone is not filled in again.
    const refused = await api().patch(`/api/contacts/${contactId}`).send({ email: 'nieuw@erase.example' }).expect(409);
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/erased/) });
    expect(await digests()).toEqual(before);
  });

  it('should not mail an erased address again when a CSV import brings it back and a campaign is launched', async () => {
    const mailsBefore = sink.messages.filter((m) => m.envelope.rcptTo.includes(PERSON.email.toLowerCase())).length;
    const importTag = tag();
    const row: EmployerCsvRow = {
      name: 'Kwekerij De Zwaan (import)',
      kvkNumber: String(kvk++),
      regionCode: 'AM25',
      tags: importTag,
      contactFirstName: PERSON.firstName,
      contactLastName: PERSON.lastName,
      contactEmail: PERSON.email,
      contactEmailBasis: 'consent',
      contactEmailBasisSource: 'Oude lijst',
    };
    const csv = `${EMPLOYER_CSV_COLUMNS.join(',')}\n${EMPLOYER_CSV_COLUMNS.map((c) => row[c] ?? '').join(',')}\n`;
    const upload = await api()
      .post('/api/imports/employers')
      .attach('file', Buffer.from(csv), { filename: 'werkgevers.csv', contentType: 'text/csv' })
      .expect(202);
    await eventually(
      async () =>
        ((await api().get(`/api/imports/${upload.body.importId}`)).body as { status: string }).status === 'completed',
      20_000,
      'import completed',
    );

    const id = await launchCampaign(importTag);

    const { body } = await api().get(`/api/campaigns/${id}`).expect(200);
    expect(body.progress).toMatchObject({
      audience: 1,
      enrolled: 0,
      skipped: expect.objectContaining({ suppressed: 1 }),
    });
    expect(sink.messages.filter((m) => m.envelope.rcptTo.includes(PERSON.email.toLowerCase()))).toHaveLength(
      mailsBefore,
    );
    // Restrict and object have nothing left to act on once the person is erased.
    await api().post(`/api/contacts/${contactId}/restrict`).expect(409);
  });

  it('should exit a running enrolment as restricted and skip the contact at the next launch when restricted', async () => {
    const restrictTag = tag();
    const employer = await insertEmployer(testApp, am25, [`r-${restrictTag}@restrict.example`]);
    await query(testApp, `UPDATE organisations SET tags = ARRAY[$1] WHERE id = $2`, [restrictTag, employer.employerId]);
    const running = await runningCampaign(testApp, {
      regionId: am25,
      senderId: coordinator.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [employer],
    });
    await query(testApp, `UPDATE enrolments SET next_step_at = now() + interval '30 days' WHERE campaign_id = $1`, [
      running,
    ]);

    const { body } = await api().post(`/api/contacts/${employer.contactIds[0]}/restrict`).expect(200);

    expect(body).toMatchObject({ restrictedAt: expect.any(String), exitedEnrolments: 1, erasedAt: null });
    expect(
      await query(testApp, `SELECT status, exit_reason FROM enrolments WHERE campaign_id = $1`, [running]),
    ).toEqual([{ status: 'exited', exit_reason: 'restricted' }]);
    const id = await launchCampaign(restrictTag);
    const launched = await api().get(`/api/campaigns/${id}`).expect(200);
    expect(launched.body.progress).toMatchObject({ enrolled: 0, skipped: expect.objectContaining({ restricted: 1 }) });
    // A second request changes nothing and exits nothing.
    const again = await api().post(`/api/contacts/${employer.contactIds[0]}/restrict`).expect(200);
    expect(again.body).toMatchObject({ restrictedAt: body.restrictedAt, exitedEnrolments: 0 });
  });

  it('should not send to a restricted contact when the restriction lands while its step is already due', async () => {
    const address = `due-${tag()}@restrict.example`;
    const employer = await insertEmployer(testApp, am25, [address]);
    await query(testApp, `INSERT INTO contact_privacy (contact_id, region_id, restricted_at) VALUES ($1, $2, now())`, [
      employer.contactIds[0],
      am25,
    ]);

    const running = await runningCampaign(testApp, {
      regionId: am25,
      senderId: coordinator.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [employer],
    });

    await eventually(
      async () =>
        (
          await query(testApp, `SELECT 1 FROM enrolments WHERE campaign_id = $1 AND exit_reason = 'restricted'`, [
            running,
          ])
        ).length === 1,
      15_000,
      'the send to exit the enrolment',
    );
    expect(await query(testApp, `SELECT status FROM send_ledger WHERE campaign_id = $1`, [running])).toEqual([
      { status: 'skipped' },
    ]);
    expect(sink.messages.filter((m) => m.envelope.rcptTo.includes(address))).toEqual([]);
  });

  it('should change nothing when an erasure fails halfway, and erase on the retry', async () => {
    const address = `fail-${tag()}@erase.example`;
    const employer = await insertEmployer(testApp, am25, [address]);
    const id = employer.contactIds[0];
    await api().post('/api/suppressions').send({ email: address, reason: 'Belde zelf' }).expect(201);
    await api()
      .post(`/api/employers/${employer.employerId}/activities`)
      .send({ type: 'call', summary: `Gebeld via ${address}`, contactId: id })
      .expect(201);
    const before = await digests();
    // The request's own audit entry is written last: refusing it fails the erasure after every other step.
    await query(
      testApp,
      `CREATE FUNCTION refuse_erase_audit() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.action = 'privacy.erase' THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END $$`,
    );
    await query(
      testApp,
      `CREATE TRIGGER refuse_erase_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_erase_audit()`,
    );
    try {
      await api().post(`/api/contacts/${id}/erase`).expect(500);
    } finally {
      await query(testApp, `DROP TRIGGER refuse_erase_audit ON audit_log`);
      await query(testApp, `DROP FUNCTION refuse_erase_audit()`);
    }

    expect(await query(testApp, `SELECT email FROM contacts WHERE id = $1`, [id])).toEqual([{ email: address }]);
    expect(await query(testApp, `SELECT 1 FROM contact_privacy WHERE contact_id = $1`, [id])).toEqual([]);
    expect(await digests()).toEqual(before);
    const suppressions = await query(testApp, `SELECT count(*)::int AS n FROM suppressions WHERE source = 'erasure'`);

    await api().post(`/api/contacts/${id}/erase`).expect(200);

    expect(await query(testApp, `SELECT email, last_name FROM contacts WHERE id = $1`, [id])).toEqual([
      { email: null, last_name: '[verwijderd]' },
    ]);
    expect(await query(testApp, `SELECT count(*)::int AS n FROM suppressions WHERE source = 'erasure'`)).toEqual([
      { n: (suppressions[0].n as number) + 1 },
    ]);
    // The global manual suppression became the erasure's own (it cannot be lifted by mistake); neither it nor
    // its audit entry keeps the address.
    const token = await query<{ email: string }>(
      testApp,
      `SELECT email FROM suppressions WHERE source = 'erasure' AND created_at = (SELECT max(created_at) FROM suppressions)`,
    );
    expect(
      await query(testApp, `SELECT source, region_id FROM suppressions WHERE email = $1 ORDER BY source`, [
        token[0].email,
      ]),
    ).toEqual([{ source: 'erasure', region_id: null }]);
    expect(await query(testApp, `SELECT 1 FROM suppressions WHERE email = $1`, [address])).toEqual([]);
    expect(await query(testApp, `SELECT 1 FROM audit_log WHERE after::text ILIKE $1`, [`%${address}%`])).toEqual([]);
  });

  it('should list the contacts flagged for review in the caller regions only and clear one when it is kept', async () => {
    const employer = await insertEmployer(testApp, am25, [`review-${tag()}@review.example`]);
    await query(testApp, `INSERT INTO contact_privacy (contact_id, region_id, review_due_at) VALUES ($1, $2, now())`, [
      employer.contactIds[0],
      am25,
    ]);

    const { body } = await api().get(`/api/privacy/reviews?regionId=${am25}`).expect(200);

    expect(body.items).toEqual([
      expect.objectContaining({ contactId: employer.contactIds[0], organisationId: employer.employerId }),
    ]);
    expect((await api(foreign).get('/api/privacy/reviews').expect(200)).body.total).toBe(0);
    await api(foreign).get(`/api/privacy/reviews?regionId=${am25}`).expect(404);
    await api(manager).get('/api/privacy/reviews').expect(403);

    await api(foreign).post(`/api/privacy/reviews/${employer.contactIds[0]}/keep`).expect(404);
    await api(manager).post(`/api/privacy/reviews/${employer.contactIds[0]}/keep`).expect(403);
    await api().post(`/api/privacy/reviews/${employer.contactIds[0]}/keep`).expect(204);
    expect((await api().get(`/api/privacy/reviews?regionId=${am25}`).expect(200)).body.items).toEqual([]);
  });

  it('should suppress the address in the region and exit the running enrolment when the person objects', async () => {
    const address = `o-${tag()}@object.example`;
    const employer = await insertEmployer(testApp, am25, [address]);
    const running = await runningCampaign(testApp, {
      regionId: am25,
      senderId: coordinator.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [employer],
    });
    await query(testApp, `UPDATE enrolments SET next_step_at = now() + interval '30 days' WHERE campaign_id = $1`, [
      running,
    ]);

    const { body } = await api().post(`/api/contacts/${employer.contactIds[0]}/object`).expect(200);

    expect(body).toMatchObject({ objectedAt: expect.any(String), exitedEnrolments: 1 });
    expect(await query(testApp, `SELECT region_id, source FROM suppressions WHERE email = $1`, [address])).toEqual([
      { region_id: am25, source: 'object' },
    ]);
    expect(
      await query(testApp, `SELECT status, exit_reason FROM enrolments WHERE campaign_id = $1`, [running]),
    ).toEqual([{ status: 'exited', exit_reason: 'suppressed' }]);
    const audit = await api().get(`/api/audit?entity=contact&entityId=${employer.contactIds[0]}`).expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'privacy.object',
      after: { request: 'object', exitedEnrolments: 1 },
    });
  });

  it('should mail an objected person at no address when the contact is rectified and its suppression lifted', async () => {
    const objectTag = tag();
    const employer = await insertEmployer(testApp, am25, [`oud-${objectTag}@object.example`]);
    const id = employer.contactIds[0];
    await query(testApp, `UPDATE organisations SET tags = ARRAY[$1] WHERE id = $2`, [objectTag, employer.employerId]);
    await api().post(`/api/contacts/${id}/object`).expect(200);
    const newAddress = `nieuw-${objectTag}@object.example`;
    await api().patch(`/api/contacts/${id}`).send({ email: newAddress }).expect(200);
    const [objection] = await query<{ id: string }>(testApp, `SELECT id FROM suppressions WHERE email = $1`, [
      `oud-${objectTag}@object.example`,
    ]);

    const lift = await api().delete(`/api/suppressions/${objection.id}`).expect(409);

    expect(lift.body).toMatchObject({ message: expect.stringMatching(/data-subject request/) });
    const launched = await launchCampaign(objectTag);
    expect((await api().get(`/api/campaigns/${launched}`).expect(200)).body.progress).toMatchObject({
      enrolled: 0,
      skipped: expect.objectContaining({ suppressed: 1 }),
    });
    // An enrolment made without the launch (as an older campaign's) is stopped at the send.
    const running = await runningCampaign(testApp, {
      regionId: am25,
      senderId: coordinator.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [employer],
    });
    await eventually(
      async () =>
        (await query(testApp, `SELECT 1 FROM send_ledger WHERE campaign_id = $1 AND status = 'skipped'`, [running]))
          .length === 1,
      15_000,
      'the send skipped',
    );
    expect(
      await query(testApp, `SELECT status, exit_reason FROM enrolments WHERE campaign_id = $1`, [running]),
    ).toEqual([{ status: 'exited', exit_reason: 'suppressed' }]);
    expect(sink.messages.filter((m) => m.envelope.rcptTo.includes(newAddress))).toEqual([]);
  });

  it("should replace name parts only in the contact's own records when the contact is erased", async () => {
    const employer = await insertEmployer(testApp, am25, [
      `wil-${tag()}@names.example`,
      `ander-${tag()}@names.example`,
    ]);
    const [person, other] = employer.contactIds;
    await query(testApp, `UPDATE contacts SET first_name = 'Wil', last_name = 'Bakker' WHERE id = $1`, [person]);
    await api()
      .post(`/api/employers/${employer.employerId}/activities`)
      .send({ type: 'call', summary: 'Wil belde terug', contactId: person })
      .expect(201);
    await api()
      .post(`/api/employers/${employer.employerId}/activities`)
      .send({ type: 'call', summary: 'Wil je de Bakker-offerte sturen?', contactId: other })
      .expect(201);
    await api()
      .post('/api/tasks')
      .send({ employerId: employer.employerId, title: 'Offerte voor Wil Bakker', dueAt: '2027-03-25T10:00:00+01:00' })
      .expect(201);

    await api().post(`/api/contacts/${person}/erase`).expect(200);

    expect(
      await query(testApp, `SELECT summary FROM activities WHERE employer_id = $1 ORDER BY summary`, [
        employer.employerId,
      ]),
    ).toEqual([{ summary: 'Wil je de Bakker-offerte sturen?' }, { summary: '[verwijderd] belde terug' }]);
    expect(await query(testApp, `SELECT title FROM tasks WHERE employer_id = $1`, [employer.employerId])).toEqual([
      { title: 'Offerte voor [verwijderd]' },
    ]);
  });

  it('should refuse an erasure with 409 and change nothing when an import in the region is unfinished', async () => {
    const employer = await insertEmployer(testApp, am25, [`import-${tag()}@erase.example`]);
    const [{ id: importId }] = await query<{ id: string }>(
      testApp,
      `INSERT INTO imports (kind, status, file, region_ids) VALUES ('employers', 'running', ''::bytea, ARRAY[$1]::uuid[])
       RETURNING id`,
      [am25],
    );
    const before = await digests();
    try {
      const refused = await api().post(`/api/contacts/${employer.contactIds[0]}/erase`).expect(409);
      expect(refused.body).toMatchObject({ message: expect.stringMatching(/import/) });
      expect(await digests()).toEqual(before);
    } finally {
      await query(testApp, `DELETE FROM imports WHERE id = $1`, [importId]);
    }
    await api().post(`/api/contacts/${employer.contactIds[0]}/erase`).expect(200);
  });
});
