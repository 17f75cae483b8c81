import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import request from 'supertest';
import { InboundReceiver } from '@app/outreach';
import { SinkMessage, SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { ensureWsp, eventually, insertEmployer, insertTemplateVersion, query } from './outreach-delivery-fixtures';

const DOMAIN = 'inbound.vliegwiel.test';
const REPLIES = 'a@replies.example';
const LEAVES = 'b@leaves.example';
const BOUNCES = 'c@bounces.example';
const QUIET = 'd@quiet.example';

/** The header block with folded lines joined. */
const unfolded = (message: SinkMessage) =>
  message.raw
    .toString()
    .split('\r\n\r\n')[0]
    .replace(/\r\n[ \t]+/g, ' ');
const unsubscribePath = (message: SinkMessage) =>
  new URL(/(?:^|\r\n)List-Unsubscribe: <([^>]+)>/.exec(unfolded(message))![1]).pathname;

/**
 * One launched three-e-mail campaign through the whole pipeline (launch, dispatcher, SMTP, inbound
 * receiver, unsubscribe page): a reply, an unsubscribe and a hard bounce each stop only their own contact.
 */
describe('A campaign stops per contact on reply, unsubscribe and bounce', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let inboundPort: number;
  let am25: string;
  let manager: TestUser;

  beforeAll(async () => {
    let bounceAccepted = false;
    sink = await startSmtpSink({
      // The bouncing mailbox takes the first message, then is gone (550 at RCPT) for the second.
      rejectRcpt: (address) => {
        if (address !== BOUNCES) return undefined;
        if (!bounceAccepted) {
          bounceAccepted = true;
          return undefined;
        }
        return { code: 550, message: '5.1.1 No such user' };
      },
    });
    testApp = await startTestApp({
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: DOMAIN,
      INBOUND_SMTP_PORT: '0',
      PUBLIC_URL: 'https://crm.vliegwiel.test',
    });
    inboundPort = testApp.app.get(InboundReceiver).port!;
    am25 = await regionId(testApp, 'AM25');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Anna de Vries' });
    await ensureWsp(testApp, am25);
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should send each contact exactly the steps before its reply, unsubscribe or bounce and complete the campaign', async () => {
    const tag = `s-${randomBytes(4).toString('hex')}`;
    const addresses = [REPLIES, LEAVES, BOUNCES, QUIET];
    const employers = await Promise.all(addresses.map((email) => insertEmployer(testApp, am25, [email])));
    await query(testApp, `UPDATE organisations SET tags = ARRAY[$1] WHERE id = ANY($2::uuid[])`, [
      tag,
      employers.map((e) => e.employerId),
    ]);
    const [{ id: segmentId }] = await query<{ id: string }>(
      testApp,
      `INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, $3::jsonb) RETURNING id`,
      [am25, `Segment ${tag}`, JSON.stringify({ all: [{ field: 'tag', op: 'eq', value: tag }] })],
    );
    const templates = [];
    for (const subject of ['Stap 1', 'Stap 2', 'Stap 3'])
      templates.push(await insertTemplateVersion(testApp, am25, subject));
    const api = authed(testApp, manager.token);
    const created = await api
      .post('/api/campaigns')
      .send({
        name: `Campagne ${tag}`,
        regionId: am25,
        segmentId,
        sendWindow: null,
        steps: [
          { type: 'email', templateId: templates[0] },
          { type: 'wait', duration: 'PT6S', calendar: 'calendar-days' },
          { type: 'email', templateId: templates[1] },
          { type: 'wait', duration: 'PT2S', calendar: 'calendar-days' },
          { type: 'email', templateId: templates[2] },
        ],
      })
      .expect(201);
    const campaign: string = created.body.id;
    await api.post(`/api/campaigns/${campaign}/launch`).expect(202);
    const messagesTo = (address: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === address);
    await eventually(
      async () => addresses.every((address) => messagesTo(address).length === 1),
      20_000,
      'step 1 delivered to every contact',
    );

    // A replies to its reply+<token> address; B unsubscribes with one click. The sink has the message a
    // moment before the send's transaction records it as sent: wait for the record too.
    const sentTo = async (address: string) =>
      (
        await query<{ reply_token: string; message_id: string }>(
          testApp,
          `SELECT reply_token, message_id FROM send_ledger WHERE campaign_id = $1 AND to_email = $2 AND status = 'sent'`,
          [campaign, address],
        )
      )[0];
    await eventually(async () => (await sentTo(REPLIES)) !== undefined, 20_000, 'step 1 recorded as sent');
    const first = await sentTo(REPLIES);
    const replyTo = `reply+${first.reply_token}@${DOMAIN}`;
    await nodemailer
      .createTransport({ host: '127.0.0.1', port: inboundPort, secure: false, ignoreTLS: true })
      .sendMail({
        envelope: { from: REPLIES, to: [replyTo] },
        from: `Piet Jansen <${REPLIES}>`,
        to: replyTo,
        subject: 'Re: Stap 1',
        inReplyTo: first.message_id,
        text: 'Bel me maar.',
      });
    await request(testApp.app.getHttpServer())
      .post(unsubscribePath(messagesTo(LEAVES)[0]))
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);

    await eventually(
      async () => (await api.get(`/api/campaigns/${campaign}`)).body.status === 'completed',
      45_000,
      'campaign completed',
    );

    const ledger = await query<{ id: string; to_email: string; step_index: number; status: string }>(
      testApp,
      `SELECT id, to_email, step_index, status FROM send_ledger WHERE campaign_id = $1`,
      [campaign],
    );
    // Which steps each contact received, read from the ledger id in each delivered Message-ID.
    const stepsReceived = (address: string) =>
      messagesTo(address)
        .map((m) => ledger.find((row) => m.parsed.messageId?.includes(row.id))!)
        .map((row) => row.step_index)
        .sort((x, y) => x - y);
    const subjects = (address: string) => messagesTo(address).map((m) => m.parsed.subject);
    const emailSteps = [0, 2, 4];
    expect(stepsReceived(REPLIES)).toEqual([0]);
    expect(stepsReceived(LEAVES)).toEqual([0]);
    expect(stepsReceived(BOUNCES)).toEqual([0]);
    expect(stepsReceived(QUIET)).toEqual(emailSteps);
    expect(subjects(QUIET)).toEqual(['Stap 1', 'Stap 2', 'Stap 3']);
    for (const address of [REPLIES, LEAVES, BOUNCES]) expect(subjects(address)).toEqual(['Stap 1']);

    const bounced = ledger.filter((row) => row.to_email === BOUNCES).sort((x, y) => x.step_index - y.step_index);
    expect(bounced.map(({ step_index, status }) => ({ step_index, status }))).toEqual([
      { step_index: 0, status: 'sent' },
      { step_index: 2, status: 'bounced' },
    ]);
    expect(await query(testApp, `SELECT region_id, source FROM suppressions WHERE email = $1`, [BOUNCES])).toEqual([
      { region_id: null, source: 'bounce' },
    ]);
    const exits = await query<{ email: string; status: string; exit_reason: string | null }>(
      testApp,
      `SELECT c.email, e.status, e.exit_reason FROM enrolments e JOIN contacts c ON c.id = e.contact_id
       WHERE e.campaign_id = $1 ORDER BY c.email`,
      [campaign],
    );
    expect(exits).toEqual([
      { email: REPLIES, status: 'exited', exit_reason: 'replied' },
      { email: LEAVES, status: 'exited', exit_reason: 'unsubscribed' },
      { email: BOUNCES, status: 'exited', exit_reason: 'bounced' },
      { email: QUIET, status: 'completed', exit_reason: null },
    ]);
  }, 90_000);
});
