import pg from 'pg';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { startTestApp, TestApp } from '../support/test-app';
import {
  addressDraw,
  bySize,
  campaignDone,
  campaignFigures,
  figureLine,
  INBOUND_DOMAIN,
  numberOf,
  report,
  SeededCampaign,
  seedCampaign,
  until,
} from './support/chaos-campaign';

/**
 * Scenario 6 (docs/reliability.md "Faults during a campaign"): an SMTP server that answers 421/451 to
 * 30% of recipients, 550 5.1.1 to 5%, drops the connection after DATA for some, tarpits one for 40 s,
 * and — on a second server — refuses our login. One two-step campaign carries all per-recipient faults.
 */
const CONTACTS = bySize(120, 5000);
/** Longer than BullMQ's 30-s job lock either way; 40 s in the full profile. */
const TARPIT_MS = bySize(32_000, 40_000);

/** Every 20th contact: exactly 5% hard bounces, due a little later so the campaign's first 200 messages stay under the auto-pause share. */
const isHardBounce = (n: number) => n % 20 === 0;
/** A stable 30% of the others answer 4xx to each message's first attempt (odd RCPT attempts). */
const isSoft = (address: string, n: number) => !isHardBounce(n) && addressDraw(address) < 0.3;
/** 1% (at least one): the connection drops after the whole first message was sent. */
const isDropped = (n: number) => !isHardBounce(n) && n % 100 === 7;
/** One contact's first message is held for 40 s before the 250. */
const TARPIT_CONTACT = 3;

describe('Scenario 6: a campaign whose SMTP login is refused (535)', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let db: pg.Pool;

  beforeAll(async () => {
    sink = await startSmtpSink({ rejectAuth: true });
    testApp = await startTestApp({
      SMTP_URL: `smtp://vliegwiel:wrong@127.0.0.1:${sink.port}`,
      INBOUND_DOMAIN,
    });
    db = new pg.Pool({ connectionString: testApp.database.url, max: 3 });
  });

  afterAll(async () => {
    await db?.end();
    await testApp?.close();
    await sink?.close();
  });

  it('should pause the campaign and suppress no one when every login is refused', async () => {
    const campaign = await seedCampaign(db, { contacts: bySize(20, 200) });
    await until(
      async () =>
        (await db.query(`SELECT status FROM campaigns WHERE id = $1`, [campaign.id])).rows[0].status === 'paused',
      60_000,
      'the campaign to pause itself',
    ).catch(async (error: Error) => {
      const { rows } = await db.query(
        `SELECT status, last_error, count(*)::int AS n FROM send_ledger WHERE campaign_id = $1 GROUP BY 1, 2`,
        [campaign.id],
      );
      throw new Error(`${error.message}: ${JSON.stringify(rows)}`);
    });
    await until(
      async () =>
        (await db.query(`SELECT 1 FROM send_ledger WHERE campaign_id = $1 AND status = 'sending'`, [campaign.id]))
          .rowCount === 0,
      30_000,
      'sends in flight to finish',
    );
    const ledger = (
      await db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM send_ledger WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`,
        [campaign.id],
      )
    ).rows;
    const suppressions = (await db.query(`SELECT 1 FROM suppressions`)).rowCount;
    const active = (
      await db.query(`SELECT 1 FROM enrolments WHERE campaign_id = $1 AND status = 'active'`, [campaign.id])
    ).rowCount;

    expect(sink.messages).toHaveLength(0);
    expect(suppressions).toBe(0);
    expect(active).toBe(campaign.contacts);
    expect(ledger.find((row) => row.status === 'blocked')?.n ?? 0).toBeGreaterThanOrEqual(3);
    expect(ledger.every((row) => ['blocked', 'queued'].includes(row.status))).toBe(true);

    report(
      '6 SMTP 535',
      `paused; blocked ${ledger.find((r) => r.status === 'blocked')?.n} / suppressed 0 / sent 0 of ${campaign.contacts}`,
    );
  }, 120_000);
});

describe('Scenario 6: a campaign against an SMTP server that defers, bounces, drops and tarpits', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let db: pg.Pool;
  let campaign: SeededCampaign;
  const ours = (address: string) => campaign !== undefined && address.endsWith(`@${campaign.domain}`);

  beforeAll(async () => {
    sink = await startSmtpSink({
      rejectRcpt: (address, attempt) => {
        if (!ours(address)) return undefined;
        const n = numberOf(address);
        if (isHardBounce(n)) return { code: 550, message: '5.1.1 No such user here' };
        if (isSoft(address, n) && attempt % 2 === 1) {
          return n % 2 === 0
            ? { code: 451, message: '4.3.0 Temporary local problem, try later' }
            : { code: 421, message: '4.7.0 Too many connections, try later' };
        }
        return undefined;
      },
      afterData: (address, attempt) => {
        if (!ours(address)) return undefined;
        const n = numberOf(address);
        if (isDropped(n) && attempt === 1) return { kind: 'drop' };
        if (n === TARPIT_CONTACT && attempt === 1) return { kind: 'tarpit', ms: TARPIT_MS };
        return undefined;
      },
    });
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN });
    db = new pg.Pool({ connectionString: testApp.database.url, max: 3 });
  });

  afterAll(async () => {
    await db?.end();
    await testApp?.close();
    await sink?.close();
  });

  it(
    'should deliver every deferred message later, never retry a bounce, and never resend a dropped or tarpitted one',
    async () => {
      const late = Array.from({ length: CONTACTS }, (_, i) => i + 1).filter(isHardBounce);
      campaign = await seedCampaign(db, { contacts: CONTACTS, late });
      const started = Date.now();
      await until(() => campaignDone(db, campaign.id), bySize(240_000, 1_200_000), 'the campaign to complete');
      const figures = await campaignFigures(db, campaign, sink);

      const numbers = Array.from({ length: CONTACTS }, (_, i) => i + 1);
      const bounced = numbers.filter(isHardBounce);
      const dropped = numbers.filter(isDropped);
      const soft = numbers.filter((n) => isSoft(`c${n}@${campaign.domain}`, n));
      const attempts = [...sink.rcptAttempts.entries()].filter(([address]) => ours(address));
      const totalAttempts = attempts.reduce((sum, [, count]) => sum + count, 0);
      const messages = figures.expected;

      report('6 SMTP faults', figureLine(figures), {
        attempts: totalAttempts,
        messages,
        attemptsPerMessage: Number((totalAttempts / messages).toFixed(3)),
        softRecipients: soft.length,
        hardBounces: bounced.length,
        dropped: dropped.length,
        tarpitMs: TARPIT_MS,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      // Nothing twice, nothing lost: the dropped first messages are `unknown` (the sink has them), the rest arrived.
      expect(figures.duplicates).toBe(0);
      expect(figures.lost).toBe(0);
      expect(figures.misrecorded).toBe(0);
      expect(figures.pending).toBe(0);
      expect(figures.unknown).toBe(dropped.length);
      expect(figures.unknownButReceived).toBe(dropped.length);
      // A hard bounce ends the enrolment: its follow-up is never sent, and it is tried once only.
      expect(figures.exited).toBe(bounced.length * 2);
      expect(figures.delivered).toBe(messages - bounced.length * 2 - dropped.length);
      for (const n of bounced) expect(sink.rcptAttempts.get(`c${n}@${campaign.domain}`)).toBe(1);
      const suppressed = (
        await db.query<{ email: string }>(`SELECT email FROM suppressions WHERE email LIKE '%@' || $1`, [
          campaign.domain,
        ])
      ).rows.map((row) => numberOf(row.email));
      expect(suppressed.sort((a, b) => a - b)).toEqual(bounced);
      const exits = (
        await db.query<{ exit_reason: string; n: number }>(
          `SELECT exit_reason, count(*)::int AS n FROM enrolments WHERE campaign_id = $1 AND status = 'exited' GROUP BY 1`,
          [campaign.id],
        )
      ).rows;
      expect(exits).toEqual([{ exit_reason: 'bounced', n: bounced.length }]);
      // Each deferred message needed exactly one more attempt: well under 1.5 attempts per message.
      expect(totalAttempts).toBeLessThanOrEqual(1.5 * messages);
      expect(totalAttempts).toBe(messages - bounced.length + soft.length * 2);
      // The tarpitted message outlived its 30-s job lock without a second copy.
      const tarpitRow = (
        await db.query<{ status: string }>(
          `SELECT l.status FROM send_ledger l JOIN contacts k ON k.id = l.contact_id
         WHERE l.campaign_id = $1 AND l.step_index = 0 AND k.email = $2`,
          [campaign.id, `c${TARPIT_CONTACT}@${campaign.domain}`],
        )
      ).rows;
      expect(tarpitRow).toEqual([{ status: 'sent' }]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(TARPIT_MS);
    },
    bySize(300_000, 1_300_000),
  );
});
