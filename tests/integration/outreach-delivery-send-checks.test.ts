import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig, QueueName } from '@app/core';
import { DeliveryModule, DispatcherService, EmailSendService } from '@app/outreach';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import type { TestApp } from '../support/test-app';
import {
  ensureWsp,
  eventually,
  insertEmployer,
  insertTemplateVersion,
  runningCampaign,
} from '../e2e/outreach-delivery-fixtures';

const SECRET = 'integration-secret-that-is-long-enough-0123';

/** Delivery's own checks, with the services called directly (no dispatch schedule) on a real Redis and PostgreSQL. */
describe('delivery recovery and send-time checks', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let sink: SmtpSink;
  let db: DataSource;
  let sender: EmailSendService;
  let dispatcher: DispatcherService;
  let emailQueue: Queue;
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
      INBOUND_DOMAIN: 'inbound.vliegwiel.test',
      APP_SECRET: SECRET,
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), DeliveryModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    db = context.get(DataSource);
    sender = context.get(EmailSendService);
    dispatcher = context.get(DispatcherService);
    emailQueue = context.get<Queue>(getQueueToken(QueueName.EmailSend));
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

  /** One enrolment at its e-mail step with a queued ledger row; the enrolment itself is not due (only the row is). */
  const queuedRow = async (email: string, extra: { exitStage?: string } = {}) => {
    const employer = await insertEmployer(fixtureApp(), regionId, [email]);
    const step = { type: 'email', templateId: template, templateVersion: 1 };
    const campaign = await runningCampaign(fixtureApp(), { regionId, senderId, steps: [step], employers: [employer] });
    if (extra.exitStage)
      await db.query(`UPDATE campaigns SET exit_stage = $2 WHERE id = $1`, [campaign, extra.exitStage]);
    await db.query(`UPDATE enrolments SET next_step_at = now() + interval '1 day' WHERE campaign_id = $1`, [campaign]);
    const [row]: { id: string; enrolment_id: string }[] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at, queued_at)
       SELECT id, campaign_id, 0, contact_id, now(), now() - interval '1 minute' FROM enrolments WHERE campaign_id = $1
       RETURNING id, enrolment_id`,
      [campaign],
    );
    return { ...row, employerId: employer.employerId, campaign };
  };

  const messagesTo = (email: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === email).length;
  const workerOptions = () => ({ connection: emailQueue.opts.connection, prefix: emailQueue.opts.prefix });

  it('should re-add and send a queued row when its send job is still kept in the failed set', async () => {
    const row = await queuedRow('failed-job@lost.example');
    const jobId = `send-${row.id}`;
    // The job failed all its attempts earlier (e.g. SMTP down) and is kept in Redis under its deterministic id.
    const failing = new Worker(
      QueueName.EmailSend,
      async () => {
        throw new Error('smtp down');
      },
      workerOptions(),
    );
    await emailQueue.add('send', { ledgerId: row.id }, { jobId, attempts: 1 });
    await eventually(async () => (await emailQueue.getJob(jobId))?.failedReason !== undefined, 10_000, 'failed job');
    await failing.close();
    expect(await (await emailQueue.getJob(jobId))!.getState()).toBe('failed');

    await dispatcher.tick();

    expect(['waiting', 'delayed']).toContain(await (await emailQueue.getJob(jobId))!.getState());
    const sending = new Worker(
      QueueName.EmailSend,
      async (job) => sender.send((job.data as { ledgerId: string }).ledgerId, false),
      workerOptions(),
    );
    try {
      await eventually(async () => messagesTo('failed-job@lost.example') === 1, 10_000, 'the message');
    } finally {
      await sending.close();
    }
    const [ledger] = await db.query(`SELECT status FROM send_ledger WHERE id = $1`, [row.id]);
    expect(ledger.status).toBe('sent');
  }, 30_000);

  it.each([
    ['not_interested', 'interested', 'not_interested'],
    ['paused', 'interested', 'paused'],
    ['interested', 'interested', 'stage_reached'],
    ['sw_pilot', 'interested', 'stage_reached'],
  ])(
    'should skip the message and exit the enrolment when the employer is %s (exit stage %s) without the stage event',
    async (stage, exitStage, reason) => {
      const email = `stage-${stage}@stage.example`;
      const row = await queuedRow(email, { exitStage });
      // Straight in the table: no stage event, so no listener exits the enrolment.
      await db.query(`UPDATE organisations SET stage = $2 WHERE id = $1`, [row.employerId, stage]);

      const result = await sender.send(row.id, false);

      expect(result.kind).toBe('done');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(messagesTo(email)).toBe(0);
      const [ledger] = await db.query(`SELECT status FROM send_ledger WHERE id = $1`, [row.id]);
      expect(ledger.status).toBe('skipped');
      const [enrolment] = await db.query(`SELECT status, exit_reason FROM enrolments WHERE id = $1`, [
        row.enrolment_id,
      ]);
      expect(enrolment).toEqual({ status: 'exited', exit_reason: reason });
    },
  );

  it('should still send when the employer is before the campaign exit stage', async () => {
    const row = await queuedRow('stage-contacted@stage.example', { exitStage: 'interested' });
    await db.query(`UPDATE organisations SET stage = 'contacted' WHERE id = $1`, [row.employerId]);

    await sender.send(row.id, false);

    expect(messagesTo('stage-contacted@stage.example')).toBe(1);
  });
});
