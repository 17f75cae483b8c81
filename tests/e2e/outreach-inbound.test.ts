import { readFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { InboundReceiver, InboundService } from '@app/outreach';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { createUser, regionId, TestUser } from '../support/session';
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
const dsnFixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/dsn', name), 'utf8');

interface Sent {
  id: string;
  reply_token: string;
  message_id: string;
  to_email: string;
  contact_id: string;
}

describe('Inbound mail: replies, auto-replies and bounces over SMTP', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let port: number;
  let am25: string;
  let sender: TestUser;
  let owner: TestUser;
  let campaign: string;
  const employers: Record<string, { employerId: string; contactIds: string[] }> = {};

  const client = () => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  const sentTo = async (address: string) =>
    (await query<Sent>(testApp, `SELECT * FROM send_ledger WHERE to_email = $1 AND status <> 'queued'`, [address]))[0];
  const enrolmentStates = (employerId: string) =>
    query<{ status: string; exit_reason: string | null }>(
      testApp,
      `SELECT status, exit_reason FROM enrolments WHERE employer_id = $1 AND campaign_id = $2`,
      [employerId, campaign],
    );
  const processedCount = async () =>
    (
      await query<{ n: number }>(
        testApp,
        `SELECT count(*)::int AS n FROM inbound_messages WHERE processed_at IS NOT NULL`,
      )
    )[0].n;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: DOMAIN, INBOUND_SMTP_PORT: '0' });
    port = testApp.app.get(InboundReceiver).port!;
    am25 = await regionId(testApp, 'AM25');
    sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Anna de Vries' });
    owner = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Otto Eigenaar' });
    await ensureWsp(testApp, am25);
    const template = await insertTemplateVersion(testApp, am25, 'Samen praktijkleren?');
    const plan: Record<string, string[]> = {
      replies: ['piet@replies.example', 'karin@replies.example'],
      away: ['els@away.example'],
      gone: ['piet@bakkerij.example'],
      blocked: ['lisa.smit@gmail.example'],
      quiet: ['jan@quiet.example'],
    };
    for (const [key, emails] of Object.entries(plan))
      employers[key] = await insertEmployer(testApp, am25, emails, owner.id);
    campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [
        { type: 'email', templateId: template, templateVersion: 1 },
        { type: 'wait', duration: 'P3D', calendar: 'calendar-days' },
        { type: 'email', templateId: template, templateVersion: 1 },
      ],
      employers: Object.values(employers),
    });
    // Recorded as sent, not only at the sink: a batch records its rows after the SMTP calls, and the tests read them.
    await eventually(
      async () =>
        (await query<{ n: number }>(testApp, `SELECT count(*)::int AS n FROM send_ledger WHERE status = 'sent'`))[0]
          .n >= 6,
      20_000,
      'the first step sent to every contact and recorded',
    );
  }, 60_000);

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should exit the employer, log it, create a task and forward the reply to the sender when a contact replies', async () => {
    const sent = await sentTo('piet@replies.example');
    await client().sendMail({
      envelope: { from: 'piet@replies.example', to: [`reply+${sent.reply_token}@${DOMAIN}`] },
      from: 'Piet Jansen <piet@replies.example>',
      to: `reply+${sent.reply_token}@${DOMAIN}`,
      subject: 'Re: Samen praktijkleren?',
      inReplyTo: sent.message_id,
      text: 'Goed idee, bel me volgende week maar.',
    });

    await eventually(async () => (await processedCount()) >= 1, 15_000, 'the reply processed');
    expect(await enrolmentStates(employers.replies.employerId)).toEqual([
      { status: 'exited', exit_reason: 'replied' },
      { status: 'exited', exit_reason: 'replied' },
    ]);
    for (const key of ['away', 'gone', 'blocked', 'quiet']) {
      expect(await enrolmentStates(employers[key].employerId)).toEqual([{ status: 'active', exit_reason: null }]);
    }
    const tasks = await query(testApp, `SELECT title, assignee_id, done_at FROM tasks WHERE employer_id = $1`, [
      employers.replies.employerId,
    ]);
    expect(tasks).toEqual([expect.objectContaining({ assignee_id: owner.id, done_at: null })]);
    expect(tasks[0].title).toMatch(/^Antwoord op campagne/);
    const activities = await query(testApp, `SELECT type, summary FROM activities WHERE employer_id = $1`, [
      employers.replies.employerId,
    ]);
    expect(activities).toEqual([expect.objectContaining({ type: 'email' })]);
    const forwarded = await eventually(
      async () => sink.messages.some((m) => m.envelope.rcptTo.includes(sender.email)),
      10_000,
      'the forward to the sender',
    ).then(() => sink.messages.find((m) => m.envelope.rcptTo.includes(sender.email))!);
    expect(forwarded.parsed.text).toContain('Goed idee, bel me volgende week maar.');
    expect(forwarded.parsed.replyTo?.value[0].address).toBe('piet@replies.example');
  });

  it('should do nothing more when the same inbound job runs again', async () => {
    const [row] = await query<{ id: string }>(testApp, `SELECT id FROM inbound_messages WHERE kind = 'reply'`);
    const before = sink.messages.length;

    expect(await testApp.app.get(InboundService).process(row.id)).toBe('already processed');
    expect(
      await query(testApp, `SELECT id FROM tasks WHERE employer_id = $1`, [employers.replies.employerId]),
    ).toHaveLength(1);
    expect(sink.messages.length).toBe(before);
  });

  it('should log an out-of-office answer and exit nothing when it is an auto-reply', async () => {
    const sent = await sentTo('els@away.example');
    const done = await processedCount();
    await client().sendMail({
      envelope: { from: 'els@away.example', to: [`reply+${sent.reply_token}@${DOMAIN}`] },
      from: 'els@away.example',
      to: `reply+${sent.reply_token}@${DOMAIN}`,
      subject: 'Automatisch antwoord: Samen praktijkleren?',
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'Ik ben tot 12 maart afwezig.',
    });

    await eventually(async () => (await processedCount()) > done, 15_000, 'the auto-reply processed');
    expect(await enrolmentStates(employers.away.employerId)).toEqual([{ status: 'active', exit_reason: null }]);
    expect(await query(testApp, `SELECT id FROM tasks WHERE employer_id = $1`, [employers.away.employerId])).toEqual(
      [],
    );
    expect(
      await query(testApp, `SELECT type FROM activities WHERE employer_id = $1`, [employers.away.employerId]),
    ).toEqual([{ type: 'note' }]);
  });

  it('should suppress the address everywhere and exit its enrolments when a hard-bounce DSN arrives', async () => {
    const sent = await sentTo('piet@bakkerij.example');
    const done = await processedCount();
    const raw = dsnFixture('postfix-user-unknown.eml')
      .replaceAll('TOKEN', sent.reply_token)
      .replaceAll('<MESSAGEID@inbound.example>', sent.message_id);
    await client().sendMail({ envelope: { from: '', to: [`reply+${sent.reply_token}@${DOMAIN}`] }, raw });

    await eventually(async () => (await processedCount()) > done, 15_000, 'the bounce processed');
    expect((await query(testApp, `SELECT status FROM send_ledger WHERE id = $1`, [sent.id]))[0].status).toBe('bounced');
    expect(
      await query(testApp, `SELECT region_id, source FROM suppressions WHERE email = $1`, [sent.to_email]),
    ).toEqual([{ region_id: null, source: 'bounce' }]);
    expect(await enrolmentStates(employers.gone.employerId)).toEqual([{ status: 'exited', exit_reason: 'bounced' }]);
  });

  it('should mark the message blocked and suppress no one when the DSN is a 5.7.x policy refusal of us', async () => {
    const sent = await sentTo('lisa.smit@gmail.example');
    const done = await processedCount();
    const raw = dsnFixture('gmail-dmarc.eml').replaceAll('TOKEN', sent.reply_token);
    await client().sendMail({ envelope: { from: '', to: [`reply+${sent.reply_token}@${DOMAIN}`] }, raw });

    await eventually(async () => (await processedCount()) > done, 15_000, 'the DSN processed');
    expect((await query(testApp, `SELECT status FROM send_ledger WHERE id = $1`, [sent.id]))[0].status).toBe('blocked');
    expect(await query(testApp, `SELECT id FROM suppressions WHERE email = $1`, [sent.to_email])).toEqual([]);
    expect(await enrolmentStates(employers.blocked.employerId)).toEqual([{ status: 'active', exit_reason: null }]);
  });

  it('should refuse the recipient at RCPT when the reply token is unknown or forged', async () => {
    const sent = await sentTo('jan@quiet.example');
    const forged = `${sent.reply_token.slice(0, 40)}${sent.reply_token.slice(40) === '00000000' ? '11111111' : '00000000'}`;
    for (const to of [`reply+${forged}@${DOMAIN}`, `reply+${sent.reply_token}@elsewhere.example`, `info@${DOMAIN}`]) {
      await expect(
        client().sendMail({ envelope: { from: 'x@y.example', to: [to] }, from: 'x@y.example', to, text: 'hoi' }),
      ).rejects.toMatchObject({ responseCode: 550, command: 'RCPT TO' });
    }
    expect(await enrolmentStates(employers.quiet.employerId)).toEqual([{ status: 'active', exit_reason: null }]);
  });

  it('should refuse a message over 10 MB and store nothing', async () => {
    const sent = await sentTo('jan@quiet.example');
    const stored = (await query<{ n: number }>(testApp, `SELECT count(*)::int AS n FROM inbound_messages`))[0].n;
    const to = `reply+${sent.reply_token}@${DOMAIN}`;
    const big = `${'x'.repeat(76)}\r\n`.repeat(Math.ceil((11 * 1024 * 1024) / 78));

    await expect(
      client().sendMail({
        envelope: { from: 'jan@quiet.example', to: [to] },
        from: 'jan@quiet.example',
        to,
        text: big,
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect((await query<{ n: number }>(testApp, `SELECT count(*)::int AS n FROM inbound_messages`))[0].n).toBe(stored);
    expect(await enrolmentStates(employers.quiet.employerId)).toEqual([{ status: 'active', exit_reason: null }]);
  });
});
