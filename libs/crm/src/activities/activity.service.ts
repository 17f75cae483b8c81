import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, Clock, DomainError, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { ContactRepository } from '../contacts/contact.repository';
import { EmployerRepository } from '../employers/employer.repository';
import { StageService } from '../stages/stage.service';
import { activityValues } from './activity-fields';
import { ActivityRepository } from './activity.repository';
import { ACTIVITY_AUDIT_ENTITY, ActivityResponse, CONTACT_ACTIVITY_TYPES, LogActivityInput } from './activity.types';

/** Calls, meetings, notes and e-mails logged on an employer; contact moves a prospect to contacted. */
@Injectable()
export class ActivityService {
  constructor(
    private readonly activities: ActivityRepository,
    private readonly employers: EmployerRepository,
    private readonly contacts: ContactRepository,
    private readonly stages: StageService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async log(principal: Principal, id: string, input: LogActivityInput): Promise<ActivityResponse> {
    const employerId = assertUuid(id);
    const contactId = input.contactId ? assertUuid(input.contactId, 'contactId') : null;
    const regionIds = RegionScope.of(principal).sqlRegionIds;
    const employer = await this.employers.findById(employerId, regionIds);
    if (!employer) throw DomainError.notFound('employer');
    if (contactId !== null) {
      const contact = await this.contacts.findById(contactId, regionIds);
      if (!contact) throw DomainError.notFound('contact');
      if (contact.organisationId !== employerId)
        throw DomainError.invalid('contactId', 'is not a contact of this employer');
    }
    const now = this.clock.now();
    const values = activityValues(input, now);
    return this.transactions.run(async () => {
      const activity = await this.activities.insert(
        { ...values, employerId, regionId: employer.regionId, contactId, by: principal.id },
        now,
      );
      await this.audit.record({
        by: principal.id,
        action: 'create',
        entity: ACTIVITY_AUDIT_ENTITY,
        entityId: activity.id,
        regionId: employer.regionId,
        before: null,
        after: activity,
      });
      if (CONTACT_ACTIVITY_TYPES.includes(values.type)) {
        await this.stages.advance(employerId, 'contacted', { cause: 'manual', at: values.at, by: principal.id });
      }
      return activity;
    });
  }
}
