import { Injectable } from '@nestjs/common';
import { Clock, MailTransport, Transactions } from '@app/core';
import { pipelineIndex } from '@app/crm';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { SendCalendar } from '../calendar/send-calendar';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { CampaignMessageComposer, Recipient } from './campaign-message.composer';
import { LedgerRow, SendState } from './delivery.types';
import { EnrolmentProgressRepository } from './enrolment-progress.repository';
import { EnrolmentStopRepository } from './enrolment-stop.repository';
import { SendLedgerRepository } from './send-ledger.repository';
import { Accepted, done, Failure, SendOutcomes, SendResult } from './send-outcomes';

/** One email-send job: its ledger row, and whether this is the job's last attempt. */
export interface SendRequest {
  ledgerId: string;
  finalAttempt: boolean;
}

/** A queued row of the batch, with the request it answers (`index` into the batch's requests). */
interface Item {
  index: number;
  row: LedgerRow;
  finalAttempt: boolean;
}

/** A claimed row that passed every check: what the SMTP call needs. */
type Ready = Item & Recipient;

/** How far one delivery got: whether the SMTP call started, and what the server accepted. */
interface Attempt {
  smtpStarted: boolean;
  accepted: (Accepted & Pick<Item, 'index'>) | null;
  failure: (Failure & Pick<Item, 'index'>) | null;
}

type Answered = NonNullable<Attempt['accepted']>;
type Unsent = NonNullable<Attempt['failure']>;

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
const PAUSED_RETRY_MS = 60_000;
/**
 * BullMQ's default job lock: a live worker renews it, so a job only runs again on a `sending` row once it
 * lapsed. A younger claim belongs to a worker between its claim and its send, not to a dead one.
 */
export const ABANDONED_AFTER_MS = 30_000;

/** Why the employer's stage ends the enrolment (as the stage listener decides), or null to send. */
export function stageExitReason(
  stage: string,
  exitStage: string,
): 'not_interested' | 'paused' | 'stage_reached' | null {
  if (stage === 'not_interested' || stage === 'paused') return stage;
  const index = pipelineIndex(stage);
  const exitIndex = pipelineIndex(exitStage);
  return index >= 0 && exitIndex >= 0 && index >= exitIndex ? 'stage_reached' : null;
}

/**
 * Sends send-ledger rows (architecture.md "Queues", `email-send`), a batch of jobs at a time so the
 * database work is a few statements per batch instead of a dozen per message: claim the rows
 * (`queued → sending`), lock their enrolments and re-check exits, suppression, basis and contact
 * pressure, render, send, record. The enrolments stay locked through the SMTP calls, so an unsubscribe,
 * reply or bounce that commits first stops the message, and one that comes later waits for the record.
 * A batch holds one row per contact: contact pressure is judged one message at a time.
 */
@Injectable()
export class EmailSendService {
  constructor(
    private readonly ledger: SendLedgerRepository,
    private readonly progress: EnrolmentProgressRepository,
    private readonly stops: EnrolmentStopRepository,
    private readonly exits: EnrolmentExits,
    private readonly suppressions: SuppressionRepository,
    private readonly composer: CampaignMessageComposer,
    private readonly outcomes: SendOutcomes,
    private readonly mail: MailTransport,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async send(ledgerId: string, finalAttempt: boolean): Promise<SendResult> {
    const [result] = await this.sendBatch([{ ledgerId, finalAttempt }]);
    return result;
  }

  /** One result per request, in the same order. */
  async sendBatch(requests: SendRequest[]): Promise<SendResult[]> {
    const results: SendResult[] = new Array<SendResult>(requests.length);
    const rows = new Map((await this.ledger.findMany(requests.map((r) => r.ledgerId))).map((row) => [row.id, row]));
    const queued: Item[] = [];
    const nextRound: number[] = [];
    const contacts = new Set<string>();
    for (const [index, request] of requests.entries()) {
      const row = rows.get(request.ledgerId);
      if (!row) results[index] = done('gone');
      else if (row.status === 'sending') results[index] = await this.settleAbandoned(row);
      else if (row.status !== 'queued') results[index] = done(`already ${row.status}`);
      else if (contacts.has(row.contact_id)) nextRound.push(index);
      else {
        contacts.add(row.contact_id);
        queued.push({ index, row, finalAttempt: request.finalAttempt });
      }
    }
    const claimed = queued.length > 0 ? await this.transactions.run(() => this.claim(queued, results)) : [];
    if (claimed.length > 0) await this.deliverAll(claimed, results);
    if (nextRound.length > 0) {
      const later = await this.sendBatch(nextRound.map((index) => requests[index]));
      nextRound.forEach((index, k) => (results[index] = later[k]));
    }
    return results;
  }

  /**
   * The job runs again while its row is `sending`: BullMQ only does that once the job's lock lapsed,
   * so the worker that claimed it is gone (or hung past the lock). The row becomes `unknown` — never a
   * second send — and the enrolment moves on.
   */
  private async settleAbandoned(row: LedgerRow): Promise<SendResult> {
    const now = this.clock.now();
    const claimedAt = row.sending_at ? new Date(row.sending_at).getTime() : 0;
    if (now.getTime() - claimedAt < ABANDONED_AFTER_MS) {
      // A duplicate of a job whose worker claimed the row moments ago and may not hold the enrolment yet:
      // look again once the claim is old enough to be abandoned (by then it is mostly `sent`).
      return { kind: 'recheck', at: new Date(claimedAt + ABANDONED_AFTER_MS), note: 'claimed moments ago' };
    }
    return this.transactions.run(async () => {
      // Enrolment first, as a send locks it: a worker still inside its send holds that lock, so this job is a
      // duplicate, not a survivor, and must neither settle the row nor wait for it (a deadlock).
      if (!(await this.progress.lockUnlessSending(row.enrolment_id))) return done('sending elsewhere');
      const settled = await this.ledger.settleAbandoned(row.id, now);
      if (!settled) return done('already sending');
      await this.progress.moveTo(settled.enrolment_id, settled.step_index + 1, settled.step_count, now, now, now);
      if (settled.step_index + 1 >= settled.step_count) await this.stops.completeIfDone(row.campaign_id, now);
      return done('unknown: the worker stopped during the SMTP call');
    });
  }

  /** The rows claimed here; the others get their result (cap reached, campaign not running, taken elsewhere). */
  private async claim(queued: Item[], results: SendResult[]): Promise<Item[]> {
    const now = this.clock.now();
    const campaigns = await this.ledger.lockCampaigns([...new Set(queued.map((item) => item.row.campaign_id))]);
    const capRoom = new Map<string, { left: number; freeAt: Date }>();
    const claimable: Item[] = [];
    for (const item of queued) {
      const campaign = campaigns.get(item.row.campaign_id);
      if (!campaign || campaign.status === 'completed' || campaign.status === 'cancelled') {
        await this.ledger.finish(item.row.id, 'skipped', now, { error: `campaign ${campaign?.status ?? 'gone'}` });
        results[item.index] = done(`campaign ${campaign?.status ?? 'gone'}`);
      } else if (campaign.status !== 'running') {
        // Left queued (paused): the dispatcher re-adds it once the campaign runs again.
        results[item.index] = done(`campaign ${campaign.status}`);
      } else if (
        campaign.max_per_hour !== null &&
        !(await this.takeCapRoom(item.row, campaign.max_per_hour, capRoom))
      ) {
        const at = capRoom.get(item.row.campaign_id)!.freeAt;
        await this.ledger.requeue(item.row.id, at);
        results[item.index] = { kind: 'later', at, note: 'maxPerHour' };
      } else {
        claimable.push(item);
      }
    }
    if (claimable.length === 0) return [];
    const won = await this.ledger.claimMany(
      claimable.map((item) => item.row.id),
      now,
    );
    for (const item of claimable) if (!won.has(item.row.id)) results[item.index] = done('claimed elsewhere');
    return claimable.filter((item) => won.has(item.row.id));
  }

  /** Whether the campaign's `maxPerHour` leaves room for one more message (counted once per batch). */
  private async takeCapRoom(
    row: LedgerRow,
    maxPerHour: number,
    capRoom: Map<string, { left: number; freeAt: Date }>,
  ): Promise<boolean> {
    let room = capRoom.get(row.campaign_id);
    if (!room) {
      const now = this.clock.now();
      const { used, oldest } = await this.ledger.hourUsage(row.campaign_id, now);
      const freeAt = new Date(Math.max(now.getTime() + 1000, (oldest?.getTime() ?? now.getTime()) + HOUR_MS));
      room = { left: maxPerHour - used, freeAt };
      capRoom.set(row.campaign_id, room);
    }
    if (room.left <= 0) return false;
    room.left -= 1;
    return true;
  }

  private async deliverAll(claimed: Item[], results: SendResult[]): Promise<void> {
    const attempts = new Map<string, Attempt>(
      claimed.map((item) => [item.row.id, { smtpStarted: false, accepted: null, failure: null }]),
    );
    try {
      await this.transactions.run(() => this.deliver(claimed, results, attempts));
    } catch (error) {
      // Rolled back before a message's SMTP call: nothing went out, so its row may be claimed again on the
      // retry. After it, what the server said is known: it is recorded again in a fresh transaction, so a
      // lost connection (or another row's deadlock) turns neither a send nor a bounce into `unknown`.
      const untouched = claimed.filter((item) => !attempts.get(item.row.id)!.smtpStarted);
      if (untouched.length > 0) {
        await this.ledger
          .requeueMany(
            untouched.map((item) => item.row.id),
            this.clock.now(),
            String(error),
          )
          .catch(() => undefined); // the database is gone: the retry settles these rows
      }
      for (const item of claimed) results[item.index] = { kind: 'retry', error };
      const answered = claimed.map((item) => attempts.get(item.row.id)!);
      await this.recordAgain(
        claimed,
        answered.flatMap((attempt) => (attempt.accepted ? [attempt.accepted] : [])),
        answered.flatMap((attempt) => (attempt.failure ? [attempt.failure] : [])),
        results,
        error,
      );
    }
  }

  private async deliver(claimed: Item[], results: SendResult[], attempts: Map<string, Attempt>): Promise<void> {
    const now = this.clock.now();
    const states = await this.ledger.lockSendStates(claimed.map((item) => item.row.enrolment_id));
    const checked: Ready[] = [];
    for (const item of claimed) {
      const state = states.get(item.row.enrolment_id) ?? null;
      const verdict = await this.check(item.row, state, now);
      if (verdict) results[item.index] = verdict;
      else checked.push({ ...item, state: state!, address: addressOf(state!) });
    }
    const unsuppressed = await this.dropSuppressed(checked, results, now);
    const ready = await this.holdForPressure(unsuppressed, results, now);
    await this.sendAll(ready, results, attempts, now);
  }

  /** What stops this message before suppression and pressure are looked at; null to go on. */
  private async check(row: LedgerRow, state: SendState | null, now: Date): Promise<SendResult | null> {
    if (!state || state.enrolment_status !== 'active' || state.current_step !== row.step_index) {
      await this.ledger.finish(row.id, 'skipped', now, { error: `enrolment ${state?.enrolment_status ?? 'gone'}` });
      return done('enrolment no longer at this step');
    }
    const stageExit = stageExitReason(state.employer_stage, state.exit_stage);
    if (stageExit) {
      // The stage listener runs after its commit and in one process only: the send checks it itself.
      await this.ledger.finish(row.id, 'skipped', now, { error: `employer stage ${state.employer_stage}` });
      await this.exits.exitEnrolment(row.campaign_id, row.contact_id, stageExit);
      return done(`skipped: employer ${state.employer_stage}`);
    }
    if (state.campaign_status !== 'running') {
      await this.ledger.requeue(row.id, new Date(now.getTime() + PAUSED_RETRY_MS));
      return done(`campaign ${state.campaign_status}`);
    }
    // The window may have closed while the job waited (a busy queue, retries): wait for it to open again.
    const calendar = new SendCalendar(state.closing_days);
    if (!calendar.isInWindow(now, state.send_window)) {
      const at = calendar.nextSendTime(now, state.send_window);
      await this.ledger.requeue(row.id, at);
      return { kind: 'later', at, note: 'outside the send window' };
    }
    if (addressOf(state) === '' || state.email_basis === null) {
      await this.outcomes.skipAndAdvance(
        row,
        state,
        addressOf(state) === '' ? 'no e-mail address' : 'no e-mail basis',
        now,
      );
      return done('skipped: no address or basis');
    }
    if (state.privacy_block === 'restricted' || state.privacy_block === 'erased') {
      // Restriction of processing (a data-subject request) stops every send, whatever the campaign.
      await this.ledger.finish(row.id, 'skipped', now, { error: 'processing restricted' });
      await this.exits.exitContact(row.contact_id, 'restricted');
      return done('skipped: restricted');
    }
    return null;
  }

  /** An objection holds for the person, also at an address rectified after it (not only the suppressed one). */
  private async dropSuppressed(items: Ready[], results: SendResult[], now: Date): Promise<Ready[]> {
    const suppressed = await this.suppressions.suppressedAmong(
      items.map((item) => ({ email: item.address, regionId: item.state.campaign_region_id })),
    );
    const left: Ready[] = [];
    for (const [k, item] of items.entries()) {
      if (item.state.privacy_block !== 'objected' && !suppressed[k]) {
        left.push(item);
        continue;
      }
      await this.ledger.finish(item.row.id, 'skipped', now, { error: 'address suppressed' });
      await this.exits.exitContact(item.row.contact_id, 'suppressed');
      results[item.index] = done('skipped: suppressed');
    }
    return left;
  }

  /** Contact pressure: a message waits while another campaign mailed the contact within the region's days. */
  private async holdForPressure(items: Ready[], results: SendResult[], now: Date): Promise<Ready[]> {
    const pressured = items.filter((item) => item.state.pressure_days > 0);
    // Held through the SMTP calls: another campaign's send to these contacts waits and then sees this one.
    await this.ledger.lockContactSends(pressured.map((item) => item.row.contact_id));
    const lastOther = await this.ledger.lastOtherCampaignMails(
      pressured.map((item) => ({
        contactId: item.row.contact_id,
        campaignId: item.row.campaign_id,
        since: new Date(now.getTime() - item.state.pressure_days * DAY_MS),
      })),
    );
    const left: Ready[] = [];
    for (const item of items) {
      const last = item.state.pressure_days > 0 ? lastOther.get(item.row.contact_id) : undefined;
      if (!last) {
        left.push(item);
        continue;
      }
      const at = new Date(new Date(last).getTime() + item.state.pressure_days * DAY_MS);
      await this.ledger.requeue(item.row.id, at, { pressure: true });
      results[item.index] = { kind: 'later', at, note: 'contact pressure' };
    }
    return left;
  }

  /** Renders and sends the batch's messages at once over the SMTP pool, then records them. */
  private async sendAll(
    items: Ready[],
    results: SendResult[],
    attempts: Map<string, Attempt>,
    now: Date,
  ): Promise<void> {
    const unrendered: { item: Ready; error: unknown }[] = [];
    const mails = await this.composer.compose(items, unrendered);
    for (const { item, error } of unrendered) {
      attempts.get(item.row.id)!.failure = { ...item, error, smtpStarted: false };
    }
    await Promise.all(
      mails.map(async ({ item, mail, replyToken }) => {
        const attempt = attempts.get(item.row.id)!;
        attempt.smtpStarted = true;
        try {
          await this.mail.send(mail);
          attempt.accepted = { ...item, messageId: mail.messageId!, replyToken, at: now };
        } catch (error) {
          attempt.failure = { ...item, error, smtpStarted: true };
        }
      }),
    );
    const answered = items.map((item) => attempts.get(item.row.id)!);
    await this.record(
      answered.flatMap((attempt) => (attempt.accepted ? [attempt.accepted] : [])),
      answered.flatMap((attempt) => (attempt.failure ? [attempt.failure] : [])),
      results,
    );
  }

  /**
   * What the SMTP server said: the accepted messages as one record, then the failures one by one, by
   * campaign (each may lock its campaign: one order for every batch, so two batches cannot deadlock).
   */
  private async record(accepted: Answered[], failures: Unsent[], results: SendResult[]): Promise<void> {
    await this.outcomes.sent(accepted);
    for (const sent of accepted) results[sent.index] = done(`sent ${sent.messageId}`);
    const byCampaign = [...failures].sort((a, b) => a.row.campaign_id.localeCompare(b.row.campaign_id));
    for (const failure of byCampaign) {
      // Each failure at its own moment, so "the last three finished were blocked" reads them in order.
      results[failure.index] = await this.outcomes.failed(failure, this.clock.now());
    }
  }

  /** After the SMTP calls: a few tries to record what the server said; if all fail, the jobs' retries settle the rows. */
  private async recordAgain(
    claimed: Item[],
    accepted: Answered[],
    failures: Unsent[],
    results: SendResult[],
    firstError: unknown,
  ): Promise<void> {
    if (accepted.length === 0 && failures.length === 0) return;
    let lastError = firstError;
    for (let tryNo = 0; tryNo < 3; tryNo++) {
      try {
        await this.transactions.run(() => this.record(accepted, failures, results));
        return;
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 200 * (tryNo + 1)));
      }
    }
    for (const item of claimed) results[item.index] = { kind: 'retry', error: lastError };
  }
}

function addressOf(state: SendState): string {
  return state.contact_email?.trim().toLowerCase() ?? '';
}
