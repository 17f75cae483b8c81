import type { JobsOptions, Queue } from 'bullmq';

/**
 * Adds a job with a deterministic id. BullMQ ignores an `add` whose id is still kept in Redis, even a
 * completed or failed one (history is kept: `removeOnFail`), so such a job would never run again and its
 * row would wait for ever. A finished job is removed first; a waiting, delayed or active one is left alone.
 * The caller's own state (a database row), not the old job, says whether work is left.
 */
export async function addUnlessPending<T>(
  queue: Queue<T>,
  name: string,
  data: T,
  opts: JobsOptions & { jobId: string },
): Promise<void> {
  const old = await queue.getJob(opts.jobId);
  if (old) {
    const state = await old.getState();
    if (state !== 'completed' && state !== 'failed') return;
    await old.remove();
  }
  // BullMQ types `add` by the queue's name and data generics; the caller typed `data` already.
  await (queue as Queue).add(name as never, data as never, opts);
}

/**
 * `addUnlessPending` for many jobs in two round trips instead of two per job: one pipeline asks which ids
 * Redis still holds, one pipeline (`addBulk`) adds the others. The few still held go through
 * `addUnlessPending` one by one. An id added by someone else between the two is left alone by `addBulk`,
 * as by `add`. Each command costs a socket write on both sides, which on a small machine weighs more than
 * the command (docs/benchmarks.md, b).
 */
export async function addManyUnlessPending<T>(
  queue: Queue<T>,
  name: string,
  jobs: { data: T; opts: JobsOptions & { jobId: string } }[],
): Promise<void> {
  if (jobs.length === 0) return;
  const client = await queue.getBackend().client;
  const held = client.pipeline();
  for (const job of jobs) held.runCommand('exists', [queue.toKey(job.opts.jobId)]);
  const answers = (await held.exec()) ?? [];
  const fresh: typeof jobs = [];
  const kept: typeof jobs = [];
  for (const [k, job] of jobs.entries()) {
    const [error, exists] = answers[k] ?? [new Error('no answer from Redis'), 0];
    if (error) throw error;
    (exists ? kept : fresh).push(job);
  }
  // As in addUnlessPending: the queue's generics type `addBulk`; the caller typed `data` already.
  if (fresh.length > 0)
    await (queue as Queue).addBulk(
      fresh.map((job) => ({ name: name as never, data: job.data as never, opts: job.opts })),
    );
  for (const job of kept) await addUnlessPending(queue, name, job.data, job.opts);
}
