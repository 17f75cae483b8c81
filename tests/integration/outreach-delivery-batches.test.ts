import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import { DeliveryModule, EmailSendService } from '@app/outreach';
import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import type { TestApp } from '../support/test-app';
import { ensureWsp, insertEmployer, insertTemplateVersion, runningCampaign } from '../e2e/outreach-delivery-fixtures';

const SECRET = 'integration-secret-that-is-long-enough-0123';

/**
 * The send path takes a batch of email-send jobs at once (EmailSendService.sendBatch): a few statements per
 * batch, yet every row judged on its own and every job answered with its own result.
 */
describe('delivery in batches', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let sink: SmtpSink;
  let db: DataSource;
  let sender: EmailSendService;
  let regionId: string;
  let senderId: string;
  let template: string;
  const fixtureApp = () => ({ app: context }) as unknown as TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Addresses starting with "gone" do not exist: 550 at RCPT, a hard bounce.
    sink = await startSmtpSink({
      rejectRcpt: (address) => (address.startsWith('gone') ? { code: 550, message: '5.1.1 No such user' } : undefined),
    });
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
    regionId = (await db.query(`SELECT id FROM regions WHERE code = 'AM26'`))[0].id;
    [{ id: senderId }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ('am@batch.example', 'Anna', 'account_manager', $1, 'x') RETURNING id`,
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

  const step = () => ({ type: 'email', templateId: template, templateVersion: 1 });

  /** A running campaign over these employers with its rows queued for step `stepIndex`; ledger ids by address. */
  const queuedCampaign = async (
    employers: { employerId: string; contactIds: string[] }[],
    steps = [step()],
  ): Promise<{ campaign: string; rows: { id: string; email: string; enrolment_id: string }[] }> => {
    const campaign = await runningCampaign(fixtureApp(), { regionId, senderId, steps, employers });
    await db.query(`UPDATE enrolments SET next_step_at = now() + interval '1 day' WHERE campaign_id = $1`, [campaign]);
    const rows: { id: string; email: string; enrolment_id: string }[] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, due_at, queued_at)
       SELECT e.id, e.campaign_id, 0, e.contact_id, now(), now() FROM enrolments e WHERE e.campaign_id = $1
       RETURNING id, enrolment_id, (SELECT email FROM contacts WHERE id = contact_id) AS email`,
      [campaign],
    );
    return { campaign, rows };
  };
  const employers = (prefix: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, n) => insertEmployer(fixtureApp(), regionId, [`${prefix}${n}@batch.example`])),
    );
  const messagesTo = (email: string) => sink.messages.filter((m) => m.envelope.rcptTo[0] === email).length;
  const ledger = async (ids: string[]) =>
    new Map(
      (
        (await db.query(`SELECT id, status, to_email FROM send_ledger WHERE id = ANY($1::uuid[])`, [ids])) as {
          id: string;
          status: string;
          to_email: string | null;
        }[]
      ).map((row) => [row.id, row]),
    );

  it('should send every row of a batch once, record each as sent and move every enrolment on', async () => {
    const { campaign, rows } = await queuedCampaign(await employers('plain', 20), [step(), step()]);

    const results = await sender.sendBatch(rows.map((row) => ({ ledgerId: row.id, finalAttempt: false })));

    expect(results.map((result) => result.kind)).toEqual(rows.map(() => 'done'));
    results.forEach((result, index) =>
      expect(result).toEqual({ kind: 'done', note: `sent <${rows[index].id}@inbound.vliegwiel.test>` }),
    );
    for (const row of rows) expect(messagesTo(row.email)).toBe(1);
    const recorded = await ledger(rows.map((row) => row.id));
    for (const row of rows) expect(recorded.get(row.id)).toMatchObject({ status: 'sent', to_email: row.email });
    const enrolments: { current_step: number; status: string }[] = await db.query(
      `SELECT current_step, status FROM enrolments WHERE campaign_id = $1`,
      [campaign],
    );
    expect(enrolments).toHaveLength(20);
    expect(enrolments.every((e) => e.current_step === 1 && e.status === 'active')).toBe(true);
    // The prospects were reached: each employer is now `contacted`.
    const [{ contacted }] = await db.query(
      `SELECT count(*)::int AS contacted FROM organisations o JOIN enrolments e ON e.employer_id = o.id
       WHERE e.campaign_id = $1 AND o.stage = 'contacted'`,
      [campaign],
    );
    expect(contacted).toBe(20);
  });

  it('should judge each row of a batch on its own: skip the suppressed and restricted, send the rest', async () => {
    const { rows } = await queuedCampaign(await employers('mixed', 6));
    const [suppressed, restricted, ...others] = rows;
    await db.query(`INSERT INTO suppressions (email, region_id, reason, source) VALUES ($1, NULL, 'test', 'manual')`, [
      suppressed.email,
    ]);
    await db.query(
      `INSERT INTO contact_privacy (contact_id, region_id, restricted_at)
       SELECT contact_id, $2, now() FROM send_ledger WHERE id = $1`,
      [restricted.id, regionId],
    );

    const results = await sender.sendBatch(rows.map((row) => ({ ledgerId: row.id, finalAttempt: false })));

    expect(results[0]).toEqual({ kind: 'done', note: 'skipped: suppressed' });
    expect(results[1]).toEqual({ kind: 'done', note: 'skipped: restricted' });
    const recorded = await ledger(rows.map((row) => row.id));
    expect(recorded.get(suppressed.id)!.status).toBe('skipped');
    expect(recorded.get(restricted.id)!.status).toBe('skipped');
    expect(messagesTo(suppressed.email) + messagesTo(restricted.email)).toBe(0);
    for (const row of others) {
      expect(messagesTo(row.email)).toBe(1);
      expect(recorded.get(row.id)!.status).toBe('sent');
    }
  });

  it('should hold one of two campaigns mailing the same contact in one batch (contact pressure)', async () => {
    const shared = await employers('pressure', 1);
    const first = await queuedCampaign(shared);
    const second = await queuedCampaign(shared);

    const results = await sender.sendBatch(
      [first.rows[0], second.rows[0]].map((row) => ({ ledgerId: row.id, finalAttempt: false })),
    );

    expect(messagesTo('pressure0@batch.example')).toBe(1);
    expect(results.map((result) => result.kind).sort()).toEqual(['done', 'later']);
    const held = results.find((result) => result.kind === 'later')!;
    expect(held).toMatchObject({ note: 'contact pressure' });
    const recorded = await ledger([first.rows[0].id, second.rows[0].id]);
    expect([...recorded.values()].map((row) => row.status).sort()).toEqual(['queued', 'sent']);
  });

  it('should record what the server said again when the batch fails after its SMTP calls', async () => {
    const sent = await insertEmployer(fixtureApp(), regionId, ['kept@batch.example']);
    const bounced = await insertEmployer(fixtureApp(), regionId, ['gone@batch.example']);
    const { rows } = await queuedCampaign([sent, bounced]);
    // The first `sent` record fails (as a lost connection or a deadlock would): the whole batch rolls back
    // after the server answered. A sequence, because it does not roll back with the transaction.
    await db.query(`CREATE SEQUENCE fail_first_record`);
    await db.query(`CREATE FUNCTION fail_first_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('fail_first_record') = 1 THEN RAISE EXCEPTION 'injected: connection lost'; END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER fail_first_record BEFORE UPDATE ON send_ledger
      FOR EACH ROW WHEN (NEW.status = 'sent') EXECUTE FUNCTION fail_first_record()`);
    try {
      const results = await sender.sendBatch(rows.map((row) => ({ ledgerId: row.id, finalAttempt: false })));

      const byEmail = new Map(rows.map((row, index) => [row.email, results[index]]));
      expect(byEmail.get('kept@batch.example')).toMatchObject({ kind: 'done', note: expect.stringMatching(/^sent /) });
      expect(byEmail.get('gone@batch.example')).toMatchObject({
        kind: 'done',
        note: expect.stringMatching(/^bounced/),
      });
    } finally {
      await db.query(`DROP TRIGGER fail_first_record ON send_ledger`);
      await db.query(`DROP FUNCTION fail_first_record()`);
      await db.query(`DROP SEQUENCE fail_first_record`);
    }
    const recorded = await ledger(rows.map((row) => row.id));
    expect(rows.map((row) => [row.email, recorded.get(row.id)!.status])).toEqual(
      expect.arrayContaining([
        ['kept@batch.example', 'sent'],
        ['gone@batch.example', 'bounced'],
      ]),
    );
    expect(messagesTo('kept@batch.example')).toBe(1);
    const suppressed = await db.query(`SELECT source FROM suppressions WHERE email = 'gone@batch.example'`);
    expect(suppressed).toEqual([{ source: 'bounce' }]);
  });

  it('should answer a job whose row is gone or already sent without sending again', async () => {
    const { rows } = await queuedCampaign(await employers('twice', 2));
    await sender.sendBatch(rows.map((row) => ({ ledgerId: row.id, finalAttempt: false })));

    const again = await sender.sendBatch([
      { ledgerId: rows[0].id, finalAttempt: false },
      { ledgerId: '00000000-0000-4000-8000-000000000000', finalAttempt: false },
    ]);

    expect(again).toEqual([
      { kind: 'done', note: 'already sent' },
      { kind: 'done', note: 'gone' },
    ]);
    expect(messagesTo(rows[0].email)).toBe(1);
  });
});
