import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { EnrolmentExitsRepository, ExitTarget } from './enrolment-exits.repository';
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

  /** The employer's enrolments in campaigns that exit at one of `exitStages`. */
  exitEmployerAtStages(employerId: string, exitStages: readonly string[], reason: ExitReason): Promise<ExitResult> {
    return this.exit({ employerId, exitStages }, reason);
  }

  private exit(target: ExitTarget, reason: ExitReason): Promise<ExitResult> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const campaignIds = await this.repository.exitActive(target, reason, now);
      const completedCampaignIds = await this.repository.completeDrained(campaignIds, now);
      return { campaignIds, completedCampaignIds };
    });
  }
}
