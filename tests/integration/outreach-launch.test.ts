import { randomBytes } from 'node:crypto';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { StageService, StagesModule } from '@app/crm';
import type { Principal } from '@app/auth';
import { EnrolmentExits, LaunchEnrolment, LaunchWorkerModule } from '@app/outreach';
import { LaunchFixtures } from './outreach-launch-support';

/** The launch's enrolling, skip reasons, retries and stage exits on real PostgreSQL and Redis. */
describe('Campaign launch', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  let launch: LaunchEnrolment;
  let fixtures: LaunchFixtures;
  let am25: string;
  let sender: string;

  /** A fresh tag, so each test's segment selects only its own employers. */
  const newTag = () => `t-${randomBytes(4).toString('hex')}`;
  const byTag = (tag: string) => ({ all: [{ field: 'tag', op: 'eq', value: tag }] });
  const campaignFor = async (tag: string, extra: { contactScope?: 'primary' | 'all'; exitStage?: string } = {}) =>
    fixtures.campaign({
      regionId: am25,
      segmentId: await fixtures.segment(am25, byTag(tag)),
      senderId: sender,
      templateId: await fixtures.template(am25),
      ...extra,
    });
  const segmentOf = async (campaignId: string): Promise<string> =>
    (await db.query(`SELECT segment_id FROM campaigns WHERE id = $1`, [campaignId]))[0].segment_id;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), LaunchWorkerModule, StagesModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    await context.init();
    db = context.get(DataSource);
    launch = context.get(LaunchEnrolment);
    fixtures = new LaunchFixtures(db);
    am25 = await fixtures.regionId('AM25');
    sender = await fixtures.user(am25);
    await fixtures.wsp(am25);
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  /** One employer per skip reason, plus one enrolled, one with two contacts and one without any. */
  const skipWorld = async (tag: string) => {
    const at = (values: Record<string, unknown> = {}) => fixtures.employer(am25, { tags: [tag], ...values });
    const enrolled = await fixtures.contact(await at(), am25);
    const twoContacts = await at();
    const primaryOfTwo = await fixtures.contact(twoContacts, am25);
    const secondOfTwo = await fixtures.contact(twoContacts, am25, { primary: false });
    await fixtures.contact(await at(), am25, { email: null });
    await fixtures.contact(await at(), am25, { basis: null });
    const suppressedEmail = `Weg-${randomBytes(3).toString('hex')}@Example.nl`;
    await fixtures.contact(await at(), am25, { email: suppressedEmail });
    await fixtures.suppress(suppressedEmail, null);
    const regionSuppressed = `regio-${randomBytes(3).toString('hex')}@example.nl`;
    await fixtures.contact(await at(), am25, { email: regionSuppressed });
    await fixtures.suppress(regionSuppressed, am25);
    const otherRegionSuppressed = `elders-${randomBytes(3).toString('hex')}@example.nl`;
    const notSuppressedHere = await fixtures.contact(await at(), am25, { email: otherRegionSuppressed });
    await fixtures.suppress(otherRegionSuppressed, await fixtures.regionId('AM01'));
    await at(); // no contacts at all: counts in the audience only
    return { enrolled, primaryOfTwo, secondOfTwo, notSuppressedHere };
  };

  it('should enrol each contact in scope and count every skip reason when the segment holds them all', async () => {
    const tag = newTag();
    const world = await skipWorld(tag);
    const campaignId = await campaignFor(tag);

    await expect(launch.run(campaignId, await segmentOf(campaignId))).resolves.toBe('running');

    const enrolments = await fixtures.enrolments(campaignId);
    expect(enrolments.map((e) => e.contact_id).sort()).toEqual(
      [world.enrolled, world.primaryOfTwo, world.notSuppressedHere].sort(),
    );
    expect(enrolments.every((e) => e.status === 'active')).toBe(true);
    expect(await fixtures.counters(campaignId)).toEqual({
      status: 'running',
      audience: 8,
      skipped_no_email: 1,
      skipped_no_basis: 1,
      skipped_suppressed: 2,
      skipped_restricted: 0,
      skipped_overlap: 0,
      launched: true,
    });
  });

  it('should enrol every contact of an employer when the contact scope is all', async () => {
    const tag = newTag();
    const world = await skipWorld(tag);
    const campaignId = await campaignFor(tag, { contactScope: 'all' });

    await launch.run(campaignId, await segmentOf(campaignId));

    const contacts = (await fixtures.enrolments(campaignId)).map((e) => e.contact_id);
    expect(contacts).toContain(world.secondOfTwo);
    expect(contacts).toHaveLength(4);
  });

  it('should create nothing twice and count the same when the launch runs again or a batch is replayed', async () => {
    const tag = newTag();
    await skipWorld(tag);
    const campaignId = await campaignFor(tag);
    const employerIds: string[] = (
      await db.query(`SELECT id FROM organisations WHERE $1 = ANY(tags) ORDER BY id`, [tag])
    ).map((row: { id: string }) => row.id);

    // First batch committed, then the worker "died": the retry runs the whole launch again.
    await launch.batch(campaignId, employerIds.slice(0, 4), true);
    await launch.batch(campaignId, employerIds.slice(0, 4), true);
    await launch.run(campaignId, await segmentOf(campaignId));
    const counters = await fixtures.counters(campaignId);
    const enrolments = await fixtures.enrolments(campaignId);
    await db.query(`UPDATE campaigns SET status = 'launching' WHERE id = $1`, [campaignId]);
    await launch.run(campaignId, await segmentOf(campaignId));

    expect(enrolments).toHaveLength(3);
    expect(await fixtures.enrolments(campaignId)).toEqual(enrolments);
    expect(await fixtures.counters(campaignId)).toEqual(counters);
    expect(counters).toMatchObject({ audience: 8, skipped_no_email: 1, skipped_no_basis: 1, skipped_suppressed: 2 });
  });

  it('should skip a contact as overlap when it is active in another running campaign of the region', async () => {
    const tag = newTag();
    const shared = await fixtures.contact(await fixtures.employer(am25, { tags: [tag] }), am25);
    const first = await campaignFor(tag);
    await launch.run(first, await segmentOf(first));
    const second = await campaignFor(tag);

    await launch.run(second, await segmentOf(second));

    expect((await fixtures.enrolments(first)).map((e) => e.contact_id)).toEqual([shared]);
    expect(await fixtures.enrolments(second)).toEqual([]);
    expect(await fixtures.counters(second)).toMatchObject({ status: 'completed', audience: 1, skipped_overlap: 1 });
  });

  it('should not count overlap when the other campaign is in another region or has ended', async () => {
    const tag = newTag();
    const contact = await fixtures.contact(await fixtures.employer(am25, { tags: [tag] }), am25);
    const first = await campaignFor(tag);
    await launch.run(first, await segmentOf(first));
    await db.query(`UPDATE campaigns SET status = 'completed' WHERE id = $1`, [first]);
    const second = await campaignFor(tag);

    await launch.run(second, await segmentOf(second));

    expect((await fixtures.enrolments(second)).map((e) => e.contact_id)).toEqual([contact]);
  });

  it('should stop enrolling when the campaign was cancelled before the launch ran', async () => {
    const tag = newTag();
    await fixtures.contact(await fixtures.employer(am25, { tags: [tag] }), am25);
    const campaignId = await campaignFor(tag);
    await db.query(`UPDATE campaigns SET status = 'cancelled' WHERE id = $1`, [campaignId]);

    await expect(launch.run(campaignId, await segmentOf(campaignId))).resolves.toBe('stopped');
    expect(await fixtures.enrolments(campaignId)).toEqual([]);
  });

  describe('exits', () => {
    const admin = async (): Promise<Principal> => {
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO users (email, name, role, region_ids, password_hash) VALUES ($1, 'Admin', 'admin', '{}', 'x') RETURNING id`,
        [`admin-${randomBytes(4).toString('hex')}@test.example`],
      );
      return { id: row.id, email: 'admin@test.example', name: 'Admin', role: 'admin', regionIds: [] };
    };

    /** `campaignId` running with the contacts `source` enrolled. Overlap keeps a contact in one running campaign, so directly. */
    const runningWithSameEnrolments = async (campaignId: string, source: string) => {
      await db.query(
        `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id)
         SELECT $1, contact_id, employer_id, region_id FROM enrolments WHERE campaign_id = $2`,
        [campaignId, source],
      );
      await db.query(`UPDATE campaigns SET status = 'running' WHERE id = $1`, [campaignId]);
    };

    it('should exit stage_reached only in campaigns whose exit stage the employer reached', async () => {
      const tag = newTag();
      const employer = await fixtures.employer(am25, { tags: [tag] });
      await fixtures.contact(employer, am25);
      const atInterested = await campaignFor(tag, { exitStage: 'interested' });
      const atPilot = await campaignFor(tag, { exitStage: 'sw_pilot' });
      await launch.run(atInterested, await segmentOf(atInterested));
      await runningWithSameEnrolments(atPilot, atInterested);

      await context.get(StageService).moveByHand(await admin(), employer, { stage: 'interested' });

      expect((await fixtures.enrolments(atInterested))[0]).toMatchObject({
        status: 'exited',
        exit_reason: 'stage_reached',
      });
      expect((await fixtures.enrolments(atPilot))[0]).toMatchObject({ status: 'active', exit_reason: null });
      expect((await fixtures.counters(atInterested)).status).toBe('completed');
      expect((await fixtures.counters(atPilot)).status).toBe('running');
    });

    it("should end in one call what each employer's new stage ends, and leave the rest running", async () => {
      const tag = newTag();
      const [pilot, declined, contacted] = [
        await fixtures.employer(am25, { tags: [tag] }),
        await fixtures.employer(am25, { tags: [tag] }),
        await fixtures.employer(am25, { tags: [tag] }),
      ];
      for (const employer of [pilot, declined, contacted]) await fixtures.contact(employer, am25);
      const atInterested = await campaignFor(tag, { exitStage: 'interested' });
      const atAmbassador = await campaignFor(tag, { exitStage: 'ambassador' });
      await launch.run(atInterested, await segmentOf(atInterested));
      await runningWithSameEnrolments(atAmbassador, atInterested);

      const result = await context.get(EnrolmentExits).exitAtStages([
        { employerId: pilot, stage: 'sw_pilot' },
        { employerId: declined, stage: 'not_interested' },
        { employerId: contacted, stage: 'contacted' },
      ]);

      const byEmployer = async (campaignId: string) =>
        Object.fromEntries(
          (
            await db.query(`SELECT employer_id, status, exit_reason FROM enrolments WHERE campaign_id = $1`, [
              campaignId,
            ])
          ).map((row: { employer_id: string; status: string; exit_reason: string | null }) => [
            row.employer_id,
            `${row.status} ${row.exit_reason}`,
          ]),
        );
      expect(await byEmployer(atInterested)).toEqual({
        [pilot]: 'exited stage_reached',
        [declined]: 'exited not_interested',
        [contacted]: 'active null',
      });
      expect(await byEmployer(atAmbassador)).toEqual({
        [pilot]: 'active null',
        [declined]: 'exited not_interested',
        [contacted]: 'active null',
      });
      expect([...result.campaignIds].sort()).toEqual([atInterested, atAmbassador].sort());
      expect(result.completedCampaignIds).toEqual([]);
    });

    it('should exit the enrolments of employers moved on together and complete the campaign they leave empty', async () => {
      const tag = newTag();
      const employers = [
        await fixtures.employer(am25, { tags: [tag] }),
        await fixtures.employer(am25, { tags: [tag] }),
      ];
      for (const employer of employers) await fixtures.contact(employer, am25);
      const campaignId = await campaignFor(tag, { exitStage: 'interested' });
      await launch.run(campaignId, await segmentOf(campaignId));

      const moved = await context
        .get(StageService)
        .advanceMany(employers, 'interested', { cause: 'campaign', at: new Date(), by: null });

      expect(moved.sort()).toEqual([...employers].sort());
      expect((await fixtures.enrolments(campaignId)).map((e) => `${e.status} ${e.exit_reason}`)).toEqual([
        'exited stage_reached',
        'exited stage_reached',
      ]);
      expect((await fixtures.counters(campaignId)).status).toBe('completed');
    });

    it('should exit not_interested in every campaign when the employer moves to that side state', async () => {
      const tag = newTag();
      const employer = await fixtures.employer(am25, { tags: [tag] });
      await fixtures.contact(employer, am25);
      await fixtures.contact(employer, am25, { primary: false });
      const campaignId = await campaignFor(tag, { contactScope: 'all', exitStage: 'ambassador' });
      await launch.run(campaignId, await segmentOf(campaignId));

      await context
        .get(StageService)
        .moveByHand(await admin(), employer, { stage: 'not_interested', reason: 'geen capaciteit' });

      const enrolments = await fixtures.enrolments(campaignId);
      expect(enrolments).toHaveLength(2);
      expect(enrolments.every((e) => e.status === 'exited' && e.exit_reason === 'not_interested')).toBe(true);
    });

    it('should exit only the given contact and keep the first reason when it exits twice', async () => {
      const tag = newTag();
      const employer = await fixtures.employer(am25, { tags: [tag] });
      const leaving = await fixtures.contact(employer, am25);
      const staying = await fixtures.contact(employer, am25, { primary: false });
      const campaignId = await campaignFor(tag, { contactScope: 'all' });
      await launch.run(campaignId, await segmentOf(campaignId));
      const exits = context.get(EnrolmentExits);

      await exits.exitContact(leaving, 'unsubscribed', { regionId: am25 });
      await exits.exitContact(leaving, 'bounced');

      const byContact = Object.fromEntries((await fixtures.enrolments(campaignId)).map((e) => [e.contact_id, e]));
      expect(byContact[leaving]).toMatchObject({ status: 'exited', exit_reason: 'unsubscribed' });
      expect(byContact[staying]).toMatchObject({ status: 'active', exit_reason: null });
      expect((await fixtures.counters(campaignId)).status).toBe('running');

      await exits.exitEmployer(employer, campaignId, 'replied');
      expect((await fixtures.counters(campaignId)).status).toBe('completed');
    });
  });
});
