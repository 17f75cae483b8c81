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
