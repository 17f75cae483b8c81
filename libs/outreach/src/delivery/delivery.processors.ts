import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Job, Queue, UnrecoverableError } from 'bullmq';
import { Clock, isUuid, QueueName } from '@app/core';
import { DISPATCH_HORIZON_MS, DispatcherService } from './dispatcher.service';
import { DISPATCH_JOB, EmailSendJobData, SequenceStepJobData } from './delivery.types';
import { EmailSendService, SendRequest } from './email-send.service';
import { MicroBatcher } from './micro-batcher';
import { SendResult } from './send-outcomes';
import { TaskStepService } from './task-step.service';

/** How often the dispatcher runs. */
export const DISPATCH_EVERY_MS = 2_000;
/** How often a worker checks that the dispatch scheduler still exists (an emptied Redis heals within this). */
export const SCHEDULER_CHECK_MS = 10_000;
/**
 * Jobs one worker runs at once. They are gathered into batches of up to EMAIL_BATCH, so the database work is a
 * few statements per batch; four batches in flight let some wait on SMTP while others are checked and recorded.
 * Not more: a batch holds its enrolments locked until its slowest message is through the 5-connection pool, and
 * auto-pause (three `blocked` in a row) only stops messages not yet in flight.
 */
const EMAIL_CONCURRENCY = 128;
export const EMAIL_BATCH = 32;
/** How long a job waits for others to join its batch. */
const EMAIL_BATCH_LINGER_MS = 5;

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

@Processor(QueueName.EmailSend, { concurrency: EMAIL_CONCURRENCY })
export class EmailSendProcessor extends WorkerHost {
  private readonly logger = new Logger('EmailSendProcessor');
  private readonly batcher: MicroBatcher<SendRequest, SendResult>;

  constructor(
    sender: EmailSendService,
    private readonly clock: Clock,
  ) {
    super();
    this.batcher = new MicroBatcher((requests) => sender.sendBatch(requests), {
      maxSize: EMAIL_BATCH,
      lingerMs: EMAIL_BATCH_LINGER_MS,
    });
  }

  async process(job: Job<EmailSendJobData>, token?: string): Promise<string> {
    if (!isUuid(job.data?.ledgerId)) throw new UnrecoverableError(`Job ${job.id} has a malformed payload`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await this.batcher.call({ ledgerId: job.data.ledgerId, finalAttempt });
    if (result.kind === 'retry') throw result.error;
    if (result.kind === 'recheck') {
      await job.moveToDelayed(result.at.getTime(), token);
      throw new DelayedError();
    }
    if (result.kind === 'later') {
      // Cap or contact pressure: the ledger row is back to `queued` with its due time. Soon: the same job
      // waits; later: Redis lets go and the dispatcher adds the job again when the row is nearly due.
      if (result.at.getTime() - this.clock.now().getTime() > DISPATCH_HORIZON_MS) return `${result.note}: later`;
      await job.moveToDelayed(result.at.getTime(), token);
      throw new DelayedError();
    }
    return result.note;
  }

  /** Redis trouble (e.g. keys deleted under a running job) is logged; the dispatcher rebuilds lost work. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Worker error: ${error.message}`);
  }
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
