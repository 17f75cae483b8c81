import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { RegionRepository } from '@app/crm';
import { checkCampaignFields } from './campaign-fields';
import { CampaignReferences } from './campaign-references';
import { CAMPAIGN_STATUSES, CampaignStatus, isEditable } from './campaign-state';
import { CampaignViews, toSummary } from './campaign-views';
import { CampaignRepository } from './campaign.repository';
import {
  CAMPAIGN_AUDIT_ENTITY,
  CAMPAIGN_SORT_FIELDS,
  CampaignInput,
  CampaignListQuery,
  CampaignRecord,
  CampaignResponse,
  CampaignValues,
} from './campaign.types';
import { FieldProblems } from './field-problems';

/**
 * Campaign definitions: create, read, change and delete before launch. A campaign is created as a
 * `draft`, also with a `launchAt`: the launch action (a later wave) schedules it for that time.
 */
@Injectable()
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly references: CampaignReferences,
    private readonly views: CampaignViews,
    private readonly regions: RegionRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(principal: Principal, input: CampaignInput): Promise<CampaignResponse> {
    if (input.regionId === undefined) throw DomainError.invalid('regionId', 'is required');
    const regionId = assertUuid(input.regionId, 'regionId');
    await this.assertRegion(principal, regionId);
    const now = this.clock.now();
    const problems = new FieldProblems();
    const values = checkCampaignFields(input, 'create', now, problems);
    const segmentId = await this.references.segment(input.segmentId, regionId, problems);
    await this.references.templates(values.steps ?? [], regionId);
    const senderId = await this.references.sender(input.senderId ?? principal.id, regionId, problems);
    problems.throwIfAny();
    return this.transactions.run(async () => {
      const created = await this.campaigns.insert({
        ...(values as Omit<CampaignValues, 'segmentId' | 'senderId'>),
        segmentId,
        senderId,
        regionId,
        createdBy: principal.id,
        at: now,
      });
      await this.record(principal, 'create', null, created);
      return this.views.one(created);
    });
  }

  async get(principal: Principal, id: string): Promise<CampaignResponse> {
    return this.views.one(await this.find(principal, id));
  }

  async list(principal: Principal, query: CampaignListQuery): Promise<Page<CampaignResponse>> {
    let scope = RegionScope.of(principal);
    if (query.regionId !== undefined) {
      const regionId = assertUuid(query.regionId, 'regionId');
      await this.assertRegion(principal, regionId);
      scope = scope.narrow(regionId);
    }
    if (query.status !== undefined && !CAMPAIGN_STATUSES.includes(query.status as CampaignStatus)) {
      throw DomainError.invalid('status', `must be one of ${CAMPAIGN_STATUSES.join(', ')}`);
    }
    const request = pageRequest(query, CAMPAIGN_SORT_FIELDS, [{ field: 'createdAt', direction: 'DESC' }]);
    const { items, total } = await this.campaigns.list(
      { regionIds: scope.sqlRegionIds, status: query.status as CampaignStatus | undefined },
      request,
    );
    return pageOf(await this.views.many(items), total, request);
  }

  /** Only a `draft` or `scheduled` campaign changes (409 otherwise); a body error is a 400 first. */
  async update(principal: Principal, id: string, input: CampaignInput): Promise<CampaignResponse> {
    const campaignId = assertUuid(id);
    return this.transactions.run(async () => {
      const current = await this.campaigns.findById(campaignId, RegionScope.of(principal).sqlRegionIds, true);
      if (!current) throw DomainError.notFound('campaign');
      const problems = new FieldProblems();
      const changes: Partial<CampaignValues> = checkCampaignFields(input, 'patch', this.clock.now(), problems);
      if (input.segmentId !== undefined) {
        changes.segmentId = await this.references.segment(input.segmentId, current.regionId, problems);
      }
      if (changes.steps) await this.references.templates(changes.steps, current.regionId);
      if (input.senderId !== undefined) {
        changes.senderId = await this.references.sender(input.senderId, current.regionId, problems);
      }
      problems.throwIfAny();
      if (!isEditable(current.status)) {
        throw DomainError.conflict(
          'campaign.not_editable',
          `a ${current.status} campaign cannot be changed; only draft and scheduled campaigns can`,
          'status',
        );
      }
      if (current.status === 'scheduled' && changes.launchAt === null) {
        throw DomainError.conflict(
          'campaign.scheduled_needs_launch_at',
          'a scheduled campaign keeps a launch time; cancel it to stop the launch',
          'launchAt',
        );
      }
      if (!differs(current, changes)) return this.views.one(current);
      const updated = await this.campaigns.update(campaignId, changes, this.clock.now());
      await this.record(principal, 'update', current, updated);
      return this.views.one(updated);
    });
  }

  /** Only a draft is deleted; anything launched or scheduled is cancelled instead (409). */
  async delete(principal: Principal, id: string): Promise<void> {
    const campaignId = assertUuid(id);
    await this.transactions.run(async () => {
      const campaign = await this.campaigns.findById(campaignId, RegionScope.of(principal).sqlRegionIds, true);
      if (!campaign) throw DomainError.notFound('campaign');
      if (campaign.status !== 'draft') {
        throw DomainError.conflict(
          'campaign.not_deletable',
          `a ${campaign.status} campaign cannot be deleted; only drafts can (cancel it instead)`,
          'status',
        );
      }
      await this.campaigns.delete(campaignId);
      await this.record(principal, 'delete', campaign, null);
    });
  }

  private async find(principal: Principal, id: string): Promise<CampaignRecord> {
    const campaign = await this.campaigns.findById(assertUuid(id), RegionScope.of(principal).sqlRegionIds);
    if (!campaign) throw DomainError.notFound('campaign');
    return campaign;
  }

  /** A region outside the caller's scope, or no region at all, is a 404. */
  private async assertRegion(principal: Principal, regionId: string): Promise<void> {
    if (!(await this.regions.findSettings(regionId, RegionScope.of(principal).sqlRegionIds))) {
      throw DomainError.notFound('region');
    }
  }

  private record(
    principal: Principal,
    action: 'create' | 'update' | 'delete',
    before: CampaignRecord | null,
    after: CampaignRecord | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by: principal.id,
      action,
      entity: CAMPAIGN_AUDIT_ENTITY,
      entityId: subject.id,
      regionId: subject.regionId,
      before: before && toSummary(before),
      after: after && toSummary(after),
    });
  }
}

function differs(current: CampaignRecord, changes: Partial<CampaignValues>): boolean {
  return (Object.keys(changes) as (keyof CampaignValues)[]).some(
    (key) => JSON.stringify(changes[key]) !== JSON.stringify(current[key]),
  );
}
