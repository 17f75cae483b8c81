import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import { DeliveryModule, DeliveryTokens, EmailSendService, UnsubscribeModule, UnsubscribeService } from '@app/outreach';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import type { TestApp } from '../support/test-app';
import { ensureWsp, insertEmployer, insertTemplateVersion, runningCampaign } from '../e2e/outreach-delivery-fixtures';

const SECRET = 'integration-secret-that-is-long-enough-0123';
const PAIRS = 15;

/**
 * Sending and unsubscribing without workers or HTTP: the services are called directly, many at once,
 * so the row locks and the conditional claim are what keep the outcome right.
 */
describe('delivery under concurrency', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let sink: SmtpSink;
  let db: DataSource;
  let sender: EmailSendService;
  let unsubscribes: UnsubscribeService;
  let regionId: string;
  let senderId: string;
  let template: string;
  const tokens = new DeliveryTokens(SECRET);
  // The fixtures take a TestApp; they only use `app.get(DataSource)`.
  const fixtureApp = () => ({ app: context }) as unknown as TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: 'inbound.vliegwiel.test',
      APP_SECRET: SECRET,
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), DeliveryModule, UnsubscribeModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    db = context.get(DataSource);
    sender = context.get(EmailSendService);
    unsubscribes = context.get(UnsubscribeService);
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
    [{ id: senderId }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ('am@test.example', 'Anna', 'account_manager', $1, 'x') RETURNING id`,
      [[regionId]],
    );
    await ensureWsp(fixtureApp(), regionId);
    template = await insertTemplateVersion(fixtureApp(), regionId, 'Hallo');
  });

  afterAll(async () => {
    await context?.close();
    await sink?.close();
    await database?.drop();
  });

  /** Contacts at their second e-mail step: the first went out (its row holds the unsubscribe token), the second is queued. */
  const atFollowUp = async (prefix: string, count: number) => {
    const employers = await Promise.all(
      Array.from({ length: count }, (_, n) => insertEmployer(fixtureApp(), regionId, [`${prefix}${n}@race.example`])),
    );
    const step = { type: 'email', templateId: template, templateVersion: 1 };
    const campaign = await runningCampaign(fixtureApp(), { regionId, senderId, steps: [step, step], employers });
    await db.query(`UPDATE enrolments SET current_step = 1 WHERE campaign_id = $1`, [campaign]);
    const rows: { first: string; second: string; email: string }[] = await db.query(
      `WITH e AS (SELECT e.id, e.contact_id, c.email FROM enrolments e JOIN contacts c ON c.id = e.contact_id WHERE e.campaign_id = $1),
            s AS (INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, sent_at)
                  SELECT id, $1, 0, contact_id, email, 'sent', now(), now() FROM e RETURNING id, enrolment_id, to_email),
            q AS (INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at)
                  SELECT id, $1, 1, contact_id, now() FROM e RETURNING id, enrolment_id)
       SELECT s.id AS first, q.id AS second, s.to_email AS email FROM s JOIN q USING (enrolment_id)`,
      [campaign],
    );
    return { campaign, rows };
  };

  const followUpsTo = (email: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === email).length;

  it('should send a message once when several workers take the same ledger row at the same time', async () => {
    const { rows } = await atFollowUp('same', 1);
    const results = await Promise.all(Array.from({ length: 6 }, () => sender.send(rows[0].second, false)));
    expect(results.filter((r) => r.kind === 'done' && r.note.startsWith('sent'))).toHaveLength(1);
    expect(followUpsTo(rows[0].email)).toBe(1);
  });

  it('should settle a row left sending by a gone worker as unknown, but wait on a claim made moments ago', async () => {
    const { rows } = await atFollowUp('left', 2);
    const [abandoned, fresh] = rows;
    await db.query(
      `UPDATE send_ledger SET status = 'sending', sending_at = now() - interval '5 minutes' WHERE id = $1`,
      [abandoned.second],
    );
    await db.query(`UPDATE send_ledger SET status = 'sending', sending_at = now() WHERE id = $1`, [fresh.second]);
    const settled = await sender.send(abandoned.second, false);
    const waiting = await sender.send(fresh.second, false);
    expect(settled).toEqual({ kind: 'done', note: 'unknown: the worker stopped during the SMTP call' });
    expect(waiting).toMatchObject({ kind: 'recheck', note: 'claimed moments ago' });
    const statuses = await db.query(`SELECT id, status FROM send_ledger WHERE id = ANY($1::uuid[]) ORDER BY status`, [
      [abandoned.second, fresh.second],
    ]);
    expect(statuses).toEqual([
      { id: fresh.second, status: 'sending' },
      { id: abandoned.second, status: 'unknown' },
    ]);
    expect(followUpsTo(abandoned.email) + followUpsTo(fresh.email)).toBe(0);
  });

  it('should send no follow-up when the unsubscribe committed before the send', async () => {
    const { rows } = await atFollowUp('first', 3);
    for (const row of rows) await unsubscribes.unsubscribe(tokens.unsubscribe(row.first));
    for (const row of rows) await sender.send(row.second, false);
    expect(rows.map((row) => followUpsTo(row.email))).toEqual([0, 0, 0]);
    const statuses = await db.query(`SELECT status FROM send_ledger WHERE id = ANY($1::uuid[])`, [
      rows.map((row) => row.second),
    ]);
    expect(statuses).toEqual(Array(3).fill({ status: 'skipped' }));
  });

  it('should leave every race either sent before the exit or skipped, never sent after it', async () => {
    const { campaign, rows } = await atFollowUp('race', PAIRS);
    await Promise.all(
      rows.flatMap((row) => [unsubscribes.unsubscribe(tokens.unsubscribe(row.first)), sender.send(row.second, false)]),
    );
    const ledger: { id: string; status: string }[] = await db.query(
      `SELECT id, status FROM send_ledger WHERE campaign_id = $1 AND step_index = 1`,
      [campaign],
    );
    for (const row of rows) {
      const status = ledger.find((l) => l.id === row.second)!.status;
      expect(['sent', 'skipped']).toContain(status);
      expect(followUpsTo(row.email)).toBe(status === 'sent' ? 1 : 0);
    }
    const enrolments = await db.query(`SELECT DISTINCT status, exit_reason FROM enrolments WHERE campaign_id = $1`, [
      campaign,
    ]);
    // A follow-up that won the lock completed its enrolment; every other one exited.
    for (const enrolment of enrolments) {
      expect([
        { status: 'exited', exit_reason: 'unsubscribed' },
        { status: 'completed', exit_reason: null },
      ]).toContainEqual(enrolment);
    }
  });
});
