import request from 'supertest';
import { SinkMessage, SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import {
  ensureWsp,
  eventually,
  insertEmployer,
  insertTemplateVersion,
  pauseTasks,
  query,
  runningCampaign,
} from './outreach-delivery-fixtures';

const to = (message: SinkMessage) => message.envelope.rcptTo[0];
const messagesTo = (sink: SmtpSink, address: string) => sink.messages.filter((m) => to(m) === address);
/** The header block with folded lines joined. */
const unfolded = (message: SinkMessage) =>
  message.raw
    .toString()
    .split('\r\n\r\n')[0]
    .replace(/\r\n[ \t]+/g, ' ');
/** The `List-Unsubscribe` URL as sent. */
const unsubscribeUrl = (message: SinkMessage) => /(?:^|\r\n)List-Unsubscribe: <([^>]+)>/.exec(unfolded(message))![1];

describe('Campaign delivery over SMTP', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let am25: string;
  let sender: TestUser;
  let first: string;
  let second: string;

  const twoSteps = (wait = 'PT1S') => [
    { type: 'email', templateId: first, templateVersion: 1 },
    { type: 'wait', duration: wait, calendar: 'calendar-days' },
    { type: 'email', templateId: second, templateVersion: 1 },
  ];

  beforeAll(async () => {
    let softRefusals = 0;
    sink = await startSmtpSink({
      rejectRcpt: (address) => {
        if (address.startsWith('gone')) return { code: 550, message: '5.1.1 No such user' };
        // The first attempt for `soft@…` gets a temporary refusal.
        if (address.startsWith('soft') && softRefusals++ === 0) return { code: 451, message: '4.3.0 Try again later' };
        return undefined;
      },
    });
    testApp = await startTestApp({
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: 'inbound.vliegwiel.test',
      PUBLIC_URL: 'https://crm.vliegwiel.test',
    });
    am25 = await regionId(testApp, 'AM25');
    sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Anna de Vries' });
    await ensureWsp(testApp, am25);
    first = await insertTemplateVersion(testApp, am25, 'Kennismaking');
    second = await insertTemplateVersion(testApp, am25, 'Herinnering');
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should deliver each step exactly once per contact and complete the campaign when the steps run out', async () => {
    const a = await insertEmployer(testApp, am25, ['a1@one.example', 'a2@one.example']);
    const b = await insertEmployer(testApp, am25, ['b1@two.example']);
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: twoSteps(),
      employers: [a, b],
    });
    const addresses = ['a1@one.example', 'a2@one.example', 'b1@two.example'];
    await eventually(
      async () =>
        (await query(testApp, `SELECT status FROM campaigns WHERE id = $1`, [campaign]))[0].status === 'completed',
      20_000,
      'campaign completed',
    );
    await new Promise((resolve) => setTimeout(resolve, 2500)); // one more dispatcher tick: nothing new may go out
    for (const address of addresses) {
      const received = messagesTo(sink, address);
      expect(received.map((m) => m.parsed.subject).sort()).toEqual(['Herinnering', 'Kennismaking']);
      expect(new Set(received.map((m) => m.parsed.messageId)).size).toBe(2);
    }
    const [message] = messagesTo(sink, 'a1@one.example');
    expect(message.parsed.from?.value[0]).toEqual({ name: 'Anna de Vries', address: 'wsp@wsp.example' });
    expect(message.envelope.mailFrom).toMatch(/^reply\+[0-9a-f]{48}@inbound\.vliegwiel\.test$/);
    expect(message.parsed.replyTo?.value[0].address).toBe(message.envelope.mailFrom);
    expect(unfolded(message)).toMatch(/(^|\r\n)List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/);
    expect(String(message.parsed.html)).toContain('Postbus 12, 1000 AA Amsterdam');
    const ledger = await query<{ status: string; message_id: string }>(
      testApp,
      `SELECT status, message_id FROM send_ledger WHERE campaign_id = $1`,
      [campaign],
    );
    expect(ledger).toHaveLength(6);
    expect(ledger.every((row) => row.status === 'sent')).toBe(true);
    expect(ledger.map((row) => row.message_id).sort()).toEqual(
      sink.messages
        .filter((m) => addresses.includes(to(m)))
        .map((m) => m.parsed.messageId)
        .sort(),
    );
    const enrolments = await query(testApp, `SELECT status, current_step FROM enrolments WHERE campaign_id = $1`, [
      campaign,
    ]);
    expect(enrolments).toEqual(Array(3).fill({ status: 'completed', current_step: 3 }));
    // Employer a reaches `interested` (the default exit stage) within 30 days of its first e-mail: converted.
    await query(
      testApp,
      `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause)
       VALUES ($1, $2, 'contacted', 'interested', now(), 'manual')`,
      [a.employerId, am25],
    );
    const response = await authed(testApp, sender.token).get(`/api/campaigns/${campaign}`).expect(200);
    expect(response.body.stats).toEqual({
      sent: 6,
      bounced: 0,
      blocked: 0,
      replied: 0,
      unsubscribed: 0,
      exited: 0,
      converted: 1,
      failed: 0,
      unknown: 0,
    });
  });

  it('should move a prospect employer to contacted with cause campaign when its first e-mail is sent', async () => {
    const employer = await insertEmployer(testApp, am25, ['stage@three.example']);
    await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: first, templateVersion: 1 }],
      employers: [employer],
    });
    await sink.waitFor(sink.messages.length + 1);
    await eventually(
      async () =>
        (await query(testApp, `SELECT stage FROM organisations WHERE id = $1`, [employer.employerId]))[0].stage ===
        'contacted',
    );
    const history = await query(
      testApp,
      `SELECT from_stage, to_stage, cause FROM stage_changes WHERE employer_id = $1 ORDER BY seq`,
      [employer.employerId],
    );
    expect(history[history.length - 1]).toEqual({ from_stage: 'prospect', to_stage: 'contacted', cause: 'campaign' });
  });

  it('should bounce, suppress everywhere and exit a refused recipient while the others get both messages', async () => {
    const employer = await insertEmployer(testApp, am25, ['gone@four.example', 'stays@four.example']);
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: twoSteps(),
      employers: [employer],
    });
    await eventually(async () => messagesTo(sink, 'stays@four.example').length === 2, 20_000, 'two messages');
    const [goneEnrolment] = await query(
      testApp,
      `SELECT e.status, e.exit_reason, l.status AS ledger FROM enrolments e JOIN send_ledger l ON l.enrolment_id = e.id
       WHERE e.campaign_id = $1 AND e.contact_id = $2`,
      [campaign, employer.contactIds[0]],
    );
    expect(goneEnrolment).toEqual({ status: 'exited', exit_reason: 'bounced', ledger: 'bounced' });
    const suppressions = await query(testApp, `SELECT region_id, source FROM suppressions WHERE email = $1`, [
      'gone@four.example',
    ]);
    expect(suppressions).toEqual([{ region_id: null, source: 'bounce' }]);
    expect(messagesTo(sink, 'gone@four.example')).toHaveLength(0);
    const { body } = await authed(testApp, sender.token).get(`/api/campaigns/${campaign}`).expect(200);
    expect(body.stats).toMatchObject({ sent: 2, bounced: 1, exited: 1, unsubscribed: 0 });
  });

  it('should retry a temporary SMTP refusal and deliver the message once', async () => {
    const employer = await insertEmployer(testApp, am25, ['soft@seven.example']);
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: first, templateVersion: 1 }],
      employers: [employer],
    });
    await eventually(async () => messagesTo(sink, 'soft@seven.example').length === 1, 20_000, 'delivered on retry');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(messagesTo(sink, 'soft@seven.example')).toHaveLength(1);
    const [row] = await query(testApp, `SELECT status, attempts, last_error FROM send_ledger WHERE campaign_id = $1`, [
      campaign,
    ]);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(row.last_error).toContain('4.3.0');
    expect(await query(testApp, `SELECT 1 FROM suppressions WHERE email = 'soft@seven.example'`)).toHaveLength(0);
  });

  it('should skip the message and exit the enrolment when the address was suppressed after enrolment', async () => {
    const employer = await insertEmployer(testApp, am25, ['quiet@eight.example']);
    // Written straight into the table, so only the send-time check can stop the message.
    await query(
      testApp,
      `INSERT INTO suppressions (email, region_id, reason, source) VALUES ('quiet@eight.example', $1, 'by phone', 'manual')`,
      [am25],
    );
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: first, templateVersion: 1 }],
      employers: [employer],
    });
    await eventually(
      async () =>
        (await query(testApp, `SELECT status FROM enrolments WHERE campaign_id = $1`, [campaign]))[0].status ===
        'exited',
      15_000,
      'enrolment exited',
    );
    const [enrolment] = await query(testApp, `SELECT exit_reason FROM enrolments WHERE campaign_id = $1`, [campaign]);
    expect(enrolment.exit_reason).toBe('suppressed');
    const [row] = await query(testApp, `SELECT status FROM send_ledger WHERE campaign_id = $1`, [campaign]);
    expect(row.status).toBe('skipped');
    expect(messagesTo(sink, 'quiet@eight.example')).toHaveLength(0);
  });

  it('should pause the campaign when more than 5% of its first 200 messages bounce hard', async () => {
    const employers = await Promise.all(
      Array.from({ length: 14 }, (_, n) =>
        insertEmployer(testApp, am25, [`${n < 11 ? 'gone' : 'fine'}${n}@six.example`]),
      ),
    );
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: twoSteps('PT1H'),
      employers,
    });
    await eventually(
      async () =>
        (await query(testApp, `SELECT status FROM campaigns WHERE id = $1`, [campaign]))[0].status === 'paused',
      20_000,
      'campaign paused',
    );
    const [{ bounced }] = await query(
      testApp,
      `SELECT count(*)::int AS bounced FROM send_ledger WHERE campaign_id = $1 AND status = 'bounced'`,
      [campaign],
    );
    expect(bounced).toBe(11);
    await eventually(
      async () =>
        (await query(testApp, `SELECT 1 FROM send_ledger WHERE campaign_id = $1 AND status = 'sending'`, [campaign]))
          .length === 0,
      10_000,
      'in-flight messages finished',
    );
    const tasks = await pauseTasks(testApp, campaign);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].assignee_id).toBe(sender.id);
    expect(tasks[0].title).toMatch(/gepauzeerd: meer dan 5% van de eerste 200 berichten kwam hard terug$/);
  });

  it('should stop the follow-up for one contact only when that contact unsubscribes with one click', async () => {
    const employer = await insertEmployer(testApp, am25, ['leaves@five.example', 'keeps@five.example']);
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: twoSteps('PT4S'),
      employers: [employer],
    });
    await eventually(async () => messagesTo(sink, 'leaves@five.example').length === 1, 15_000, 'first message');
    const link = unsubscribeUrl(messagesTo(sink, 'leaves@five.example')[0]);
    const path = new URL(link).pathname;
    expect(link.startsWith('https://crm.vliegwiel.test/u/')).toBe(true);
    const server = testApp.app.getHttpServer();
    const page = await request(server).get(path).expect(200);
    expect(page.text).toContain('Afmelden');
    expect(await query(testApp, `SELECT 1 FROM suppressions WHERE email = 'leaves@five.example'`)).toHaveLength(0);
    await request(server)
      .post(path)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    await eventually(async () => messagesTo(sink, 'keeps@five.example').length === 2, 20_000, 'follow-up');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(messagesTo(sink, 'leaves@five.example')).toHaveLength(1);
    const rows = await query(testApp, `SELECT contact_id, status, exit_reason FROM enrolments WHERE campaign_id = $1`, [
      campaign,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        { contact_id: employer.contactIds[0], status: 'exited', exit_reason: 'unsubscribed' },
        { contact_id: employer.contactIds[1], status: 'completed', exit_reason: null },
      ]),
    );
    const [suppression] = await query(testApp, `SELECT region_id, source FROM suppressions WHERE email = $1`, [
      'leaves@five.example',
    ]);
    expect(suppression).toEqual({ region_id: am25, source: 'unsubscribe' });
    const { body } = await authed(testApp, sender.token).get(`/api/campaigns/${campaign}`).expect(200);
    expect(body.stats).toMatchObject({ sent: 3, unsubscribed: 1, exited: 1 });
  });

  it('should answer 404 and change nothing when the unsubscribe token is forged or altered', async () => {
    const server = testApp.app.getHttpServer();
    const [row] = await query<{ id: string }>(testApp, `SELECT id FROM send_ledger WHERE status = 'sent' LIMIT 1`);
    const genuine = unsubscribeUrl(sink.messages.find((m) => m.parsed.messageId?.includes(row.id))!).split('/u/')[1];
    const altered = `${genuine.slice(0, 40)}${genuine[40] === 'A' ? 'B' : 'A'}${genuine.slice(41)}`;
    const before = await query(testApp, `SELECT count(*)::int AS n FROM suppressions`);
    await request(server).post(`/u/${altered}`).expect(404);
    await request(server).get(`/u/${altered}`).expect(404);
    await request(server).post('/u/not-a-token').expect(404);
    expect(await query(testApp, `SELECT count(*)::int AS n FROM suppressions`)).toEqual(before);
  });
});
