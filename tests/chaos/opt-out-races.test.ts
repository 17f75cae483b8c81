import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import {
  DeliveryModule,
  DeliveryTokens,
  EmailSendService,
  InboundModule,
  InboundService,
  UnsubscribeModule,
  UnsubscribeService,
} from '@app/outreach';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import {
  APP_SECRET,
  bySize,
  INBOUND_DOMAIN,
  pause,
  random,
  report,
  SEED,
  SeededCampaign,
  seedCampaign,
} from './support/chaos-campaign';

/**
 * Scenario 7 (docs/reliability.md "Faults during a campaign"): replies and unsubscribes fired within
 * milliseconds of the follow-up they race, without workers, so only the row locks decide the order.
 */
const RACES = bySize(200, 1000);
const AT_ONCE = 10;
const REPLY = 'From: Piet <piet@example.nl>\r\nSubject: Re: Werkfit\r\n\r\nBel me maar.\r\n';

interface Race {
  enrolment: string;
  first: string;
  followUp: string;
  email: string;
  reply: string;
}

describe('Scenario 7: replies and unsubscribes racing the follow-up they should stop', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let sink: SmtpSink;
  let db: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    sink = await startSmtpSink();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      SMTP_URL: sink.url,
      INBOUND_DOMAIN,
      INBOUND_SMTP_PORT: '0',
      APP_SECRET,
    });
    @Module({
      imports: [
        CoreInfrastructureModule.forRoot(config, database.url),
        DeliveryModule,
        InboundModule,
        UnsubscribeModule,
      ],
    })
    class RaceModule {}
    context = await NestFactory.createApplicationContext(RaceModule, { logger: ['error'] });
    db = new pg.Pool({ connectionString: database.url, max: 3 });
  });

  afterAll(async () => {
    await db?.end();
    await context?.close();
    await sink?.close();
    await database?.drop();
  });

  /** Every contact at the follow-up (step 3 of e-mail, wait, e-mail): the first e-mail went out, the follow-up is due. */
  async function atFollowUp(campaign: SeededCampaign): Promise<Race[]> {
    await db.query(`UPDATE campaigns SET status = 'running' WHERE id = $1`, [campaign.id]);
    await db.query(`UPDATE enrolments SET current_step = 2, next_step_at = now() WHERE campaign_id = $1`, [
      campaign.id,
    ]);
    const { rows } = await db.query<Race>(
      `WITH e AS (SELECT e.id, e.contact_id, c.email FROM enrolments e JOIN contacts c ON c.id = e.contact_id WHERE e.campaign_id = $1),
            s AS (INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, sent_at, finished_at, message_id)
                  SELECT id, $1, 0, contact_id, email, 'sent', now(), now(), now(), '<x>' FROM e RETURNING id, enrolment_id, to_email),
            q AS (INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at)
                  SELECT id, $1, 2, contact_id, now() FROM e RETURNING id, enrolment_id),
            r AS (INSERT INTO inbound_messages (ledger_id, kind, envelope_to, raw, received_at)
                  SELECT s.id, 'reply', 'reply+x@${INBOUND_DOMAIN}', $2, now() FROM s RETURNING id, ledger_id)
       SELECT s.enrolment_id AS enrolment, s.id AS first, q.id AS "followUp", s.to_email AS email, r.id AS reply
       FROM s JOIN q USING (enrolment_id) JOIN r ON r.ledger_id = s.id ORDER BY s.to_email`,
      [campaign.id, Buffer.from(REPLY)],
    );
    return rows;
  }

  it('should send no follow-up after an opt-out that committed first, of 1,000 races', async () => {
    // Seeded paused, so the dispatcher of another process could never pick it up; running from the races on.
    const campaign = await seedCampaign(db, { contacts: RACES, status: 'paused' });
    const races = await atFollowUp(campaign);
    const sender = context.get(EmailSendService);
    const inbound = context.get(InboundService);
    const unsubscribe = context.get(UnsubscribeService);
    const tokens = new DeliveryTokens(APP_SECRET);
    const next = random(SEED + 7);
    const started = Date.now();

    for (let from = 0; from < races.length; from += AT_ONCE) {
      await Promise.all(
        races.slice(from, from + AT_ONCE).map(async (race, offset) => {
          const index = from + offset;
          const optOut =
            index % 2 === 0
              ? () => inbound.process(race.reply)
              : () => unsubscribe.unsubscribe(tokens.unsubscribe(race.first));
          // Within milliseconds of each other. The send takes the campaign row lock (its claim) and then the
          // enrolment lock, so it needs a few ms head start to win some races: both orders must occur.
          const lead = next() * 30;
          const send = async () => {
            if (index % 5 === 0) await pause(lead / 5);
            await sender.send(race.followUp, false);
          };
          const exit = async () => {
            if (index % 5 !== 0) await pause(lead);
            await optOut();
          };
          await Promise.all([send(), exit()]);
        }),
      );
    }

    const outcomes = (
      await db.query<{
        id: string;
        ledger_status: string;
        enrolment_status: string;
        exit_reason: string | null;
        current_step: number;
      }>(
        `SELECT l.id, l.status AS ledger_status, e.status AS enrolment_status, e.exit_reason, e.current_step
         FROM send_ledger l JOIN enrolments e ON e.id = l.enrolment_id WHERE l.id = ANY($1::uuid[])`,
        [races.map((race) => race.followUp)],
      )
    ).rows;
    const received = sink.receivedByLedgerId();
    let sendFirst = 0;
    let optOutFirst = 0;
    let afterOptOut = 0;
    let unexplained = 0;
    for (const row of outcomes) {
      const copies = received.get(row.id) ?? 0;
      if (row.ledger_status === 'sent' && copies === 1 && row.current_step === 3) {
        // The send held the enrolment first and completed it; the opt-out came after.
        sendFirst += 1;
      } else if (row.ledger_status === 'skipped' && copies === 0 && row.enrolment_status === 'exited') {
        optOutFirst += 1;
      } else if (copies > 0 && row.enrolment_status === 'exited' && row.current_step === 2) {
        // A message went out although the exit had already moved the enrolment out of its step.
        afterOptOut += 1;
      } else {
        unexplained += 1;
      }
    }
    const line = `follow-ups after a committed opt-out ${afterOptOut} of ${races.length.toLocaleString('en-US')} races (send first ${sendFirst}, opt-out first ${optOutFirst}, unexplained ${unexplained})`;
    report('7 opt-out races', line, { seconds: Math.round((Date.now() - started) / 1000) });

    expect(outcomes).toHaveLength(races.length);
    expect(afterOptOut).toBe(0);
    expect(unexplained).toBe(0);
    expect(sendFirst + optOutFirst).toBe(races.length);
    // Both orders happened, so the race was real.
    expect(sendFirst).toBeGreaterThan(0);
    expect(optOutFirst).toBeGreaterThan(0);
  }, 600_000);
});
