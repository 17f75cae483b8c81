import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { checkEmail, RegionRepository } from '@app/crm';
import { EnrolmentStopRepository } from '../delivery/enrolment-stop.repository';
import { SuppressionRepository } from './suppression.repository';
import {
  MAX_SUPPRESSION_REASON,
  NewSuppression,
  SUPPRESSION_AUDIT_ENTITY,
  SUPPRESSION_SORT_FIELDS,
  SuppressionInput,
  SuppressionListQuery,
  SuppressionResponse,
} from './suppression.types';

/**
 * Suppressed addresses (api.md "Outreach"). Anyone who may add one may add it everywhere
 * (`regionId` null): a suppression only ever stops mail. Lifting one is for coordinators and admins,
 * and lifting a global one (which other regions rely on) for admins only.
 */
@Injectable()
export class SuppressionService {
  constructor(
    private readonly suppressions: SuppressionRepository,
    private readonly exits: EnrolmentStopRepository,
    private readonly regions: RegionRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: SuppressionListQuery): Promise<Page<SuppressionResponse>> {
    let scope = RegionScope.of(principal);
    if (query.regionId !== undefined) {
      const regionId = assertUuid(query.regionId, 'regionId');
      await this.assertRegion(principal, regionId);
      scope = scope.narrow(regionId);
    }
    const request = pageRequest(query, SUPPRESSION_SORT_FIELDS, [{ field: 'createdAt', direction: 'DESC' }]);
    const q = query.q?.trim() || undefined;
    const { items, total } = await this.suppressions.list({ regionIds: scope.sqlRegionIds, q }, request);
    return pageOf(items, total, request);
  }

  /** 201; 409 when the address is already suppressed there. Exits the address's active enrolments. */
  async add(principal: Principal, input: SuppressionInput): Promise<SuppressionResponse> {
    const regionId = input.regionId == null ? null : assertUuid(input.regionId, 'regionId');
    if (regionId !== null) await this.assertRegion(principal, regionId);
    const email = checkEmail(typeof input.email === 'string' ? input.email : '');
    if (!email.ok) throw DomainError.invalid('email', input.email === undefined ? 'is required' : email.problem);
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (reason === '') throw DomainError.invalid('reason', 'is required');
    if (reason.length > MAX_SUPPRESSION_REASON) {
      throw DomainError.invalid('reason', `must be at most ${MAX_SUPPRESSION_REASON} characters`);
    }
    return this.transactions.run(async () => {
      const values: NewSuppression = {
        email: email.value.toLowerCase(),
        regionId,
        reason,
        source: 'manual',
        createdBy: principal.id,
        at: this.clock.now(),
      };
      const created = await this.suppress(values);
      if (!created) {
        throw DomainError.conflict('suppression.duplicate', 'this address is already suppressed there', 'email');
      }
      await this.record(principal.id, 'create', null, created);
      return created;
    });
  }

  /** For system work (bounce, unsubscribe): suppresses and exits; a duplicate is no error. Joins the transaction. */
  async suppress(values: NewSuppression): Promise<SuppressionResponse | null> {
    const created = await this.suppressions.insert(values);
    await this.exits.exitByEmail(values.email, values.regionId, exitReasonFor(values.source), values.at);
    return created;
  }

  /** 204; audited. A global suppression is lifted by admins only (403). */
  async lift(principal: Principal, id: string): Promise<void> {
    const suppressionId = assertUuid(id);
    await this.transactions.run(async () => {
      const found = await this.suppressions.findById(suppressionId, RegionScope.of(principal).sqlRegionIds, true);
      if (!found) throw DomainError.notFound('suppression');
      if (found.regionId === null && principal.role !== 'admin') {
        throw DomainError.forbidden('Only admins may lift a suppression that holds in every region');
      }
      // A data-subject request (objection, erasure) is the person's to withdraw, not a list entry to tidy.
      if (found.source === 'object' || found.source === 'erasure') {
        throw DomainError.conflict('suppression.privacyRequest', 'This suppression records a data-subject request');
      }
      await this.suppressions.delete(suppressionId);
      await this.record(principal.id, 'delete', found, null);
    });
  }

  private async assertRegion(principal: Principal, regionId: string): Promise<void> {
    if (!(await this.regions.findSettings(regionId, RegionScope.of(principal).sqlRegionIds))) {
      throw DomainError.notFound('region');
    }
  }

  private record(
    by: string,
    action: 'create' | 'delete',
    before: SuppressionResponse | null,
    after: SuppressionResponse | null,
  ): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record({
      by,
      action,
      entity: SUPPRESSION_AUDIT_ENTITY,
      entityId: subject.id,
      regionId: subject.regionId,
      before,
      after,
    });
  }
}

function exitReasonFor(source: NewSuppression['source']): 'unsubscribed' | 'bounced' | 'suppressed' {
  if (source === 'unsubscribe') return 'unsubscribed';
  if (source === 'bounce') return 'bounced';
  return 'suppressed';
}
