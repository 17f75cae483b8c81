import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { addUnlessPending, Clock, QueueName, Transactions } from '@app/core';
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
/** Ledger rows per email-send job: the send path's database work is a few statements per batch. */
export const EMAIL_BATCH = 32;
/** At most this many e-mails (in batch jobs) wait in Redis; the rest of a campaign stays in PostgreSQL. */
export const MAX_EMAILS_IN_REDIS = 2_000;
/** A batch whose rows are still queued this long after it was stamped gets its job again (it may be gone). */
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

interface StepJob {
  enrolmentId: string;
  index: number;
}

/** An email-send job: a batch of ledger rows; `fresh` when its id is new (no job can exist under it yet). */
interface BatchJob {
  batchId: string;
  delay: number;
  fresh: boolean;
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
    // Back-pressure: while the senders are behind, new e-mails wait in the database, not in Redis. A batch
    // job counts as full.
    const counts = await this.emailQueue.getJobCounts('waiting', 'delayed', 'prioritized');
    const inRedis = Object.values(counts).reduce((sum, n) => sum + n, 0) * EMAIL_BATCH;
    const room = { emails: MAX_EMAILS_IN_REDIS - inRedis };
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      const { steps, batches, picked } = await this.transactions.run(() => this.batch(room));
      added += (await this.enqueueBatches(batches)) + (await this.enqueueSteps(steps));
      if (picked < DISPATCH_BATCH || room.emails <= 0) break;
    }
    added += await this.recover(room.emails);
    return added;
  }

  /** Due enrolments move on; their e-mail steps enter the ledger in batches, one email-send job each. */
  private async batch(room: { emails: number }): Promise<{ steps: StepJob[]; batches: BatchJob[]; picked: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + DISPATCH_HORIZON_MS);
    const due = await this.progress.lockDue(horizon, DISPATCH_BATCH);
    const steps: StepJob[] = [];
    const emails: DueEmail[] = [];
    const budgets = new Map<string, Budget>();
    for (const enrolment of due) {
      const next = await this.step(enrolment, now, horizon, budgets, room);
      if (next && 'sendAt' in next) emails.push(next);
      else if (next) steps.push(next);
    }
    // New rows enter the ledger already in their batches (in due order): no second write per row to stamp them.
    emails.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
    const batches: BatchJob[] = [];
    const rows = emails.map(({ enrolment, sendAt }, k) => {
      if (k % EMAIL_BATCH === 0) batches.push({ batchId: randomUUID(), delay: 0, fresh: true });
      const batch = batches[batches.length - 1];
      // The batch goes when its last row is due (a window opening): never early.
      batch.delay = Math.max(batch.delay, sendAt.getTime() - now.getTime());
      return {
        enrolmentId: enrolment.id,
        campaignId: enrolment.campaign_id,
        stepIndex: enrolment.current_step,
        contactId: enrolment.contact_id,
        dueAt: sendAt,
        batchId: batch.batchId,
      };
    });
    // A row already there (the dispatcher ran twice) keeps its batch; its new batch's job then finds nothing.
    await this.ledger.insertMany(rows, now);
    return { steps, batches, picked: due.length };
  }

  private async step(
    enrolment: DueEnrolment,
    now: Date,
    horizon: Date,
    budgets: Map<string, Budget>,
    room: { emails: number },
  ): Promise<StepJob | DueEmail | null> {
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
      return { enrolmentId: enrolment.id, index: enrolment.current_step };
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

  /**
   * Stamps due rows back from a wait into batches and adds their jobs, and after FLUSHALL or a crash re-adds the
   * jobs of batches still queued; retries blocked rows, settles stale sends, finishes campaigns.
   */
  private async recover(room: number): Promise<number> {
    const now = this.clock.now();
    const batchIds = Array.from({ length: Math.ceil(Math.max(0, room) / EMAIL_BATCH) }, () => randomUUID());
    const batches = await this.transactions.run(async () => {
      const settled = await this.progress.reviveBlockedAndStale(now, new Date(now.getTime() - STALE_SENDING_MS));
      for (const row of settled) {
        await this.progress.moveTo(row.enrolment_id, row.step_index + 1, row.step_count, now, now, now);
      }
      await this.progress.completeFinishedCampaigns(now);
      return this.progress.stampBatches(
        new Date(now.getTime() - STALE_QUEUED_MS),
        new Date(now.getTime() + DISPATCH_HORIZON_MS),
        now,
        room,
        EMAIL_BATCH,
        batchIds,
      );
    });
    // A job re-added for rows still `sending` settles them `unknown` (see EmailSendService), or finds their
    // worker alive; a job still pending in Redis is left as it is.
    const abandoned = await this.ledger.staleSendingBatches(
      new Date(now.getTime() - ABANDONED_SENDING_MS),
      DISPATCH_BATCH,
    );
    return this.enqueueBatches([
      // The batch goes when its last row is due (a window opening, a cap freeing up): never early.
      ...batches.map((batch) => ({
        batchId: batch.batch_id,
        delay: Math.max(0, new Date(batch.due_at).getTime() - now.getTime()),
        fresh: batch.fresh,
      })),
      ...abandoned.map((batchId) => ({ batchId, delay: 0, fresh: false })),
    ]);
  }

  private async enqueueBatches(jobs: BatchJob[]): Promise<number> {
    const data = (job: BatchJob) => ({
      name: EMAIL_SEND_JOB,
      data: { batchId: job.batchId },
      opts: { jobId: emailSendJobId(job.batchId), delay: job.delay, removeOnComplete: true },
    });
    // A new batch id has no job yet: added in one round trip.
    const fresh = jobs.filter((job) => job.fresh);
    if (fresh.length > 0) await this.emailQueue.addBulk(fresh.map(data));
    // Each other through `addUnlessPending`: a failed job still kept in Redis under the same id would make a
    // plain add a no-op, and the rows would stay `queued` for ever.
    for (const job of jobs.filter((job) => !job.fresh)) {
      const { name, data: payload, opts } = data(job);
      await addUnlessPending(this.emailQueue, name, payload, opts);
    }
    if (jobs.length > 0) this.logger.debug(`Queued ${jobs.length} e-mail batch(es)`);
    return jobs.length;
  }

  private async enqueueSteps(steps: StepJob[]): Promise<number> {
    for (const step of steps) {
      await addUnlessPending(
        this.stepQueue,
        SEQUENCE_STEP_JOB,
        { enrolmentId: step.enrolmentId, stepIndex: step.index },
        { jobId: sequenceStepJobId(step.enrolmentId, step.index), removeOnComplete: true },
      );
    }
    if (steps.length > 0) this.logger.debug(`Queued ${steps.length} step(s)`);
    return steps.length;
  }
}
