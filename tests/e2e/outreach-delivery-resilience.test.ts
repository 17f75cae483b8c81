import { Redis } from 'ioredis';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@app/core';
import { DISPATCH_JOB, DispatcherService } from '@app/outreach';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { createUser, regionId, TestUser } from '../support/session';
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Campaign delivery when Redis is emptied, the dispatcher runs twice, or a cap holds', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let am25: string;
  let sender: TestUser;
  let template: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: 'inbound.vliegwiel.test' });
    am25 = await regionId(testApp, 'AM25');
    sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    await ensureWsp(testApp, am25);
    template = await insertTemplateVersion(testApp, am25, 'Hallo');
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should never send more than maxPerHour messages of a campaign within the hour', async () => {
    const employers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => insertEmployer(testApp, am25, [`cap${n}@cap.example`])),
    );
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers,
      maxPerHour: 3,
    });
    const capped = () => sink.messages.filter((m) => m.envelope.rcptTo[0].endsWith('@cap.example'));
    await eventually(async () => capped().length >= 3, 15_000, 'three messages');
    await pause(6000);
    expect(capped()).toHaveLength(3);
    const [counts] = await query(
      testApp,
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS ledger
       FROM send_ledger WHERE campaign_id = $1`,
      [campaign],
    );
    expect(counts.sent).toBe(3);
    // The rest waits in the database, not in Redis.
    expect(counts.ledger).toBe(3);
    const [{ active }] = await query(
      testApp,
      `SELECT count(*)::int AS active FROM enrolments WHERE campaign_id = $1 AND status = 'active'`,
      [campaign],
    );
    expect(active).toBe(3);
  }, 30_000);

  it('should send every step exactly once per contact when every queue key is deleted mid-campaign and the dispatcher runs in parallel', async () => {
    const addresses = [1, 2, 3, 4, 5].map((n) => `flush${n}@flush.example`);
    const employers = await Promise.all(addresses.map((address) => insertEmployer(testApp, am25, [address])));
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [
        { type: 'email', templateId: template, templateVersion: 1 },
        { type: 'wait', duration: 'PT3S', calendar: 'calendar-days' },
        { type: 'email', templateId: template, templateVersion: 1 },
      ],
      employers,
    });
    const received = (address: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === address);
    const dispatcher = testApp.app.get(DispatcherService, { strict: false });
    await Promise.all([dispatcher.tick(), dispatcher.tick(), dispatcher.tick()]);
    await eventually(async () => addresses.some((a) => received(a).length >= 1), 15_000, 'a first message');
    const redis = new Redis(testApp.config.redisUrl);
    try {
      const keys = await redis.keys(`${testApp.config.queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    // No restart and no manual tick: the scheduler check and the ledger recovery rebuild what was lost.
    const queue = testApp.app.get<Queue>(getQueueToken(QueueName.Dispatch), { strict: false });
    await eventually(async () => (await queue.getJobScheduler(DISPATCH_JOB)) !== undefined, 30_000, 'scheduler back');
    await eventually(
      async () => addresses.every((a) => received(a).length >= 2),
      50_000,
      'every contact has both messages',
    );
    await pause(3000);
    for (const address of addresses) {
      const ids = received(address).map((m) => m.parsed.messageId);
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
    }
    const ledger = await query(testApp, `SELECT status FROM send_ledger WHERE campaign_id = $1`, [campaign]);
    expect(ledger).toEqual(Array(10).fill({ status: 'sent' }));
  }, 70_000);
});

describe('Campaign delivery when the SMTP server refuses us', () => {
  let testApp: TestApp;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink({ rejectAuth: true });
    testApp = await startTestApp({
      SMTP_URL: `smtp://vliegwiel:wrong@127.0.0.1:${sink.port}`,
      INBOUND_DOMAIN: 'inbound.vliegwiel.test',
    });
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should count the messages as blocked, pause the campaign and suppress no one when our login is refused', async () => {
    const am25 = await regionId(testApp, 'AM25');
    const sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    await ensureWsp(testApp, am25);
    const template = await insertTemplateVersion(testApp, am25, 'Hallo');
    const employers = await Promise.all(
      [1, 2, 3, 4].map((n) => insertEmployer(testApp, am25, [`blocked${n}@block.example`])),
    );
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers,
    });
    await eventually(
      async () =>
        (await query(testApp, `SELECT status FROM campaigns WHERE id = $1`, [campaign]))[0].status === 'paused',
      20_000,
      'campaign paused',
    );
    const ledger = await query<{ status: string }>(testApp, `SELECT status FROM send_ledger WHERE campaign_id = $1`, [
      campaign,
    ]);
    expect(ledger.filter((row) => row.status === 'blocked').length).toBeGreaterThanOrEqual(3);
    expect(ledger.some((row) => row.status === 'sent')).toBe(false);
    expect(await query(testApp, `SELECT 1 FROM suppressions`)).toHaveLength(0);
    const enrolments = await query(testApp, `SELECT status FROM enrolments WHERE campaign_id = $1`, [campaign]);
    expect(enrolments).toEqual(Array(4).fill({ status: 'active' }));
    expect(sink.messages).toHaveLength(0);
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
    expect(tasks[0].title).toContain('gepauzeerd: de mailserver weigert onze berichten');
  }, 30_000);
});
