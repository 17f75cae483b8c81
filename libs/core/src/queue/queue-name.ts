/** Every BullMQ queue. Names are never renamed once shipped: jobs in Redis refer to them. */
export enum QueueName {
  Import = 'import',
  /** One test-send of a template to its caller (outreach templates). */
  TemplateTest = 'template-test',
  /** Scheduled upkeep, e.g. the daily ambassador sweep (job schedulers, registered at start). */
  Maintenance = 'maintenance',
  /** One campaign's launch: streams its segment and creates the enrolments in batches. */
  CampaignLaunch = 'campaign-launch',
  /** Every few seconds: moves due campaign steps from the database into `email-send` / `sequence-step`. */
  Dispatch = 'dispatch',
  /** One send-ledger row: check exits, render, send, record. */
  EmailSend = 'email-send',
  /** One non-e-mail step of an enrolment (a task). */
  SequenceStep = 'sequence-step',
  /** One received mail (reply, auto-reply or bounce): classify, record, exit enrolments, forward. */
  Inbound = 'inbound',
}

/** Default options for every job: retries with exponential backoff, bounded history in Redis. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
} as const;
