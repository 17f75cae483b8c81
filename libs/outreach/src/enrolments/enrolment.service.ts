import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { EnrolmentExits } from './enrolment-exits.service';
import { EnrolmentRepository } from './enrolment.repository';
import {
  ENROLMENT_SORT_FIELDS,
  ENROLMENT_STATUSES,
  EnrolmentListQuery,
  EnrolmentResponse,
  EnrolmentStatus,
} from './enrolment.types';

/** A campaign's enrolments as people see them: listed, and removed one by one (exit `removed`). */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly enrolments: EnrolmentRepository,
    private readonly exits: EnrolmentExits,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, campaignId: string, query: EnrolmentListQuery): Promise<Page<EnrolmentResponse>> {
    const id = assertUuid(campaignId);
    if (!(await this.enrolments.campaignRegion(id, RegionScope.of(principal).sqlRegionIds))) {
      throw DomainError.notFound('campaign');
    }
    if (query.status !== undefined && !ENROLMENT_STATUSES.includes(query.status as EnrolmentStatus)) {
      throw DomainError.invalid('status', `must be one of ${ENROLMENT_STATUSES.join(', ')}`);
    }
    const request = pageRequest(query, ENROLMENT_SORT_FIELDS, [{ field: 'createdAt', direction: 'ASC' }]);
    const { items, total } = await this.enrolments.list(id, query.status as EnrolmentStatus | undefined, request);
    return pageOf(items, total, request);
  }

  /** 404 when the campaign or the contact's enrolment in it is unknown; an enrolment already ended stays as it is. */
  async remove(principal: Principal, campaignId: string, contactId: string): Promise<void> {
    const id = assertUuid(campaignId);
    const contact = assertUuid(contactId, 'contactId');
    await this.transactions.run(async () => {
      const regionId = await this.enrolments.campaignRegion(id, RegionScope.of(principal).sqlRegionIds);
      if (!regionId || !(await this.enrolments.exists(id, contact))) throw DomainError.notFound('enrolment');
      const result = await this.exits.exitEnrolment(id, contact, 'removed');
      if (result.campaignIds.length === 0) return;
      await this.audit.record({
        by: principal.id,
        action: 'remove_enrolment',
        entity: 'campaign',
        entityId: id,
        regionId,
        before: { contactId: contact, status: 'active' },
        after: { contactId: contact, status: 'exited', exitReason: 'removed' },
      });
    });
  }
}
