import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { EmployerAtStage, EnrolmentExitsRepository, ExitTarget } from './enrolment-exits.repository';
import { ExitReason } from './enrolment.types';

export interface ExitResult {
  /** Campaigns that lost at least one active enrolment. */
  campaignIds: string[];
  /** Campaigns completed because no active enrolment was left. */
  completedCampaignIds: string[];
}

/**
 * Ends active enrolments (api.md "Outreach", exit reasons): used by replies, unsubscribes and bounces
 * (delivery), stage changes, removal by hand and cancelling. Each call locks the enrolment rows,
 * joins a running transaction (or opens one) and completes campaigns that it leaves empty.
 */
@Injectable()
export class EnrolmentExits {
  constructor(
    private readonly repository: EnrolmentExitsRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Every active enrolment of the contact, optionally only in campaigns of one region. */
  exitContact(contactId: string, reason: ExitReason, options: { regionId?: string } = {}): Promise<ExitResult> {
    return this.exit({ contactId, regionId: options.regionId }, reason);
  }

  /** Every active enrolment of the employer's contacts, in one campaign or (null) in all. */
  exitEmployer(employerId: string, campaignId: string | null, reason: ExitReason): Promise<ExitResult> {
    return this.exit({ employerId, ...(campaignId ? { campaignId } : {}) }, reason);
  }

  /** One contact's enrolment in one campaign (removal by hand). */
  exitEnrolment(campaignId: string, contactId: string, reason: ExitReason): Promise<ExitResult> {
    return this.exit({ campaignId, contactId }, reason);
  }

  /** Every active enrolment of a campaign (cancelling). A cancelled campaign does not complete. */
  exitCampaign(campaignId: string, reason: ExitReason): Promise<ExitResult> {
    return this.exit({ campaignId }, reason);
  }

  /** Locks the campaign's active enrolments in the caller's transaction (cancel, before the campaign row). */
  lockCampaignEnrolments(campaignId: string): Promise<void> {
    return this.repository.lockActiveOfCampaign(campaignId);
  }

  /**
   * What employers' new stages end (api.md "Outreach"), in one transaction however many employers moved: at
   * `not_interested` or `paused` every enrolment of the employer, with that reason; at a pipeline stage those in
   * campaigns whose `exitStage` it reached or passed (`stage_reached`). Each employer at most once.
   */
  exitAtStages(changes: readonly EmployerAtStage[]): Promise<ExitResult> {
    return this.exitWith((now) => this.repository.exitAtStages(changes, now));
  }

  private exit(target: ExitTarget, reason: ExitReason): Promise<ExitResult> {
    return this.exitWith((now) => this.repository.exitActive(target, reason, now));
  }

  private exitWith(exitActive: (now: Date) => Promise<string[]>): Promise<ExitResult> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const campaignIds = await exitActive(now);
      const completedCampaignIds = await this.repository.completeDrained(campaignIds, now);
      return { campaignIds, completedCampaignIds };
    });
  }
}
