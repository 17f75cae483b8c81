import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { addManyUnlessPending, Clock, QueueName, Transactions } from '@app/core';
import { SendCalendar } from '../calendar/send-calendar';
import { EnrolmentStopRepository } from './enrolment-stop.repository';
import { EnrolmentProgressRepository } from './enrolment-progress.repository';
import { DueEnrolment, EMAIL_SEND_JOB, emailSendJobId, SEQUENCE_STEP_JOB, sequenceStepJobId } from './delivery.types';
import { SendLedgerRepository } from './send-ledger.repository';

/** How far ahead the dispatcher moves work into Redis: only what is due soon. */
export const DISPATCH_HORIZON_MS = 10_000;
/** Enrolments per batch (one transaction each); a tick runs a few batches at most. */
export const DISPATCH_BATCH = 500;
const MAX_BATCHES_PER_TICK = 4;
/** At most this many e-mail jobs wait in Redis; the rest of a campaign stays in PostgreSQL. */
export const MAX_EMAILS_IN_REDIS = 2_000;
/** A queued row older than this without being sent is re-added to Redis (its job may be gone). */
const STALE_QUEUED_MS = 20_000;
/** A row in `sending` this long means its worker died mid-send: the outcome is unknown. */
const STALE_SENDING_MS = 10 * 60_000;
/** A row in `sending` this long gets its job again (twice BullMQ's lock time): it settles the row if the worker died. */
const ABANDONED_SENDING_MS = 60_000;
/** A task step in flight: the dispatcher looks again after this if the job did not advance it. */
const TASK_LEASE_MS = 60_000;

const HOUR_MS = 60 * 60_000;
/** Over the cap with nothing sent yet in the hour (all in flight): look again after this. */
const CAP_RETRY_MS = 30_000;

interface Budget {
  left: number;
  retryAt: Date;
}

interface Enqueue {
  queue: 'email' | 'step';
  id: string;
  index?: number;
  delay: number;
}

/** An e-mail step that enters the ledger now (rows are written in one statement per batch). */
interface DueEmail {
  enrolment: DueEnrolment;
  sendAt: Date;
}

/**
 * The `dispatch` job (architecture.md "Queues"): moves due steps from the database into `email-send`
 * and `sequence-step`, in bounded batches. Safe to run twice or on several workers at once: rows are
 * locked with SKIP LOCKED, the ledger has a unique key, and job ids are deterministic.
 */
@Injectable()
export class DispatcherService {
  private readonly logger = new Logger('Dispatcher');

  constructor(
    private readonly progress: EnrolmentProgressRepository,
    private readonly ledger: SendLedgerRepository,
    private readonly stops: EnrolmentStopRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @InjectQueue(QueueName.EmailSend) private readonly emailQueue: Queue,
    @InjectQueue(QueueName.SequenceStep) private readonly stepQueue: Queue,
  ) {}

  /** One tick; returns how many jobs it added. */
  async tick(): Promise<number> {
    let added = 0;
    // Back-pressure: while the senders are behind, new e-mails wait in the database, not in Redis.
    const counts = await this.emailQueue.getJobCounts('waiting', 'delayed', 'prioritized');
    const room = { emails: MAX_EMAILS_IN_REDIS - Object.values(counts).reduce((sum, n) => sum + n, 0) };
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      const { jobs, picked } = await this.transactions.run(() => this.batch(room));
      added += await this.enqueue(jobs);
      if (picked < DISPATCH_BATCH || room.emails <= 0) break;
    }
    added += await this.recover();
    return added;
  }

  private async batch(room: { emails: number }): Promise<{ jobs: Enqueue[]; picked: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + DISPATCH_HORIZON_MS);
    const due = await this.progress.lockDue(horizon, DISPATCH_BATCH);
    const jobs: Enqueue[] = [];
    const emails: DueEmail[] = [];
    const budgets = new Map<string, Budget>();
    for (const enrolment of due) {
      const next = await this.step(enrolment, now, horizon, budgets, room);
      if (next && 'sendAt' in next) emails.push(next);
      else if (next) jobs.push(next);
    }
    const ledgerIds = await this.ledger.insertMany(
      emails.map(({ enrolment, sendAt }) => ({
        enrolmentId: enrolment.id,
        campaignId: enrolment.campaign_id,
        stepIndex: enrolment.current_step,
        contactId: enrolment.contact_id,
        dueAt: sendAt,
      })),
      now,
    );
    for (const { enrolment, sendAt } of emails) {
      const ledgerId = ledgerIds.get(enrolment.id);
      // Always there (the enrolment is locked, so no one else wrote its row meanwhile); else the next tick finds it.
      if (ledgerId) jobs.push({ queue: 'email', id: ledgerId, delay: Math.max(0, sendAt.getTime() - now.getTime()) });
    }
    return { jobs, picked: due.length };
  }

  private async step(
    enrolment: DueEnrolment,
    now: Date,
    horizon: Date,
    budgets: Map<string, Budget>,
    room: { emails: number },
  ): Promise<Enqueue | DueEmail | null> {
    const step = enrolment.steps[enrolment.current_step];
    const count = enrolment.steps.length;
    if (!step) {
      await this.progress.moveTo(enrolment.id, count, count, enrolment.last_step_at ?? now, now, now);
      await this.stops.completeIfDone(enrolment.campaign_id, now);
      return null;
    }
    const calendar = new SendCalendar(enrolment.closing_days);
    if (step.type === 'wait') {
      const end = calendar.addWait(enrolment.last_step_at ?? enrolment.next_step_at, step.duration, step.calendar);
      await this.progress.moveTo(enrolment.id, enrolment.current_step + 1, count, end, end, now);
      return null;
    }
    if (step.type === 'task') {
      await this.progress.postpone(enrolment.id, new Date(now.getTime() + TASK_LEASE_MS), now);
      return { queue: 'step', id: enrolment.id, index: enrolment.current_step, delay: 0 };
    }
    if (room.emails <= 0) return null; // left due: a later tick takes it
    const sendAt = calendar.nextSendTime(
      enrolment.next_step_at > now ? enrolment.next_step_at : now,
      enrolment.send_window,
    );
    if (sendAt > horizon) {
      await this.progress.postpone(enrolment.id, sendAt, now);
      return null;
    }
    const freeAt = await this.capFreeAt(enrolment, now, budgets);
    if (freeAt) {
      await this.progress.postpone(enrolment.id, freeAt, now);
      return null;
    }
    room.emails -= 1;
    return { enrolment, sendAt };
  }

  /**
   * Under `maxPerHour` only as many rows enter the ledger as the cap leaves room for, so Redis never
   * holds a capped campaign's backlog; email-send re-checks the cap when it claims a row. Null when
   * there is room, else when to look again (the rest waits in the database).
   */
  private async capFreeAt(enrolment: DueEnrolment, now: Date, budgets: Map<string, Budget>): Promise<Date | null> {
    if (enrolment.max_per_hour === null) return null;
    let budget = budgets.get(enrolment.campaign_id);
    if (!budget) {
      const { used, oldest } = await this.ledger.hourUsage(enrolment.campaign_id, now);
      const queued = await this.ledger.queuedCount(enrolment.campaign_id);
      const retryAt = oldest ? oldest.getTime() + HOUR_MS : now.getTime() + CAP_RETRY_MS;
      budget = {
        left: enrolment.max_per_hour - used - queued,
        retryAt: new Date(Math.max(retryAt, now.getTime() + 1000)),
      };
      budgets.set(enrolment.campaign_id, budget);
    }
    if (budget.left <= 0) return budget.retryAt;
    budget.left -= 1;
    return null;
  }

  /** After FLUSHALL or a crash: re-add lost jobs, retry blocked rows, settle stale sends, finish campaigns. */
  private async recover(): Promise<number> {
    const now = this.clock.now();
    const stale = await this.transactions.run(async () => {
      const settled = await this.progress.reviveBlockedAndStale(now, new Date(now.getTime() - STALE_SENDING_MS));
      for (const row of settled) {
        await this.progress.moveTo(row.enrolment_id, row.step_index + 1, row.step_count, now, now, now);
      }
      await this.progress.completeFinishedCampaigns(now);
      return this.progress.staleQueued(
        new Date(now.getTime() - STALE_QUEUED_MS),
        new Date(now.getTime() + DISPATCH_HORIZON_MS),
        now,
        DISPATCH_BATCH,
      );
    });
    // A job re-added for a row still `sending` settles it `unknown` (see EmailSendService), or finds its
    // worker alive; a job still pending in Redis is left as it is.
    const abandoned = await this.ledger.staleSending(new Date(now.getTime() - ABANDONED_SENDING_MS), DISPATCH_BATCH);
    return this.enqueue([
      ...stale.map((row) => ({
        queue: 'email' as const,
        id: row.id,
        delay: Math.max(0, row.due_at.getTime() - now.getTime()),
      })),
      ...abandoned.map((row) => ({ queue: 'email' as const, id: row.id, delay: 0 })),
    ]);
  }

  private async enqueue(jobs: Enqueue[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const emails = jobs.filter((job) => job.queue === 'email');
    const steps = jobs.filter((job) => job.queue === 'step');
    // Through `addManyUnlessPending`: a failed job still kept in Redis under the same id would make a
    // plain add a no-op, and the row would stay `queued` for ever.
    await addManyUnlessPending(
      this.emailQueue,
      EMAIL_SEND_JOB,
      emails.map((job) => ({
        data: { ledgerId: job.id },
        opts: { jobId: emailSendJobId(job.id), delay: job.delay, removeOnComplete: true },
      })),
    );
    await addManyUnlessPending(
      this.stepQueue,
      SEQUENCE_STEP_JOB,
      steps.map((job) => ({
        data: { enrolmentId: job.id, stepIndex: job.index! },
        opts: { jobId: sequenceStepJobId(job.id, job.index!), removeOnComplete: true },
      })),
    );
    this.logger.debug(`Queued ${emails.length} e-mail(s) and ${steps.length} step(s)`);
    return jobs.length;
  }
}
