import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, CoreInfrastructureModule, FixedClock, loadConfig, QueueName } from '@app/core';
import {
  DataSubjectService,
  PrivacyQueryService,
  RETENTION_JOB,
  RETENTION_SCHEDULE,
  RetentionService,
  RetentionWorkerModule,
} from '@app/outreach';
import type { Principal } from '@app/auth';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import {
  erasedAddressSql,
  erasedAddressSqlKey,
  erasedAddressToken,
} from '../../libs/outreach/src/privacy/erased-address';
import { SendLedgerRepository } from '../../libs/outreach/src/delivery/send-ledger.repository';

const DAY = 86_400_000;

describe('the nightly retention run (maintenance queue)', () => {
  let database: TestDatabase;
  let app: TestingModule;
  let db: DataSource;
  let retention: RetentionService;
  let dataDir: string;
  const clock = new FixedClock(new Date());
  let region: string;
  let oldEmployer: { employerId: string; contactId: string };
  let activeEmployer: { employerId: string; contactId: string };

  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);

  async function employer(name: string, createdDaysAgo: number): Promise<{ employerId: string; contactId: string }> {
    const [{ id }] = await db.query(
      `INSERT INTO organisations (region_id, kind, name, created_at, updated_at) VALUES ($1, 'employer', $2, $3, $3)
       RETURNING id`,
      [region, name, ago(createdDaysAgo)],
    );
    const [contact] = await db.query(
      `INSERT INTO contacts (organisation_id, region_id, last_name, email, is_primary, created_at, updated_at)
       VALUES ($1, $2, 'Jansen', $3, true, $4, $4) RETURNING id`,
      [id, region, `${name.toLowerCase()}@retention.example`, ago(createdDaysAgo)],
    );
    return { employerId: id, contactId: contact.id };
  }

  async function sentMail(enrolmentId: string, contactId: string, campaignId: string, step: number, daysAgo: number) {
    const [ledger] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, sent_at, finished_at)
       VALUES ($1, $2, $3, $4, 'jansen@retention.example', 'sent', $5, $5, $5) RETURNING id`,
      [enrolmentId, campaignId, step, contactId, ago(daysAgo)],
    );
    return ledger.id as string;
  }

  async function inbound(ledgerId: string, employerId: string, daysAgo: number): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO inbound_messages (ledger_id, employer_id, kind, envelope_from, envelope_to, from_address, subject, raw,
                                     received_at, processed_at, result)
       VALUES ($1, $2, 'reply', 'jansen@retention.example', 'reply+t@in.example', 'jansen@retention.example', 'Re: hallo',
               convert_to('From: Piet Jansen <jansen@retention.example>', 'UTF8'), $3, $3,
               '{"matched": true, "from": "jansen@retention.example"}'::jsonb)
       RETURNING id`,
      [ledgerId, employerId, ago(daysAgo)],
    );
    return row.id as string;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'vw-retention-'));
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
      DATA_DIR: dataDir,
      RETENTION_INBOUND_DAYS: '90',
      RETENTION_SENT_BODY_DAYS: '365',
      RETENTION_INACTIVE_CONTACT_DAYS: '730',
    });
    app = await Test.createTestingModule({
      imports: [CoreInfrastructureModule.forRoot(config, database.url), RetentionWorkerModule],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app.useLogger(['error', 'warn']);
    await app.init();
    db = app.get(DataSource);
    retention = app.get(RetentionService);
    region = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`))[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('should blank old inbound mail, forget old recipients, remove old outbox copies and flag inactive employers when run', async () => {
    oldEmployer = await employer('Oud', 800);
    activeEmployer = await employer('Actief', 800);
    const [{ id: senderId }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash)
       VALUES ('sender@retention.example', 'S', 'coordinator', ARRAY[$1]::uuid[], 'x') RETURNING id`,
      [region],
    );
    const [{ id: campaignId }] = await db.query(
      `INSERT INTO campaigns (region_id, name, sender_id, steps, status)
       VALUES ($1, 'C', $2, '[{"type": "task", "title": "t"}]'::jsonb, 'completed') RETURNING id`,
      [region, senderId],
    );
    const [enrolment] = await db.query(
      `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, status)
       VALUES ($1, $2, $3, $4, 'completed') RETURNING id`,
      [campaignId, activeEmployer.contactId, activeEmployer.employerId, region],
    );
    const oldLedger = await sentMail(enrolment.id, activeEmployer.contactId, campaignId, 0, 400);
    const newLedger = await sentMail(enrolment.id, activeEmployer.contactId, campaignId, 1, 10);
    const oldInbound = await inbound(oldLedger, activeEmployer.employerId, 100);
    const newInbound = await inbound(newLedger, activeEmployer.employerId, 10);
    const outbox = path.join(dataDir, 'outbox');
    await mkdir(outbox, { recursive: true });
    await writeFile(path.join(outbox, 'old.eml'), 'To: jansen@retention.example\r\n\r\nhallo');
    await writeFile(path.join(outbox, 'new.eml'), 'To: jansen@retention.example\r\n\r\nhallo');
    await utimes(path.join(outbox, 'old.eml'), ago(400), ago(400));
    await db.query(
      `INSERT INTO login_failures (email, address, at) VALUES ('a@b.example', '10.0.0.1', $1), ($2, '10.0.0.1', $3)`,
      [ago(2), 'recent@b.example', ago(0)],
    );

    const summary = await retention.run();

    expect(summary).toEqual({
      inboundBlanked: 1,
      sentAddressesRemoved: 1,
      outboxCopiesRemoved: 1,
      contactsFlaggedForReview: 1,
      contactsUnflagged: 0,
      loginFailuresPurged: 1,
    });
    const messages = await db.query(
      `SELECT id, octet_length(raw) AS size, from_address, envelope_from, subject, result::text AS result, kind, ledger_id
       FROM inbound_messages ORDER BY received_at`,
    );
    expect(messages[0]).toEqual({
      id: oldInbound,
      size: 0,
      from_address: null,
      envelope_from: null,
      subject: null,
      result: '{"from": "[verwijderd]", "matched": true}',
      kind: 'reply',
      ledger_id: oldLedger,
    });
    expect(messages[1]).toMatchObject({
      id: newInbound,
      from_address: 'jansen@retention.example',
      subject: 'Re: hallo',
    });
    expect(await db.query(`SELECT id, to_email, status FROM send_ledger ORDER BY sent_at`)).toEqual([
      { id: oldLedger, to_email: null, status: 'sent' },
      { id: newLedger, to_email: 'jansen@retention.example', status: 'sent' },
    ]);
    expect(await readdir(outbox)).toEqual(['new.eml']);
    expect(await db.query(`SELECT email FROM login_failures`)).toEqual([{ email: 'recent@b.example' }]);
    expect(await db.query(`SELECT contact_id, review_due_at FROM contact_privacy`)).toEqual([
      { contact_id: oldEmployer.contactId, review_due_at: clock.now() },
    ]);
    const [run] = await db.query(`SELECT ran_at, settings, summary FROM retention_runs`);
    expect(run).toEqual({
      ran_at: clock.now(),
      settings: { inboundDays: 90, sentBodyDays: 365, inactiveContactDays: 730 },
      summary,
    });
  });

  it('should change nothing more when run again, and act on what aged when the clock moves', async () => {
    expect(await retention.run()).toEqual({
      inboundBlanked: 0,
      sentAddressesRemoved: 0,
      outboxCopiesRemoved: 0,
      contactsFlaggedForReview: 0,
      contactsUnflagged: 0,
      loginFailuresPurged: 0,
    });

    clock.advance(90 * DAY);

    expect(await retention.run()).toMatchObject({ inboundBlanked: 1, sentAddressesRemoved: 0 });
    expect(await db.query(`SELECT count(*)::int AS n FROM inbound_messages WHERE octet_length(raw) > 0`)).toEqual([
      { n: 0 },
    ]);
  });

  it('should clear the review flag when the employer becomes active again', async () => {
    await db.query(
      `INSERT INTO activities (employer_id, region_id, type, at, summary) VALUES ($1, $2, 'call', $3, 'Gebeld')`,
      [oldEmployer.employerId, region, clock.now()],
    );

    expect(await retention.run()).toMatchObject({ contactsUnflagged: 1, contactsFlaggedForReview: 0 });
    expect(
      await db.query(`SELECT review_due_at FROM contact_privacy WHERE contact_id = $1`, [oldEmployer.contactId]),
    ).toEqual([{ review_due_at: null }]);
  });

  it('should not flag a contact again for one inactivity period when a person kept it at review', async () => {
    const kept = await employer('Bewaard', 800);
    const flagged = await employer('Gemarkeerd', 800);
    await retention.run();
    const principal = await admin();

    await app.get(PrivacyQueryService).keep(principal, kept.contactId);

    expect(
      await db.query(`SELECT review_due_at, kept_at FROM contact_privacy WHERE contact_id = $1`, [kept.contactId]),
    ).toEqual([{ review_due_at: null, kept_at: clock.now() }]);
    clock.advance(DAY);
    await retention.run();
    const dueOf = async (contactId: string) =>
      (await db.query(`SELECT review_due_at FROM contact_privacy WHERE contact_id = $1`, [contactId]))[0].review_due_at;
    expect(await dueOf(kept.contactId)).toBeNull();
    expect(await dueOf(flagged.contactId)).not.toBeNull();
    const [audit] = await db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [kept.contactId]);
    expect(audit).toEqual({ action: 'privacy.keep', after: { request: 'keep' } });
  });

  it("should clear the review flag when one of the employer's contacts is updated", async () => {
    const updated = await employer('Bijgewerkt', 800);
    await retention.run();
    expect(
      (await db.query(`SELECT review_due_at FROM contact_privacy WHERE contact_id = $1`, [updated.contactId]))[0],
    ).toEqual({ review_due_at: expect.any(Date) });
    await db.query(`UPDATE contacts SET role = 'Directeur', updated_at = $2 WHERE id = $1`, [
      updated.contactId,
      clock.now(),
    ]);

    await retention.run();

    expect(
      await db.query(`SELECT review_due_at FROM contact_privacy WHERE contact_id = $1`, [updated.contactId]),
    ).toEqual([{ review_due_at: null }]);
  });

  it('should drop the recipient of a send when it is recorded after the contact was erased', async () => {
    const person = await employer('Laat', 10);
    const [{ id: campaignId }] = await db.query(
      `INSERT INTO campaigns (region_id, name, sender_id, steps, status)
       VALUES ($1, 'L', $2, '[{"type": "task", "title": "t"}]'::jsonb, 'running') RETURNING id`,
      [region, (await admin()).id],
    );
    const [{ id: enrolmentId }] = await db.query(
      `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, status)
       VALUES ($1, $2, $3, $4, 'active') RETURNING id`,
      [campaignId, person.contactId, person.employerId, region],
    );
    const [{ id: ledgerId }] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, status, due_at)
       VALUES ($1, $2, 0, $3, 'sending', $4) RETURNING id`,
      [enrolmentId, campaignId, person.contactId, clock.now()],
    );
    await app.get(DataSubjectService).erase(await admin(), person.contactId);

    // The send path records the accepted message after the erasure committed (e.g. a retried transaction).
    // (The repository on its own: this test's app has no delivery module.)
    await new SendLedgerRepository(db).finishSent(
      [{ id: ledgerId, toEmail: 'laat@retention.example', messageId: '<laat@x>', replyToken: 'r' }],
      clock.now(),
    );

    expect(await db.query(`SELECT status, to_email FROM send_ledger WHERE id = $1`, [ledgerId])).toEqual([
      { status: 'sent', to_email: null },
    ]);
  });

  /** An admin to erase with (one per test, so tests need not run in order). */
  async function admin(): Promise<Principal> {
    const email = `admin-${randomUUID()}@retention.example`;
    const [{ id }] = await db.query(
      `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ($1, 'A', 'admin', '{}', 'x') RETURNING id`,
      [email],
    );
    return { id, email, name: 'A', role: 'admin', regionIds: [] };
  }

  it('should delete the outbox copies that mention an address when its person is erased', async () => {
    const person = await employer('Wissen', 10);
    await db.query(`UPDATE contacts SET email = 'Wissen@Retention.example' WHERE id = $1`, [person.contactId]);
    const outbox = path.join(dataDir, 'outbox');
    await mkdir(outbox, { recursive: true });
    await writeFile(path.join(outbox, 'to-person.eml'), 'To: Piet <wissen@retention.EXAMPLE>\r\n\r\nhallo');
    await writeFile(path.join(outbox, 'to-other.eml'), 'To: ander@retention.example\r\n\r\nhallo');

    await app.get(DataSubjectService).erase(await admin(), person.contactId);

    const left = await readdir(outbox);
    expect(left).toContain('to-other.eml');
    expect(left).not.toContain('to-person.eml');
  });

  it('should undo the erasure when a copy cannot be removed, and remove the copies when it is retried', async () => {
    const person = await employer('Opnieuw', 10);
    const outbox = path.join(dataDir, 'outbox');
    await mkdir(outbox, { recursive: true });
    await writeFile(path.join(outbox, 'retry-person.eml'), 'To: opnieuw@retention.example\r\n\r\nhallo');
    // A copy that cannot be read (a directory by that name) stands for any file error.
    const blocker = path.join(outbox, 'retry-blocker.eml');
    await mkdir(blocker);
    const principal = await admin();

    try {
      await expect(app.get(DataSubjectService).erase(principal, person.contactId)).rejects.toThrow();
      expect(await db.query(`SELECT email FROM contacts WHERE id = $1`, [person.contactId])).toEqual([
        { email: 'opnieuw@retention.example' },
      ]);
      expect(await db.query(`SELECT 1 FROM contact_privacy WHERE contact_id = $1`, [person.contactId])).toEqual([]);
    } finally {
      await rm(blocker, { recursive: true, force: true });
    }
    await writeFile(path.join(outbox, 'retry-person-2.eml'), 'To: OPNIEUW@retention.example\r\n\r\nhallo');

    await app.get(DataSubjectService).erase(principal, person.contactId);

    const left = await readdir(outbox);
    expect(left.filter((name) => name.startsWith('retry-'))).toEqual([]);
    expect(await db.query(`SELECT email FROM contacts WHERE id = $1`, [person.contactId])).toEqual([{ email: null }]);
  });

  it('should finish the run and keep the JSON valid when an old result quotes an address next to an escape', async () => {
    const person = await employer('Escape', 1000);
    const [{ id: messageId }] = await db.query(
      `INSERT INTO inbound_messages (employer_id, kind, envelope_to, raw, received_at, processed_at, result)
       VALUES ($1, 'reply', 'reply+t@in.example', convert_to('x', 'UTF8'), $2, $2, jsonb_build_object('note', $3::text))
       RETURNING id`,
      [person.employerId, ago(1000), 'schreef "piet@escape.example" op'],
    );
    const [{ id: campaignId }] = await db.query(
      `INSERT INTO campaigns (region_id, name, sender_id, steps, status) VALUES ($1, 'E', $2, '[{"type": "task", "title": "t"}]'::jsonb, 'completed')
       RETURNING id`,
      [region, (await admin()).id],
    );
    const [{ id: enrolmentId }] = await db.query(
      `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, status)
       VALUES ($1, $2, $3, $4, 'completed') RETURNING id`,
      [campaignId, person.contactId, person.employerId, region],
    );
    const [{ id: ledgerId }] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, to_email, status, due_at, finished_at, last_error)
       VALUES ($1, $2, 0, $3, 'escape@retention.example', 'failed', $4, $4, '550 <escape@retention.example>: unknown')
       RETURNING id`,
      [enrolmentId, campaignId, person.contactId, ago(1000)],
    );

    await retention.run();

    expect(await db.query(`SELECT result->>'note' AS note FROM inbound_messages WHERE id = $1`, [messageId])).toEqual([
      { note: 'schreef "[verwijderd]" op' },
    ]);
    expect(await db.query(`SELECT to_email, last_error FROM send_ledger WHERE id = $1`, [ledgerId])).toEqual([
      { to_email: null, last_error: '550 <[verwijderd]>: unknown' },
    ]);
  });

  it('should compute the same erased-address token in SQL as in Node when an address has odd spacing or case', async () => {
    const secret = 'a-test-secret';
    for (const address of [' Piet@Example.NL\t', '\u00a0x@y.nl\n', 'ÉLISE@Voorbeeld.nl', 'a@b.nl\u2003']) {
      const [{ token }] = await db.query(`SELECT ${erasedAddressSql('$1::text', '$2::bytea')} AS token`, [
        address,
        erasedAddressSqlKey(secret),
      ]);
      expect({ address, token }).toEqual({ address, token: erasedAddressToken(secret, address) });
    }
  });

  it('should run the retention job when the maintenance queue gets one, with the nightly scheduler registered', async () => {
    const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
    const scheduler = await queue.getJobScheduler(RETENTION_JOB);
    expect(scheduler).toMatchObject({ pattern: RETENTION_SCHEDULE.pattern, tz: RETENTION_SCHEDULE.tz });
    const [{ n: before }] = await db.query(`SELECT count(*)::int AS n FROM retention_runs`);

    await queue.add(RETENTION_JOB, {}, { jobId: `retention-test-${Date.now()}` });

    const deadline = Date.now() + 15_000;
    for (;;) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM retention_runs`);
      if (n > before) break;
      if (Date.now() > deadline) throw new Error('The retention job did not run');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
