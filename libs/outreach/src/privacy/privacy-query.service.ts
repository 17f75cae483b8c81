import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { RegionRepository } from '@app/crm';
import { ReviewItem } from './data-subject.types';
import { RetentionRepository, RetentionSummary } from './retention.repository';

export interface ReviewQuery {
  regionId?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export interface RetentionRunResponse {
  id: string;
  ranAt: string;
  settings: Record<string, number>;
  summary: RetentionSummary;
}

/** What the retention job left for people to see: contacts due for review, and its runs. */
@Injectable()
export class PrivacyQueryService {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly regions: RegionRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * A person reviewed a flagged contact and keeps it (the other outcomes are an update or an erasure):
   * the flag clears and is not set again for one inactivity period. 404 outside the caller's regions;
   * a contact that is not flagged changes nothing. Audited as `privacy.keep`.
   */
  async keep(principal: Principal, id: string): Promise<void> {
    const contactId = assertUuid(id, 'contactId');
    await this.transactions.run(async () => {
      const regionId = await this.retention.contactRegion(contactId, RegionScope.of(principal).sqlRegionIds);
      if (!regionId) throw DomainError.notFound('contact');
      if (!(await this.retention.keep(contactId, this.clock.now()))) return;
      await this.audit.record({
        by: principal.id,
        action: 'privacy.keep',
        entity: 'contact',
        entityId: contactId,
        regionId,
        before: null,
        after: { request: 'keep' },
      });
    });
  }

  /** Contacts flagged for review in the caller's regions, longest waiting first. */
  async reviews(principal: Principal, query: ReviewQuery): Promise<Page<ReviewItem>> {
    let scope = RegionScope.of(principal);
    if (query.regionId !== undefined) {
      const regionId = assertUuid(query.regionId, 'regionId');
      if (!(await this.regions.findSettings(regionId, scope.sqlRegionIds))) throw DomainError.notFound('region');
      scope = scope.narrow(regionId);
    }
    const request = pageRequest(query, ['reviewDueAt'] as const, [{ field: 'reviewDueAt', direction: 'ASC' }]);
    const { items, total } = await this.retention.reviews(scope.sqlRegionIds, request);
    return pageOf(
      items.map((row) => ({
        contactId: row.contact_id,
        organisationId: row.organisation_id,
        regionId: row.region_id,
        reviewDueAt: row.review_due_at.toISOString(),
      })),
      total,
      request,
    );
  }

  /** The retention runs, newest first (counts only: no personal data). */
  async runs(query: { page?: string; pageSize?: string; sort?: string }): Promise<Page<RetentionRunResponse>> {
    const request = pageRequest(query, ['ranAt'] as const, [{ field: 'ranAt', direction: 'DESC' }]);
    const { items, total } = await this.retention.runs(request);
    return pageOf(
      items.map((row) => ({
        id: row.id,
        ranAt: row.ran_at.toISOString(),
        settings: row.settings,
        summary: row.summary,
      })),
      total,
      request,
    );
  }
}
