import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Job, Queue, UnrecoverableError } from 'bullmq';
import { isUuid, QueueName } from '@app/core';
import { DispatcherService } from './dispatcher.service';
import { DISPATCH_JOB, EmailSendJobData, SequenceStepJobData } from './delivery.types';
import { EmailSendService } from './email-send.service';
import { SendResult } from './send-outcomes';
import { TaskStepService } from './task-step.service';

/** How often the dispatcher runs. */
export const DISPATCH_EVERY_MS = 2_000;
/** How often a worker checks that the dispatch scheduler still exists (an emptied Redis heals within this). */
export const SCHEDULER_CHECK_MS = 10_000;
/**
 * Batch jobs one worker runs at once (each sends up to EMAIL_BATCH rows): four batches in flight let some wait
 * on SMTP while others are checked and recorded. Not more: a batch holds its enrolments locked until its
 * slowest message is through the 5-connection pool, and auto-pause (three `blocked` in a row) only stops
 * messages not yet in flight.
 */
const EMAIL_BATCHES_IN_FLIGHT = 4;

@Processor(QueueName.Dispatch)
export class DispatchProcessor extends WorkerHost {
  private readonly logger = new Logger('DispatchProcessor');

  constructor(private readonly dispatcher: DispatcherService) {
    super();
  }

  async process(): Promise<number> {
    return this.dispatcher.tick();
  }

  /** Redis trouble (e.g. keys deleted under a running job) is logged; the dispatcher rebuilds lost work. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Worker error: ${error.message}`);
  }
}

/**
 * One job per batch of ledger rows (the dispatcher stamps them): the job sends the batch's rows still open,
 * so running it again (a retry, a stalled job, a re-add) never sends a row twice. A row that must wait
 * (cap, pressure, send window) left the batch; the dispatcher stamps it into a new one when it is due.
 */
@Processor(QueueName.EmailSend, { concurrency: EMAIL_BATCHES_IN_FLIGHT })
export class EmailSendProcessor extends WorkerHost {
  private readonly logger = new Logger('EmailSendProcessor');

  constructor(private readonly sender: EmailSendService) {
    super();
  }

  async process(job: Job<EmailSendJobData>, token?: string): Promise<string> {
    const { batchId, ledgerId } = job.data ?? {};
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    let results: SendResult[];
    if (isUuid(batchId)) results = await this.sender.sendStamped(batchId, finalAttempt);
    else if (isUuid(ledgerId)) results = [await this.sender.send(ledgerId, finalAttempt)];
    else throw new UnrecoverableError(`Job ${job.id} has a malformed payload`);
    // The rows settled stay settled: a retry of the job only finds those still open.
    const retry = results.find((result) => result.kind === 'retry');
    if (retry) throw retry.error;
    const rechecks = results.flatMap((result) => (result.kind === 'recheck' ? [result.at.getTime()] : []));
    if (rechecks.length > 0) {
      // A row claimed moments ago by a job thought dead: look again once its claim counts as abandoned.
      await job.moveToDelayed(Math.max(...rechecks), token);
      throw new DelayedError();
    }
    return summary(results);
  }

  /** Redis trouble (e.g. keys deleted under a running job) is logged; the dispatcher rebuilds lost work. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Worker error: ${error.message}`);
  }
}

/** "sent 30, later 2" for the job's return value. */
function summary(results: SendResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    const key = result.kind === 'done' ? result.note.split(/[: ]/)[0] : result.kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} ${count}`).join(', ') || 'nothing open';
}

@Processor(QueueName.SequenceStep)
export class SequenceStepProcessor extends WorkerHost {
  private readonly logger = new Logger('SequenceStepProcessor');

  constructor(private readonly steps: TaskStepService) {
    super();
  }

  async process(job: Job<SequenceStepJobData>): Promise<string> {
    const { enrolmentId, stepIndex } = job.data ?? {};
    if (!isUuid(enrolmentId) || !Number.isInteger(stepIndex)) {
      throw new UnrecoverableError(`Job ${job.id} has a malformed payload`);
    }
    return this.steps.run(enrolmentId, stepIndex);
  }

  /** Redis trouble (e.g. keys deleted under a running job) is logged; the dispatcher rebuilds lost work. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Worker error: ${error.message}`);
  }
}

/**
 * Registers the dispatch scheduler at start and checks it while running, so an emptied Redis
 * (FLUSHALL, a restart without persistence) heals itself without a restart.
 */
@Injectable()
export class DispatchSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DispatchSchedule');
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectQueue(QueueName.Dispatch) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure();
    this.timer = setInterval(() => {
      this.ensure().catch((error: Error) => this.logger.warn(`Scheduler check failed: ${error.message}`));
    }, SCHEDULER_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async ensure(): Promise<void> {
    if (await this.queue.getJobScheduler(DISPATCH_JOB)) return;
    await this.queue.upsertJobScheduler(
      DISPATCH_JOB,
      { every: DISPATCH_EVERY_MS },
      { name: DISPATCH_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
