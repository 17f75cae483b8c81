import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import { DeliveryModule, EmailSendService, InboundModule, InboundService } from '@app/outreach';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import type { TestApp } from '../support/test-app';
import { ensureWsp, insertEmployer, insertTemplateVersion, runningCampaign } from '../e2e/outreach-delivery-fixtures';

const DOMAIN = 'inbound.vliegwiel.test';
const ROUNDS = 20;
const REPLY = 'From: Piet <piet@example.nl>\r\nSubject: Re: Hallo\r\n\r\nBel me maar.\r\n';

interface Outcome {
  ledger_status: string;
  ledger_error: string | null;
  enrolment_status: string;
  exit_reason: string | null;
  current_step: number;
}

/**
 * A reply and the follow-up it should stop, processed at the same moment without workers: the
 * enrolment row lock decides which goes first, and a reply that wins must stop the follow-up.
 */
describe('replies racing follow-ups', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let sink: SmtpSink;
  let db: DataSource;
  let sender: EmailSendService;
  let inbound: InboundService;
  let regionId: string;
  let senderId: string;
  let template: string;
  const fixtureApp = () => ({ app: context }) as unknown as TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: DOMAIN,
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), DeliveryModule, InboundModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    db = context.get(DataSource);
    sender = context.get(EmailSendService);
    inbound = context.get(InboundService);
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
    [{ id: senderId }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ('am@wsp.example', 'Anna', 'account_manager', $1, 'x') RETURNING id`,
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

  /**
   * Contacts of a three-e-mail campaign at its second step: the first went out, the second is queued and
   * due; a reply to the first is stored, unprocessed. A sent follow-up leaves the enrolment active (step 3 is left).
   */
  const atFollowUp = async (prefix: string, count: number) => {
    const employers = await Promise.all(
      Array.from({ length: count }, (_, n) => insertEmployer(fixtureApp(), regionId, [`${prefix}${n}@reply.example`])),
    );
    const step = { type: 'email', templateId: template, templateVersion: 1 };
    const campaign = await runningCampaign(fixtureApp(), { regionId, senderId, steps: [step, step, step], employers });
    await db.query(`UPDATE enrolments SET current_step = 1 WHERE campaign_id = $1`, [campaign]);
    const rows: { enrolment: string; first: string; second: string; email: string; reply: string }[] = await db.query(
      `WITH e AS (SELECT e.id, e.contact_id, c.email FROM enrolments e JOIN contacts c ON c.id = e.contact_id WHERE e.campaign_id = $1),
            s AS (INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, sent_at, finished_at)
                  SELECT id, $1, 0, contact_id, email, 'sent', now(), now(), now() FROM e RETURNING id, enrolment_id, to_email),
            q AS (INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at)
                  SELECT id, $1, 1, contact_id, now() FROM e RETURNING id, enrolment_id),
            r AS (INSERT INTO inbound_messages (ledger_id, kind, envelope_to, raw, received_at)
                  SELECT s.id, 'reply', 'reply+x@${DOMAIN}', $2, now() FROM s RETURNING id, ledger_id)
       SELECT s.enrolment_id AS enrolment, s.id AS first, q.id AS second, s.to_email AS email, r.id AS reply
       FROM s JOIN q USING (enrolment_id) JOIN r ON r.ledger_id = s.id`,
      [campaign, Buffer.from(REPLY)],
    );
    return { campaign, rows };
  };

  const messagesTo = (email: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === email).length;
  const outcome = async (row: { enrolment: string; second: string }): Promise<Outcome> =>
    (
      await db.query(
        `SELECT l.status AS ledger_status, l.last_error AS ledger_error, e.status AS enrolment_status, e.exit_reason, e.current_step
         FROM send_ledger l JOIN enrolments e ON e.id = l.enrolment_id WHERE l.id = $1 AND e.id = $2`,
        [row.second, row.enrolment],
      )
    )[0];

  it('should send no follow-up when the reply committed before the send', async () => {
    const { rows } = await atFollowUp('first', 3);
    for (const row of rows) await inbound.process(row.reply);
    for (const row of rows) await sender.send(row.second, false);

    expect(rows.map((row) => messagesTo(row.email))).toEqual([0, 0, 0]);
    for (const row of rows) {
      expect(await outcome(row)).toMatchObject({
        ledger_status: 'skipped',
        enrolment_status: 'exited',
        exit_reason: 'replied',
        current_step: 1,
      });
    }
  });

  it('should end every race with the follow-up either sent before the exit or skipped, never sent after it', async () => {
    // One contact more than the rounds, who never replies: were every enrolment exited, the last reply would
    // complete the campaign, and a follow-up it beat would be skipped as "campaign completed" instead.
    const { rows: all } = await atFollowUp('race', ROUNDS + 1);
    const rows = all.slice(0, ROUNDS);
    for (const [round, row] of rows.entries()) {
      // Start order alternates so either side gets the first chance at the enrolment lock.
      const [a, b] = [() => inbound.process(row.reply), () => sender.send(row.second, false)];
      await Promise.all(round % 2 === 0 ? [a(), b()] : [b(), a()]);
      const result = await outcome(row);

      expect(result).toMatchObject({ enrolment_status: 'exited', exit_reason: 'replied' });
      if (result.ledger_status === 'sent') {
        // The send held the lock first: it advanced the enrolment to step 3, then the reply exited it.
        expect(result.current_step).toBe(2);
        expect(messagesTo(row.email)).toBe(1);
      } else {
        // The reply committed first: the send found the enrolment exited and sent nothing.
        expect(result).toMatchObject({ ledger_status: 'skipped', current_step: 1 });
        expect(result.ledger_error).toMatch(/exited/);
        expect(messagesTo(row.email)).toBe(0);
      }
    }
    // Nothing slipped out afterwards either: at most one follow-up per contact, and none for a skipped row.
    const ledger: { status: string; n: number }[] = await db.query(
      `SELECT status, count(*)::int AS n FROM send_ledger WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [rows.map((row) => row.second)],
    );
    const sent = ledger.find((l) => l.status === 'sent')?.n ?? 0;
    expect(ledger.reduce((total, l) => total + l.n, 0)).toBe(ROUNDS);
    expect(rows.reduce((total, row) => total + messagesTo(row.email), 0)).toBe(sent);
  }, 60_000);
});
