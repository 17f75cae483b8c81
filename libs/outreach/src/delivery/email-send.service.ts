import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, DomainError, MailTransport, Transactions } from '@app/core';
import type { AppConfig } from '@app/core';
import { pipelineIndex, StageService } from '@app/crm';
import { AutoPauseService } from '../auto-pause/auto-pause.service';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { SendCalendar } from '../calendar/send-calendar';
import { RenderContextBuilder } from '../templates/render-context.builder';
import { TemplateRenderer } from '../templates/template-renderer';
import { ContactPrivacyRepository } from '../privacy/contact-privacy.repository';
import { SuppressionRepository } from '../suppressions/suppression.repository';
import { SuppressionService } from '../suppressions/suppression.service';
import { DeliveryTokens } from './delivery-tokens';
import { LedgerRow, SendState } from './delivery.types';
import { EnrolmentProgressRepository } from './enrolment-progress.repository';
import { EnrolmentStopRepository } from './enrolment-stop.repository';
import { SendLedgerRepository } from './send-ledger.repository';
import { classifySmtpError, SmtpOutcome } from './smtp-outcome';

/** What the SMTP server accepted, kept so the record can be written again if its transaction fails. */
interface Accepted {
  state: SendState;
  address: string;
  messageId: string;
  replyToken: string | undefined;
  at: Date;
}

/** How far one delivery got: whether the SMTP call started, and what the server accepted. */
interface Attempt {
  smtpStarted: boolean;
  accepted: Accepted | null;
}

/** What the email-send job does next. */
export type SendResult =
  | { kind: 'done'; note: string }
  | { kind: 'later'; at: Date; note: string }
  // The row is not `queued` (so the dispatcher would not add its job again): the same job must look again at `at`.
  | { kind: 'recheck'; at: Date; note: string }
  | { kind: 'retry'; error: unknown };

/** A campaign pauses itself after this many `blocked` messages in a row (the server refuses us). */
export const BLOCKED_IN_A_ROW = 3;
/** …and when more than 5% of its first 200 messages bounce hard (more than 10 hard bounces among them). */
export const BOUNCE_SAMPLE = 200;
export const MAX_BOUNCE_SHARE = 0.05;
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
const PAUSED_RETRY_MS = 60_000;
/**
 * BullMQ's default job lock: a live worker renews it, so a job only runs again on a `sending` row once it
 * lapsed. A younger claim belongs to a worker between its claim and its send, not to a dead one.
 */
export const ABANDONED_AFTER_MS = 30_000;

/** The task title's reason when too many of a campaign's first messages bounced. */
export function bounceShareReason(): string {
  return `meer dan ${MAX_BOUNCE_SHARE * 100}% van de eerste ${BOUNCE_SAMPLE} berichten kwam hard terug`;
}

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
 * One send-ledger row (architecture.md "Queues", `email-send`): claim it (`queued → sending`), lock
 * the enrolment and re-check exits, suppression, basis and contact pressure, render, send, record.
 * The enrolment stays locked through the SMTP call, so an unsubscribe, reply or bounce that commits
 * first stops the message, and one that comes later waits for the record.
 */
@Injectable()
export class EmailSendService {
  private readonly tokens: DeliveryTokens;

  constructor(
    private readonly ledger: SendLedgerRepository,
    private readonly progress: EnrolmentProgressRepository,
    private readonly stops: EnrolmentStopRepository,
    private readonly exits: EnrolmentExits,
    private readonly suppressions: SuppressionRepository,
    private readonly suppressionService: SuppressionService,
    private readonly privacy: ContactPrivacyRepository,
    private readonly contexts: RenderContextBuilder,
    private readonly renderer: TemplateRenderer,
    private readonly stages: StageService,
    private readonly autoPause: AutoPauseService,
    private readonly mail: MailTransport,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokens = new DeliveryTokens(config.appSecret);
  }

  async send(ledgerId: string, finalAttempt: boolean): Promise<SendResult> {
    const row = await this.ledger.find(ledgerId);
    if (!row) return { kind: 'done', note: 'gone' };
    if (row.status === 'sending') return this.settleAbandoned(row);
    if (row.status !== 'queued') return { kind: 'done', note: `already ${row.status}` };
    const claim = await this.transactions.run(() => this.claim(row));
    if (claim) return claim;
    const attempt: Attempt = { smtpStarted: false, accepted: null };
    try {
      return await this.transactions.run(() => this.deliver(row, finalAttempt, attempt));
    } catch (error) {
      // The server took the message but recording it failed (the database connection dropped): record it
      // again in a fresh transaction, so a lost connection does not turn a known send into `unknown`.
      if (attempt.accepted) return this.recordAcceptedAgain(row, attempt.accepted, error);
      // Rolled back before the SMTP call: nothing went out, so the row may be claimed again on the retry.
      // After it, the outcome is unknown: the row stays `sending` and the job's retry settles it `unknown`.
      if (!attempt.smtpStarted) await this.ledger.requeue(row.id, this.clock.now(), { error: String(error) });
      throw error;
    }
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
      if (!(await this.progress.lockUnlessSending(row.enrolment_id)))
        return { kind: 'done', note: 'sending elsewhere' };
      const settled = await this.ledger.settleAbandoned(row.id, now);
      if (!settled) return { kind: 'done', note: 'already sending' };
      await this.progress.moveTo(settled.enrolment_id, settled.step_index + 1, settled.step_count, now, now, now);
      if (settled.step_index + 1 >= settled.step_count) await this.stops.completeIfDone(row.campaign_id, now);
      return { kind: 'done', note: 'unknown: the worker stopped during the SMTP call' };
    });
  }

  /** Null once claimed; else what to do instead (cap reached, campaign not running, taken by another worker). */
  private async claim(row: LedgerRow): Promise<SendResult | null> {
    const now = this.clock.now();
    const campaign = await this.ledger.lockCampaign(row.campaign_id);
    if (!campaign || campaign.status === 'completed' || campaign.status === 'cancelled') {
      await this.ledger.finish(row.id, 'skipped', now, { error: `campaign ${campaign?.status ?? 'gone'}` });
      return { kind: 'done', note: `campaign ${campaign?.status ?? 'gone'}` };
    }
    if (campaign.status !== 'running') {
      // Left queued (paused): the dispatcher re-adds it once the campaign runs again.
      return { kind: 'done', note: `campaign ${campaign.status}` };
    }
    if (campaign.max_per_hour !== null) {
      const { used, oldest } = await this.ledger.hourUsage(row.campaign_id, now);
      if (used >= campaign.max_per_hour) {
        const at = new Date(Math.max(now.getTime() + 1000, (oldest?.getTime() ?? now.getTime()) + HOUR_MS));
        await this.ledger.requeue(row.id, at);
        return { kind: 'later', at, note: 'maxPerHour' };
      }
    }
    return (await this.ledger.claim(row.id, now)) ? null : { kind: 'done', note: 'claimed elsewhere' };
  }

  private async deliver(row: LedgerRow, finalAttempt: boolean, attempt: Attempt): Promise<SendResult> {
    const now = this.clock.now();
    const state = await this.ledger.lockSendState(row.enrolment_id);
    if (!state || state.enrolment_status !== 'active' || state.current_step !== row.step_index) {
      await this.ledger.finish(row.id, 'skipped', now, { error: `enrolment ${state?.enrolment_status ?? 'gone'}` });
      return { kind: 'done', note: 'enrolment no longer at this step' };
    }
    const stageExit = stageExitReason(state.employer_stage, state.exit_stage);
    if (stageExit) {
      // The stage listener runs after its commit and in one process only: the send checks it itself.
      await this.ledger.finish(row.id, 'skipped', now, { error: `employer stage ${state.employer_stage}` });
      await this.exits.exitEnrolment(row.campaign_id, row.contact_id, stageExit);
      return { kind: 'done', note: `skipped: employer ${state.employer_stage}` };
    }
    if (state.campaign_status !== 'running') {
      await this.ledger.requeue(row.id, new Date(now.getTime() + PAUSED_RETRY_MS));
      return { kind: 'done', note: `campaign ${state.campaign_status}` };
    }
    // The window may have closed while the job waited (a busy queue, retries): wait for it to open again.
    const calendar = new SendCalendar(state.closing_days);
    if (!calendar.isInWindow(now, state.send_window)) {
      const at = calendar.nextSendTime(now, state.send_window);
      await this.ledger.requeue(row.id, at);
      return { kind: 'later', at, note: 'outside the send window' };
    }
    const address = state.contact_email?.trim().toLowerCase() ?? '';
    if (address === '' || state.email_basis === null) {
      await this.ledger.finish(row.id, 'skipped', now, {
        error: address === '' ? 'no e-mail address' : 'no e-mail basis',
      });
      await this.advance(row, state, now);
      return { kind: 'done', note: 'skipped: no address or basis' };
    }
    const block = state.privacy_block;
    if (block === 'restricted' || block === 'erased') {
      // Restriction of processing (a data-subject request) stops every send, whatever the campaign.
      await this.ledger.finish(row.id, 'skipped', now, { error: 'processing restricted' });
      await this.exits.exitContact(row.contact_id, 'restricted');
      return { kind: 'done', note: 'skipped: restricted' };
    }
    // An objection holds for the person, also at an address rectified after it (not only the suppressed one).
    if (block === 'objected' || (await this.suppressions.isSuppressed(address, state.campaign_region_id))) {
      await this.ledger.finish(row.id, 'skipped', now, { error: 'address suppressed' });
      await this.exits.exitContact(row.contact_id, 'suppressed');
      return { kind: 'done', note: 'skipped: suppressed' };
    }
    const pressureFrom = new Date(now.getTime() - state.pressure_days * DAY_MS);
    // Held through the SMTP call: another campaign's send to this contact waits and then sees this one.
    if (state.pressure_days > 0) await this.ledger.lockContactSends(row.contact_id);
    const lastOther =
      state.pressure_days > 0
        ? await this.ledger.lastOtherCampaignMail(row.contact_id, row.campaign_id, pressureFrom)
        : null;
    if (lastOther) {
      const at = new Date(lastOther.getTime() + state.pressure_days * DAY_MS);
      await this.ledger.requeue(row.id, at, { pressure: true });
      return { kind: 'later', at, note: 'contact pressure' };
    }
    return this.sendNow(row, state, address, now, finalAttempt, attempt);
  }

  private async sendNow(
    row: LedgerRow,
    state: SendState,
    address: string,
    now: Date,
    finalAttempt: boolean,
    attempt: Attempt,
  ): Promise<SendResult> {
    const step = state.steps[row.step_index];
    if (!step || step.type !== 'email') {
      await this.ledger.finish(row.id, 'failed', now, { error: 'the step is not an e-mail step' });
      return { kind: 'done', note: 'not an e-mail step' };
    }
    const version = step.templateVersion ?? (await this.ledger.latestTemplateVersion(step.templateId));
    const unsubscribeUrl = `${this.config.publicUrl.replace(/\/+$/, '')}/u/${this.tokens.unsubscribe(row.id)}`;
    const replyToken = this.tokens.reply(row.id);
    const replyAddress = `reply+${replyToken}@${this.config.inboundDomain}`;
    // A bare host name is no mail domain (the config refuses one): then no Reply-To or envelope sender.
    const reply = this.config.inboundDomain.includes('.') ? replyAddress : null;
    const messageId = `<${row.id}@${this.config.inboundDomain}>`;
    try {
      if (version === null) throw DomainError.notFound('template_version');
      const compiled = await this.renderer.compiled({ templateId: step.templateId, version });
      const context = await this.contexts.forContact({
        contactId: row.contact_id,
        senderId: state.sender_id,
        regionIds: null,
        unsubscribeUrl,
        withStory: compiled.usesStory,
      });
      if (!context) throw DomainError.notFound('contact');
      const message = await this.renderer.render({ templateId: step.templateId, version }, context.context);
      const senderName = state.sender_name ?? context.context.variables.wsp.name ?? null;
      attempt.smtpStarted = true;
      await this.mail.send({
        // The WSP's address carries the sender's name (one domain to authenticate); no WSP address: the sender's own.
        from: { name: senderName, address: state.wsp_email ?? state.sender_email ?? '' },
        to: [{ name: context.recipient?.name ?? null, address }],
        ...(reply ? { replyTo: { name: senderName, address: reply }, envelopeFrom: reply } : {}),
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId,
        unsubscribeUrl,
      });
    } catch (error) {
      return this.failed(row, state, address, error, now, finalAttempt, attempt.smtpStarted);
    }
    attempt.accepted = { state, address, messageId, replyToken: reply ? replyToken : undefined, at: now };
    return this.recordSent(row, attempt.accepted);
  }

  private async recordSent(row: LedgerRow, accepted: Accepted): Promise<SendResult> {
    const { state, address, messageId, replyToken, at } = accepted;
    await this.ledger.finish(row.id, 'sent', at, { toEmail: address, messageId, replyToken });
    // Recorded again after an erasure may have committed in between: the address must not come back.
    await this.privacy.forgetErasedRecipient(row.id);
    await this.advance(row, state, at);
    if (state.employer_stage === 'prospect') {
      await this.stages.advance(state.employer_id, 'contacted', { cause: 'campaign', at, by: null });
    }
    return { kind: 'done', note: `sent ${messageId}` };
  }

  /** After the SMTP server said 250: a few tries to write `sent`; if all fail, the job's retry settles it `unknown`. */
  private async recordAcceptedAgain(row: LedgerRow, accepted: Accepted, firstError: unknown): Promise<SendResult> {
    let lastError = firstError;
    for (let tryNo = 0; tryNo < 3; tryNo++) {
      try {
        return await this.transactions.run(() => this.recordSent(row, accepted));
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 200 * (tryNo + 1)));
      }
    }
    throw lastError;
  }

  private async failed(
    row: LedgerRow,
    state: SendState,
    address: string,
    error: unknown,
    now: Date,
    finalAttempt: boolean,
    smtpStarted: boolean,
  ): Promise<SendResult> {
    if (error instanceof DomainError) {
      await this.ledger.finish(row.id, 'failed', now, { error: error.message, toEmail: address });
      await this.advance(row, state, now);
      return { kind: 'done', note: `failed: ${error.message}` };
    }
    // Rendering failed before the SMTP call: nothing went out, so trying again is safe.
    const outcome: SmtpOutcome = smtpStarted ? classifySmtpError(error) : { kind: 'retry', detail: String(error) };
    switch (outcome.kind) {
      case 'retry':
        if (!finalAttempt) {
          await this.ledger.requeue(row.id, now, { error: outcome.detail });
          return { kind: 'retry', error };
        }
        await this.ledger.finish(row.id, 'failed', now, { error: outcome.detail, toEmail: address });
        await this.advance(row, state, now);
        return { kind: 'done', note: `failed after retries: ${outcome.detail}` };
      case 'unknown':
        // The server may have the message: recorded, never sent twice; the enrolment moves on.
        await this.ledger.finish(row.id, 'unknown', now, {
          error: `no SMTP answer after the connection stood: ${outcome.detail}`.slice(0, 500),
          toEmail: address,
        });
        await this.advance(row, state, now);
        return { kind: 'done', note: `unknown: ${outcome.detail}` };
      case 'failed':
        await this.ledger.finish(row.id, 'failed', now, { error: outcome.detail, toEmail: address });
        await this.advance(row, state, now);
        return { kind: 'done', note: `failed: ${outcome.detail}` };
      case 'bounced':
        await this.ledger.lockCampaign(row.campaign_id);
        await this.ledger.finish(row.id, 'bounced', now, { error: outcome.detail, toEmail: address });
        await this.suppressionService.suppress({
          email: address,
          regionId: null,
          reason: `Hard bounce: ${outcome.detail}`.slice(0, 500),
          source: 'bounce',
          createdBy: null,
          at: now,
        });
        await this.exits.exitContact(row.contact_id, 'bounced');
        if ((await this.ledger.bouncesInFirst(row.campaign_id, BOUNCE_SAMPLE)) > BOUNCE_SAMPLE * MAX_BOUNCE_SHARE) {
          await this.autoPause.pause(row.campaign_id, row.contact_id, now, bounceShareReason());
        }
        return { kind: 'done', note: `bounced: ${outcome.detail}` };
      case 'blocked':
        // Never a suppression: the refusal is about us. The message is tried again after a resume.
        // The campaign row lock makes concurrent sends see each other's `blocked` when counting the streak.
        await this.ledger.lockCampaign(row.campaign_id);
        await this.ledger.finish(row.id, 'blocked', now, { error: outcome.detail, toEmail: address });
        if (await this.ledger.lastFinishedAllBlocked(row.campaign_id, BLOCKED_IN_A_ROW)) {
          await this.autoPause.pause(
            row.campaign_id,
            row.contact_id,
            now,
            `de mailserver weigert onze berichten (${outcome.detail})`,
          );
        }
        return { kind: 'done', note: `blocked: ${outcome.detail}` };
    }
  }

  /** The step happened: on to the next one (a wait is evaluated by the dispatcher), or completed. */
  private async advance(row: LedgerRow, state: SendState, now: Date): Promise<void> {
    await this.progress.moveTo(row.enrolment_id, row.step_index + 1, state.steps.length, now, now, now);
    if (row.step_index + 1 >= state.steps.length) await this.stops.completeIfDone(row.campaign_id, now);
  }
}
