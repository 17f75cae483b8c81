import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, CoreInfrastructureModule, FixedClock, loadConfig } from '@app/core';
import { DeliveryTokens, InboundModule, InboundRecovery, InboundService } from '@app/outreach';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import type { TestApp } from '../support/test-app';
import {
  ensureWsp,
  insertEmployer,
  insertTemplateVersion,
  pauseTasks,
  runningCampaign,
} from '../e2e/outreach-delivery-fixtures';

const DOMAIN = 'inbound.vliegwiel.test';
const dsn = (name: string, token: string) =>
  readFileSync(path.join(process.cwd(), 'tests/fixtures/dsn', name), 'utf8').replaceAll('TOKEN', token);

/** The inbound processor against PostgreSQL: matching, idempotency, soft bounces and the bounce-rate pause. */
describe('processing inbound mail', () => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let app: TestingModule;
  let db: DataSource;
  let config: AppConfig;
  let inbound: InboundService;
  let tokens: DeliveryTokens;
  let regionId: string;
  let senderId: string;
  let template: string;
  const clock = new FixedClock(new Date('2027-03-02T10:00:00Z'));
  /** While set, the SMTP server refuses the forward to the sender (a temporary failure). */
  let refuseForward = false;
  const fixtures = () => ({ app }) as unknown as TestApp;

  /** A running one-step-and-wait campaign whose first e-mail was sent to every contact (ledger rows `sent`). */
  const sentCampaign = async (emailsPerEmployer: string[][]) => {
    const employers = [];
    for (const emails of emailsPerEmployer) employers.push(await insertEmployer(fixtures(), regionId, emails));
    const campaignId = await runningCampaign(fixtures(), {
      regionId,
      senderId,
      steps: [
        { type: 'email', templateId: template, templateVersion: 1 },
        { type: 'wait', duration: 'P3D', calendar: 'calendar-days' },
        { type: 'email', templateId: template, templateVersion: 1 },
      ],
      employers,
    });
    // Nothing is due yet, so no dispatcher (there is none here) would send; the ledger says step 0 went out.
    await db.query(
      `UPDATE enrolments SET current_step = 1, next_step_at = now() + interval '3 days' WHERE campaign_id = $1`,
      [campaignId],
    );
    const rows: { id: string; contact_id: string; email: string }[] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, sent_at, finished_at)
       SELECT e.id, e.campaign_id, 0, e.contact_id, c.email, 'sent', now(), clock_timestamp(), clock_timestamp()
       FROM enrolments e JOIN contacts c ON c.id = e.contact_id WHERE e.campaign_id = $1
       RETURNING id, contact_id, to_email AS email`,
      [campaignId],
    );
    for (const row of rows) {
      await db.query(`UPDATE send_ledger SET message_id = $2, reply_token = $3 WHERE id = $1`, [
        row.id,
        `<${row.id}@${DOMAIN}>`,
        tokens.reply(row.id),
      ]);
    }
    const ledger = (email: string) => rows.find((row) => row.email === email)!;
    return { campaignId, employers, ledger };
  };
  const store = async (values: { ledgerId: string | null; kind: string; raw: string; inReplyTo?: string }) =>
    (
      await db.query(
        `INSERT INTO inbound_messages (ledger_id, kind, envelope_to, in_reply_to, raw, received_at)
         VALUES ($1, $2, 'reply+x@${DOMAIN}', $3, $4, now()) RETURNING id`,
        [values.ledgerId, values.kind, values.inReplyTo ?? null, Buffer.from(values.raw)],
      )
    )[0].id as string;
  const enrolments = (campaignId: string) =>
    db.query(
      `SELECT e.status, e.exit_reason, c.email FROM enrolments e JOIN contacts c ON c.id = e.contact_id
              WHERE e.campaign_id = $1 ORDER BY c.email`,
      [campaignId],
    );
  const reply = 'From: Piet <piet@example.nl>\r\nSubject: Re: Samen praktijkleren?\r\n\r\nGraag!\r\n';

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink({
      rejectRcpt: (address) =>
        refuseForward && address === 'anna@wsp.example' ? { code: 451, message: '4.3.0 Try again later' } : undefined,
    });
    config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: DOMAIN,
      INBOUND_SMTP_PORT: '0',
    });
    app = await Test.createTestingModule({
      imports: [CoreInfrastructureModule.forRoot(config, database.url), InboundModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app.useLogger(['error', 'warn']);
    await app.init();
    db = app.get(DataSource);
    inbound = app.get(InboundService);
    tokens = new DeliveryTokens(config.appSecret);
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
    senderId = (
      await db.query(
        `INSERT INTO users (email, name, role, region_ids, password_hash)
         VALUES ('anna@wsp.example', 'Anna', 'account_manager', $1, 'x') RETURNING id`,
        [[regionId]],
      )
    )[0].id;
    await ensureWsp(fixtures(), regionId);
    template = await insertTemplateVersion(fixtures(), regionId, 'Samen praktijkleren?');
  });

  afterAll(async () => {
    await app?.close();
    await sink?.close();
    await database?.drop();
  });

  it('should match a reply by In-Reply-To when the message carries no reply token', async () => {
    const { campaignId, ledger } = await sentCampaign([['a1@one.example', 'a2@one.example'], ['b1@two.example']]);
    const id = await store({
      ledgerId: null,
      kind: 'reply',
      raw: reply,
      inReplyTo: `<${ledger('a2@one.example').id}@${DOMAIN}>`,
    });

    await inbound.process(id);

    expect(await enrolments(campaignId)).toEqual([
      { status: 'exited', exit_reason: 'replied', email: 'a1@one.example' },
      { status: 'exited', exit_reason: 'replied', email: 'a2@one.example' },
      { status: 'active', exit_reason: null, email: 'b1@two.example' },
    ]);
    const [row] = await db.query(`SELECT ledger_id, contact_id, processed_at FROM inbound_messages WHERE id = $1`, [
      id,
    ]);
    expect(row).toMatchObject({
      ledger_id: ledger('a2@one.example').id,
      contact_id: ledger('a2@one.example').contact_id,
    });
    expect(row.processed_at).not.toBeNull();
  });

  it('should record an unmatched message and exit nothing when nothing it answers is known', async () => {
    const { campaignId } = await sentCampaign([['c1@three.example']]);
    const id = await store({ ledgerId: null, kind: 'reply', raw: reply, inReplyTo: '<unknown@elsewhere.example>' });

    await inbound.process(id);

    expect(await enrolments(campaignId)).toEqual([{ status: 'active', exit_reason: null, email: 'c1@three.example' }]);
    expect((await db.query(`SELECT result FROM inbound_messages WHERE id = $1`, [id]))[0].result).toMatchObject({
      matched: false,
    });
  });

  it('should create one task and forward once when two workers process the same reply at the same time', async () => {
    const { employers, ledger } = await sentCampaign([['d1@four.example']]);
    const id = await store({ ledgerId: ledger('d1@four.example').id, kind: 'reply', raw: reply });
    const toSender = () => sink.messages.filter((m) => m.envelope.rcptTo.includes('anna@wsp.example')).length;
    const before = toSender();

    const results = await Promise.all([inbound.process(id), inbound.process(id)]);

    expect(results.filter((r) => r === 'already processed')).toHaveLength(1);
    expect(await db.query(`SELECT id FROM tasks WHERE employer_id = $1`, [employers[0].employerId])).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toSender()).toBe(before + 1);
  });

  it('should keep the exit and the task when the forward fails, and forward once on the retry', async () => {
    const { campaignId, employers, ledger } = await sentCampaign([['f1@five.example', 'f2@five.example']]);
    const id = await store({ ledgerId: ledger('f1@five.example').id, kind: 'reply', raw: reply });
    const toSender = () => sink.messages.filter((m) => m.envelope.rcptTo.includes('anna@wsp.example')).length;
    const before = toSender();

    refuseForward = true;
    try {
      await expect(inbound.process(id)).rejects.toThrow();
    } finally {
      refuseForward = false;
    }

    expect(await enrolments(campaignId)).toEqual([
      { status: 'exited', exit_reason: 'replied', email: 'f1@five.example' },
      { status: 'exited', exit_reason: 'replied', email: 'f2@five.example' },
    ]);
    expect(await db.query(`SELECT id FROM tasks WHERE employer_id = $1`, [employers[0].employerId])).toHaveLength(1);
    expect(toSender()).toBe(before);

    await inbound.process(id);
    await inbound.process(id);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(toSender()).toBe(before + 1);
    expect(await db.query(`SELECT id FROM tasks WHERE employer_id = $1`, [employers[0].employerId])).toHaveLength(1);
    const [row] = await db.query(`SELECT forwarded_at FROM inbound_messages WHERE id = $1`, [id]);
    expect(row.forwarded_at).not.toBeNull();
  });

  it('should only note a soft bounce on the ledger row when the mailbox is full', async () => {
    const { campaignId, ledger } = await sentCampaign([['planning@transport.example']]);
    const sent = ledger('planning@transport.example');
    const id = await store({
      ledgerId: sent.id,
      kind: 'bounce',
      raw: dsn('sendmail-mailbox-full.eml', tokens.reply(sent.id)),
    });

    await inbound.process(id);

    const [row] = await db.query(`SELECT status, last_error FROM send_ledger WHERE id = $1`, [sent.id]);
    expect(row.status).toBe('sent');
    expect(row.last_error).toMatch(/^Soft bounce: 5\.2\.2/);
    expect(await db.query(`SELECT id FROM suppressions WHERE email = 'planning@transport.example'`)).toEqual([]);
    expect(await enrolments(campaignId)).toEqual([
      { status: 'active', exit_reason: null, email: 'planning@transport.example' },
    ]);
  });

  it('should pause the campaign when reported hard bounces pass 5% of its first 200 messages', async () => {
    const emails = Array.from({ length: 14 }, (_, i) => [`p${String(i).padStart(2, '0')}@bakkerij.example`]);
    const { campaignId, ledger } = await sentCampaign(emails);
    const bounce = async (email: string) => {
      const sent = ledger(email);
      const raw = dsn('postfix-user-unknown.eml', tokens.reply(sent.id)).replaceAll('piet@bakkerij.example', email);
      await inbound.process(await store({ ledgerId: sent.id, kind: 'bounce', raw }));
    };
    const status = async () => (await db.query(`SELECT status FROM campaigns WHERE id = $1`, [campaignId]))[0].status;

    for (let i = 0; i < 10; i += 1) await bounce(emails[i][0]);
    expect(await status()).toBe('running');
    await bounce(emails[10][0]);

    expect(await status()).toBe('paused');
    await bounce(emails[11][0]);
    const tasks = await pauseTasks(fixtures(), campaignId);
    expect(tasks).toEqual([
      {
        title: expect.stringMatching(/^Campagne '.+' is automatisch gepauzeerd: meer dan 5% van de eerste 200/),
        assignee_id: senderId,
        due_at: clock.now(),
      },
    ]);
    expect(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM suppressions WHERE source = 'bounce' AND email LIKE 'p%@bakkerij.example'`,
        )
      )[0].n,
    ).toBe(12);
  });

  it('should re-queue and process a stored message when its job was lost', async () => {
    const { campaignId, ledger } = await sentCampaign([['lost@five.example']]);
    const id = await store({ ledgerId: ledger('lost@five.example').id, kind: 'reply', raw: reply });

    expect(await app.get(InboundRecovery).sweep()).toBeGreaterThanOrEqual(1);

    const until = Date.now() + 15_000;
    while (Date.now() < until) {
      const [row] = await db.query(`SELECT processed_at FROM inbound_messages WHERE id = $1`, [id]);
      if (row.processed_at) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await enrolments(campaignId)).toEqual([
      { status: 'exited', exit_reason: 'replied', email: 'lost@five.example' },
    ]);
  });
});
