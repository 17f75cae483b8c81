import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CoreInfrastructureModule, loadConfig, QueueName } from '@app/core';
import { createTestDatabase, TestDatabase, testQueuePrefix, testRedisUrl } from '@app/testing';
import { LaunchRecovery, LaunchWorkerModule } from '@app/outreach';
import { LaunchFixtures } from './outreach-launch-support';

/** Pending launches survive a Redis that lost their jobs, and a job never launches before `launchAt`. */
describe('Campaign launch recovery', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  let db: DataSource;
  let fixtures: LaunchFixtures;
  let queue: Queue;
  let am25: string;
  let sender: string;

  const pendingCampaign = async (status: 'scheduled' | 'launching', launchAt: Date): Promise<string> => {
    const tag = `t-${randomBytes(4).toString('hex')}`;
    await fixtures.contact(await fixtures.employer(am25, { tags: [tag] }), am25);
    const id = await fixtures.campaign({
      regionId: am25,
      segmentId: await fixtures.segment(am25, { all: [{ field: 'tag', op: 'eq', value: tag }] }),
      senderId: sender,
      templateId: await fixtures.template(am25),
      status: 'draft',
    });
    await db.query(`UPDATE campaigns SET status = $2, launch_at = $3 WHERE id = $1`, [id, status, launchAt]);
    return id;
  };
  const statusOf = async (id: string): Promise<string> =>
    (await db.query(`SELECT status FROM campaigns WHERE id = $1`, [id]))[0].status;
  const waitForStatus = async (id: string, status: string): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      if ((await statusOf(id)) === status) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Campaign ${id} never became ${status} (is ${await statusOf(id)})`);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: testQueuePrefix(),
    });
    @Module({ imports: [CoreInfrastructureModule.forRoot(config, database.url), LaunchWorkerModule] })
    class TestModule {}
    context = await NestFactory.createApplicationContext(TestModule, { logger: ['error', 'warn'] });
    db = context.get(DataSource);
    fixtures = new LaunchFixtures(db);
    queue = context.get<Queue>(getQueueToken(QueueName.CampaignLaunch));
    am25 = await fixtures.regionId('AM25');
    sender = await fixtures.user(am25);
    await fixtures.wsp(am25);
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('should launch due scheduled and launching campaigns when their jobs were lost from Redis', async () => {
    const scheduled = await pendingCampaign('scheduled', new Date(Date.now() - 1000));
    const launching = await pendingCampaign('launching', new Date(Date.now() - 1000));
    expect(await queue.getJob(`launch-${scheduled}`)).toBeUndefined();

    await context.get(LaunchRecovery).recover(false);

    await waitForStatus(scheduled, 'running');
    await waitForStatus(launching, 'running');
    const [{ enrolled }] = await db.query(
      `SELECT count(*)::int AS enrolled FROM enrolments WHERE campaign_id = ANY($1::uuid[])`,
      [[scheduled, launching]],
    );
    expect(enrolled).toBe(2);
  });

  it('should keep a campaign scheduled until launchAt when its job fires early', async () => {
    const launchAt = new Date(Date.now() + 1500);
    const id = await pendingCampaign('scheduled', launchAt);
    // A job due now, as if the launch time was moved later after the job was added.
    await queue.add('launch', { campaignId: id }, { jobId: `launch-${id}` });

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await statusOf(id)).toBe('scheduled');
    await waitForStatus(id, 'running');
    const [{ launched_at }] = await db.query(`SELECT launched_at FROM campaigns WHERE id = $1`, [id]);
    expect(launched_at.getTime()).toBeGreaterThanOrEqual(launchAt.getTime());
  });

  it('should give a finished job of a still pending launch a new one when the worker starts', async () => {
    const id = await pendingCampaign('launching', new Date());
    await queue.add('launch', { campaignId: id }, { jobId: `launch-${id}` });
    await waitForStatus(id, 'running');
    for (let i = 0; i < 50 && (await (await queue.getJob(`launch-${id}`))?.getState()) !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // As if the job completed but the launch did not finish (the database says it is still launching).
    await db.query(`UPDATE campaigns SET status = 'launching', launch_cursor = NULL, audience = 0 WHERE id = $1`, [id]);
    await db.query(`DELETE FROM enrolments WHERE campaign_id = $1`, [id]);

    await context.get(LaunchRecovery).recover(true);

    await waitForStatus(id, 'running');
    const [{ audience }] = await db.query(`SELECT audience FROM campaigns WHERE id = $1`, [id]);
    expect(audience).toBe(1);
  });
});
