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
   * What employers' new stages end (api.md "Outreach"), in order: at `not_interested` or `paused` every enrolment
   * of the employer, with that reason; at a pipeline stage those in campaigns whose `exitStage` it reached or passed
   * (`stage_reached`). One statement and transaction per EXIT_CHUNK employers instead of one per employer; an
   * employer that comes again starts a new chunk, so its later change acts after its earlier one, as one by one.
   */
  async exitAtStages(changes: readonly EmployerAtStage[]): Promise<ExitResult> {
    const campaignIds = new Set<string>();
    const completedCampaignIds = new Set<string>();
    for (const chunk of chunksWithEachEmployerOnce(changes)) {
      const result = await this.exitWith((now) => this.repository.exitAtStages(chunk, now));
      result.campaignIds.forEach((id) => campaignIds.add(id));
      result.completedCampaignIds.forEach((id) => completedCampaignIds.add(id));
    }
    return { campaignIds: [...campaignIds], completedCampaignIds: [...completedCampaignIds] };
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

/** Employers per exit statement and transaction: a batch of sends in one, and never a lock over thousands at once. */
const EXIT_CHUNK = 100;

/**
 * The changes in order, cut after EXIT_CHUNK and wherever an employer comes again: within a chunk no two changes
 * touch the same enrolment, so one statement ends the same enrolments, for the same reasons, as one change at a time.
 */
function chunksWithEachEmployerOnce(changes: readonly EmployerAtStage[]): EmployerAtStage[][] {
  const chunks: EmployerAtStage[][] = [];
  let seen = new Set<string>();
  for (const change of changes) {
    if (chunks.length === 0 || seen.has(change.employerId) || seen.size >= EXIT_CHUNK) {
      chunks.push([]);
      seen = new Set();
    }
    seen.add(change.employerId);
    chunks[chunks.length - 1].push(change);
  }
  return chunks;
}
