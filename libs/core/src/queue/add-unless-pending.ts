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

/** Jobs per pair of pipelines: bounds the command buffers of a large batch. */
const PIPELINE_JOBS = 100;

/**
 * `addUnlessPending` for many jobs in two pipelined round trips per 100 jobs instead of two round trips per job:
 * one pipeline asks which ids Redis still holds, one (`addBulk`) adds the others. The ids still held (pending, or
 * kept after failing) go through `addUnlessPending`, all at once. An id added by someone else between the two is
 * left alone by `addBulk`, as by `add`. Each command is a socket write on both sides, which on a small machine
 * costs more than the command itself (docs/benchmarks.md, "Changes made for these benchmarks", send path).
 */
export async function addManyUnlessPending<T>(
  queue: Queue<T>,
  name: string,
  jobs: { data: T; opts: JobsOptions & { jobId: string } }[],
): Promise<void> {
  for (let start = 0; start < jobs.length; start += PIPELINE_JOBS)
    await addChunkUnlessPending(queue, name, jobs.slice(start, start + PIPELINE_JOBS));
}

async function addChunkUnlessPending<T>(
  queue: Queue<T>,
  name: string,
  jobs: { data: T; opts: JobsOptions & { jobId: string } }[],
): Promise<void> {
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
  await Promise.all(kept.map((job) => addUnlessPending(queue, name, job.data, job.opts)));
}
