import { jest } from '@jest/globals';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { addManyUnlessPending } from '@app/core';
import { testQueuePrefix, testRedisUrl } from '@app/testing';

type Data = { n: number };

/** addManyUnlessPending on a real Redis: which jobs it adds, which it leaves, which it replaces. */
describe('addManyUnlessPending', () => {
  const prefix = testQueuePrefix();
  // BullMQ leaves a client it was given open: each one made here is quit at the end.
  const clients: Redis[] = [];
  const connection = () => {
    const client = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    clients.push(client);
    return client;
  };
  let queue: Queue<Data>;
  let failing: Queue<Data>;

  beforeAll(() => {
    queue = new Queue<Data>('add-many', { connection: connection(), prefix });
    failing = new Queue<Data>('add-many-failing', { connection: connection(), prefix });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    for (const each of [queue, failing]) {
      await each.obliterate({ force: true });
      await each.close();
    }
    await Promise.all(clients.map((client) => client.quit()));
  });

  /** A job that ran and failed its only attempt, kept in Redis under its id (as removeOnFail keeps one). */
  async function failedJob(jobId: string): Promise<void> {
    await failing.add('job', { n: -1 }, { jobId });
    const worker = new Worker<Data>(
      'add-many-failing',
      async () => {
        throw new Error('SMTP down');
      },
      { connection: connection(), prefix },
    );
    await new Promise<void>((resolve) => worker.once('failed', () => resolve()));
    await worker.close();
  }

  const read = async (from: Queue<Data>, jobId: string) => {
    const found = (await from.getJob(jobId)) as Job<Data> | undefined;
    return found && { n: found.data.n, state: await found.getState(), name: found.name };
  };

  it('should add the new jobs with their options in one bulk add and leave a job alone when it is pending', async () => {
    await queue.add('job', { n: 100 }, { jobId: 'pending-now' });
    await queue.add('job', { n: 101 }, { jobId: 'pending-later', delay: 60_000 });
    const job = (n: number, jobId: string, delay = 0) => ({
      data: { n },
      opts: { jobId, delay, removeOnComplete: true },
    });
    const bulk = jest.spyOn(queue, 'addBulk');
    const lookups = jest.spyOn(queue, 'getJob');

    await addManyUnlessPending(queue, 'job', [
      job(1, 'new-now'),
      job(2, 'new-later', 60_000),
      job(3, 'pending-now'),
      job(4, 'pending-later'),
    ]);

    // One bulk add for the new ones; the held ids alone are looked at one by one.
    expect(bulk).toHaveBeenCalledTimes(1);
    expect((bulk.mock.calls[0][0] as { opts?: { jobId?: string } }[]).map((added) => added.opts?.jobId)).toEqual([
      'new-now',
      'new-later',
    ]);
    expect(lookups.mock.calls.map(([jobId]) => jobId).sort()).toEqual(['pending-later', 'pending-now']);
    expect(await read(queue, 'new-now')).toEqual({ n: 1, state: 'waiting', name: 'job' });
    expect(await read(queue, 'new-later')).toEqual({ n: 2, state: 'delayed', name: 'job' });
    expect((await queue.getJob('new-now'))!.opts.removeOnComplete).toBe(true);
    expect(await read(queue, 'pending-now')).toEqual({ n: 100, state: 'waiting', name: 'job' });
    expect(await read(queue, 'pending-later')).toEqual({ n: 101, state: 'delayed', name: 'job' });
  });

  it('should replace a job when it is kept in the failed set, so its work runs again', async () => {
    await failedJob('kept-failed');
    expect(await read(failing, 'kept-failed')).toMatchObject({ state: 'failed' });
    await addManyUnlessPending(failing, 'job', [
      { data: { n: 7 }, opts: { jobId: 'kept-failed' } },
      { data: { n: 8 }, opts: { jobId: 'fresh' } },
    ]);
    expect(await read(failing, 'kept-failed')).toEqual({ n: 7, state: 'waiting', name: 'job' });
    expect(await read(failing, 'fresh')).toEqual({ n: 8, state: 'waiting', name: 'job' });
  });

  it('should add nothing when given no jobs', async () => {
    const before = await queue.getJobCounts('waiting', 'delayed');
    await addManyUnlessPending(queue, 'job', []);
    expect(await queue.getJobCounts('waiting', 'delayed')).toEqual(before);
  });
});
