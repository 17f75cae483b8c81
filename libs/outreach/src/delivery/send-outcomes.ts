import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { StageService } from '@app/crm';
import { AutoPauseService } from '../auto-pause/auto-pause.service';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { SuppressionService } from '../suppressions/suppression.service';
import { LedgerRow, SendState } from './delivery.types';
import { EnrolmentProgressRepository } from './enrolment-progress.repository';
import { EnrolmentStopRepository } from './enrolment-stop.repository';
import { SendLedgerRepository } from './send-ledger.repository';
import { classifySmtpError, SmtpOutcome } from './smtp-outcome';

/** What the email-send job does next. */
export type SendResult =
  | { kind: 'done'; note: string }
  | { kind: 'later'; at: Date; note: string }
  // The row is not `queued` (so the dispatcher would not add its job again): the same job must look again at `at`.
  | { kind: 'recheck'; at: Date; note: string }
  | { kind: 'retry'; error: unknown };

/** What the SMTP server accepted, kept so the record can be written again if its transaction fails. */
export interface Accepted {
  row: LedgerRow;
  state: SendState;
  address: string;
  messageId: string;
  replyToken: string | undefined;
  at: Date;
}

/** A message whose SMTP call failed (or never started: rendering failed), with what the job knows. */
export interface Failure {
  row: LedgerRow;
  state: SendState;
  address: string;
  error: unknown;
  finalAttempt: boolean;
  smtpStarted: boolean;
}

/** A campaign pauses itself after this many `blocked` messages in a row (the server refuses us). */
export const BLOCKED_IN_A_ROW = 3;
/** …and when more than 5% of its first 200 messages bounce hard (more than 10 hard bounces among them). */
export const BOUNCE_SAMPLE = 200;
export const MAX_BOUNCE_SHARE = 0.05;

/** The task title's reason when too many of a campaign's first messages bounced. */
export function bounceShareReason(): string {
  return `meer dan ${MAX_BOUNCE_SHARE * 100}% van de eerste ${BOUNCE_SAMPLE} berichten kwam hard terug`;
}

export const done = (note: string): SendResult => ({ kind: 'done', note });

/**
 * Records what became of messages once the SMTP server answered (or could not be asked): `sent` for a
 * whole batch in a few statements, and one by one the rarer failures with their consequences
 * (suppression on a hard bounce, auto-pause when the server keeps refusing us).
 */
@Injectable()
export class SendOutcomes {
  constructor(
    private readonly ledger: SendLedgerRepository,
    private readonly progress: EnrolmentProgressRepository,
    private readonly stops: EnrolmentStopRepository,
    private readonly exits: EnrolmentExits,
    private readonly suppressions: SuppressionService,
    private readonly stages: StageService,
    private readonly autoPause: AutoPauseService,
  ) {}

  /** Accepted messages: `sent`, their enrolments on to the next step, a prospect employer now `contacted`. */
  async sent(accepted: Accepted[]): Promise<void> {
    if (accepted.length === 0) return;
    const at = accepted[0].at;
    await this.ledger.finishSent(
      accepted.map(({ row, address, messageId, replyToken }) => ({
        id: row.id,
        toEmail: address,
        messageId,
        replyToken,
      })),
      at,
    );
    await this.advance(accepted, at);
    const prospects = accepted.filter(({ state }) => state.employer_stage === 'prospect');
    await this.stages.advanceMany(
      prospects.map(({ state }) => state.employer_id),
      'contacted',
      { cause: 'campaign', at, by: null },
    );
  }

  async failed(failure: Failure, now: Date): Promise<SendResult> {
    const { row, address, error } = failure;
    if (error instanceof DomainError) {
      await this.ledger.finish(row.id, 'failed', now, { error: error.message, toEmail: address });
      await this.advance([failure], now);
      return done(`failed: ${error.message}`);
    }
    // Rendering failed before the SMTP call: nothing went out, so trying again is safe.
    const outcome: SmtpOutcome = failure.smtpStarted
      ? classifySmtpError(error)
      : { kind: 'retry', detail: String(error) };
    switch (outcome.kind) {
      case 'retry':
        if (!failure.finalAttempt) {
          await this.ledger.requeue(row.id, now, { error: outcome.detail });
          return { kind: 'retry', error };
        }
        return this.finishFailed(failure, 'failed', outcome.detail, `failed after retries: ${outcome.detail}`, now);
      case 'unknown':
        // The server may have the message: recorded, never sent twice; the enrolment moves on.
        return this.finishFailed(
          failure,
          'unknown',
          `no SMTP answer after the connection stood: ${outcome.detail}`.slice(0, 500),
          `unknown: ${outcome.detail}`,
          now,
        );
      case 'failed':
        return this.finishFailed(failure, 'failed', outcome.detail, `failed: ${outcome.detail}`, now);
      case 'bounced':
        await this.ledger.lockCampaign(row.campaign_id);
        await this.ledger.finish(row.id, 'bounced', now, { error: outcome.detail, toEmail: address });
        await this.suppressions.suppress({
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
        return done(`bounced: ${outcome.detail}`);
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
        return done(`blocked: ${outcome.detail}`);
    }
  }

  /** Skipped for a reason of the enrolment's own (no address or basis): the enrolment moves on. */
  async skipAndAdvance(row: LedgerRow, state: SendState, error: string, now: Date): Promise<void> {
    await this.ledger.finish(row.id, 'skipped', now, { error });
    await this.advance([{ row, state }], now);
  }

  private async finishFailed(
    failure: Failure,
    status: 'failed' | 'unknown',
    error: string,
    note: string,
    now: Date,
  ): Promise<SendResult> {
    await this.ledger.finish(failure.row.id, status, now, { error, toEmail: failure.address });
    await this.advance([failure], now);
    return done(note);
  }

  /** The steps happened: on to the next ones (a wait is evaluated by the dispatcher), or completed. */
  private async advance(items: { row: LedgerRow; state: SendState }[], at: Date): Promise<void> {
    await this.progress.moveMany(
      items.map(({ row, state }) => ({
        id: row.enrolment_id,
        index: row.step_index + 1,
        stepCount: state.steps.length,
      })),
      at,
    );
    const lastSteps = items.filter(({ row, state }) => row.step_index + 1 >= state.steps.length);
    for (const campaignId of new Set(lastSteps.map(({ row }) => row.campaign_id))) {
      await this.stops.completeIfDone(campaignId, at);
    }
  }
}
