import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { addManyUnlessPending } from '@app/core';
import { testQueuePrefix, testRedisUrl } from '@app/testing';

type Data = { n: number };

/** addManyUnlessPending on a real Redis: which jobs it adds, which it leaves, which it replaces. */
describe('addManyUnlessPending', () => {
  const prefix = testQueuePrefix();
  const connection = () => new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  let queue: Queue<Data>;

  beforeAll(() => {
    queue = new Queue<Data>('add-many', { connection: connection(), prefix });
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });

  /** A job that ran and failed its only attempt, kept in Redis under its id (as removeOnFail keeps one). */
  async function failedJob(jobId: string): Promise<void> {
    const failing = new Queue<Data>('add-many-failing', { connection: connection(), prefix });
    try {
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
    } finally {
      await failing.close();
    }
  }

  it('should add new jobs with their options and leave a pending one as it is', async () => {
    await queue.add('job', { n: 100 }, { jobId: 'pending-now' });
    await queue.add('job', { n: 101 }, { jobId: 'pending-later', delay: 60_000 });
    const job = (n: number, jobId: string, delay = 0) => ({
      data: { n },
      opts: { jobId, delay, removeOnComplete: true },
    });

    await addManyUnlessPending(queue, 'job', [
      job(1, 'new-now'),
      job(2, 'new-later', 60_000),
      job(3, 'pending-now'),
      job(4, 'pending-later'),
    ]);

    const read = async (jobId: string) => {
      const found = (await queue.getJob(jobId)) as Job<Data> | undefined;
      return found && { n: found.data.n, state: await found.getState(), name: found.name };
    };
    expect(await read('new-now')).toEqual({ n: 1, state: 'waiting', name: 'job' });
    expect(await read('new-later')).toEqual({ n: 2, state: 'delayed', name: 'job' });
    expect((await queue.getJob('new-now'))!.opts.removeOnComplete).toBe(true);
    expect(await read('pending-now')).toEqual({ n: 100, state: 'waiting', name: 'job' });
    expect(await read('pending-later')).toEqual({ n: 101, state: 'delayed', name: 'job' });
  });

  it('should replace a job kept in the failed set, so its work runs again', async () => {
    const other = new Queue<Data>('add-many-failing', { connection: connection(), prefix });
    try {
      await failedJob('kept-failed');
      expect(await (await other.getJob('kept-failed'))!.getState()).toBe('failed');
      await addManyUnlessPending(other, 'job', [
        { data: { n: 7 }, opts: { jobId: 'kept-failed' } },
        { data: { n: 8 }, opts: { jobId: 'fresh' } },
      ]);
      const again = (await other.getJob('kept-failed')) as Job<Data>;
      expect({ n: again.data.n, state: await again.getState() }).toEqual({ n: 7, state: 'waiting' });
      expect(((await other.getJob('fresh')) as Job<Data>).data.n).toBe(8);
    } finally {
      await other.obliterate({ force: true });
      await other.close();
    }
  });

  it('should do nothing for no jobs', async () => {
    const before = await queue.getJobCounts('waiting', 'delayed');
    await addManyUnlessPending(queue, 'job', []);
    expect(await queue.getJobCounts('waiting', 'delayed')).toEqual(before);
  });
});
