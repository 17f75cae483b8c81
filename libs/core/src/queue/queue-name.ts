/** Every BullMQ queue. Names are never renamed once shipped: jobs in Redis refer to them. */
export enum QueueName {
  Import = 'import',
}

/** Default options for every job: retries with exponential backoff, bounded history in Redis. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
} as const;
