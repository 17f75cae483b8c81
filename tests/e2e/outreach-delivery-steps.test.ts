import { SendCalendar, toAmsterdam } from '@app/outreach';
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

describe('Campaign task steps and contact pressure', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let am25: string;
  let sender: TestUser;
  let owner: TestUser;
  let template: string;
  const received = (address: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === address);

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: 'inbound.vliegwiel.test' });
    am25 = await regionId(testApp, 'AM25');
    sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    owner = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    await ensureWsp(testApp, am25);
    template = await insertTemplateVersion(testApp, am25, 'Hallo');
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should create one task for the employer owner and complete the enrolment when a task step follows the e-mail', async () => {
    const employer = await insertEmployer(testApp, am25, ['task@task.example'], owner.id);
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [
        { type: 'email', templateId: template, templateVersion: 1 },
        { type: 'task', title: 'Bel de werkgever na' },
      ],
      employers: [employer],
    });
    await eventually(
      async () =>
        (await query(testApp, `SELECT status FROM enrolments WHERE campaign_id = $1`, [campaign]))[0].status ===
        'completed',
      15_000,
      'enrolment completed',
    );
    const tasks = await query(testApp, `SELECT title, assignee_id, created_by FROM tasks WHERE employer_id = $1`, [
      employer.employerId,
    ]);
    expect(tasks).toEqual([{ title: 'Bel de werkgever na', assignee_id: owner.id, created_by: sender.id }]);
    expect(received('task@task.example')).toHaveLength(1);
  });

  it('should keep an e-mail in the database until the send window opens when it is due outside the window', async () => {
    const employer = await insertEmployer(testApp, am25, ['window@window.example']);
    // Open only on a day that is not today (Europe/Amsterdam), all day long.
    const today = toAmsterdam(new Date()).date;
    const weekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const sendWindow = { days: [(weekday % 7) + 1], from: '00:00', to: '24:00' };
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [employer],
      sendWindow,
    });
    const expected = new SendCalendar().nextSendTime(new Date(), sendWindow);
    await eventually(
      async () =>
        (
          await query<{ next_step_at: Date }>(testApp, `SELECT next_step_at FROM enrolments WHERE campaign_id = $1`, [
            campaign,
          ])
        )[0].next_step_at.getTime() === expected.getTime(),
      10_000,
      'postponed to the window',
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(received('window@window.example')).toHaveLength(0);
    expect(await query(testApp, `SELECT 1 FROM send_ledger WHERE campaign_id = $1`, [campaign])).toHaveLength(0);
  });

  it('should hold an e-mail back and count it as waitingForPressure when another campaign mailed the contact within pressureDays', async () => {
    const pressed = await insertEmployer(testApp, am25, ['pressed@pressure.example']);
    const free = await insertEmployer(testApp, am25, ['free@pressure.example']);
    // Another campaign of the region mailed `pressed` yesterday (the region's pressureDays is 7).
    const earlier = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [pressed],
    });
    await query(testApp, `UPDATE campaigns SET status = 'completed' WHERE id = $1`, [earlier]);
    await query(
      testApp,
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, sent_at)
       SELECT id, campaign_id, 0, contact_id, 'pressed@pressure.example', 'sent', now() - interval '1 day', now() - interval '1 day'
       FROM enrolments WHERE campaign_id = $1`,
      [earlier],
    );
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [pressed, free],
    });
    await eventually(async () => received('free@pressure.example').length === 1, 15_000, 'unpressed contact mailed');
    await eventually(
      async () =>
        (
          await query(
            testApp,
            `SELECT 1 FROM send_ledger WHERE campaign_id = $1 AND contact_id = $2 AND waiting_for_pressure`,
            [campaign, pressed.contactIds[0]],
          )
        ).length === 1,
      10_000,
      'pressure recorded',
    );
    const [row] = await query<{ status: string; due_at: Date; sent_at: Date }>(
      testApp,
      `SELECT l.status, l.due_at, p.sent_at FROM send_ledger l, send_ledger p
       WHERE l.campaign_id = $1 AND l.contact_id = $2 AND p.campaign_id = $3`,
      [campaign, pressed.contactIds[0], earlier],
    );
    expect(row.status).toBe('queued');
    expect(row.due_at.getTime() - row.sent_at.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    expect(received('pressed@pressure.example')).toHaveLength(0);
    const { body } = await authed(testApp, sender.token).get(`/api/campaigns/${campaign}`).expect(200);
    expect(body.progress.waitingForPressure).toBe(1);
    expect(body.stats.sent).toBe(1);
  });
});
