import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/core';
import { Principal } from '@app/auth';
import { toContactResponse } from '../contacts/contact.mapper';
import { ContactRepository } from '../contacts/contact.repository';
import { toNetworkLinkRecord } from '../network/network.mapper';
import { NetworkRepository } from '../network/network.repository';
import { CrmAuditEntity } from '../shared/crm-audit';
import { StoryRepository } from '../stories/story.repository';
import { STORY_AUDIT_ENTITY } from '../stories/story.types';
import { toTrajectoryResponse } from '../trajectories/trajectory.mapper';
import { TrajectoryRepository } from '../trajectories/trajectory.repository';
import { TRAJECTORY_AUDIT_ENTITY } from '../trajectories/trajectory.types';
import { OrganisationRepository } from './organisation.repository';

/**
 * Deleting an organisation also deletes its contacts, network links and, for an employer, its
 * trajectories, stories, tasks, activities and stage history (foreign keys cascade). Contacts, links,
 * trajectories and stories are audited one by one, as when they are deleted by hand, so the log shows
 * every record that went; tasks, activities and stage changes are working history of the employer and
 * go with its own entry. Call inside a transaction.
 */
@Injectable()
export class OrganisationRemoval {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly contacts: ContactRepository,
    private readonly network: NetworkRepository,
    private readonly trajectories: TrajectoryRepository,
    private readonly stories: StoryRepository,
    private readonly audit: AuditService,
  ) {}

  async remove(
    principal: Principal,
    organisation: { id: string; regionId: string },
    entity: CrmAuditEntity,
    before: object,
  ): Promise<void> {
    const contacts = await this.contacts.allFor([organisation.id]);
    const links = await this.network.allTouching(organisation.id);
    const trajectories = await this.trajectories.ofEmployer(organisation.id);
    const stories = await this.stories.ofEmployer(organisation.id);
    await this.organisations.delete(organisation.id);
    const gone = (entityName: string, entityId: string, record: object) =>
      this.audit.record({
        by: principal.id,
        action: 'delete',
        entity: entityName,
        entityId,
        regionId: organisation.regionId,
        before: record,
        after: null,
      });
    for (const contact of contacts) await gone(CrmAuditEntity.Contact, contact.id, toContactResponse(contact));
    for (const link of links) await gone(CrmAuditEntity.NetworkLink, link.id, toNetworkLinkRecord(link));
    for (const trajectory of trajectories) {
      await gone(TRAJECTORY_AUDIT_ENTITY, trajectory.id, toTrajectoryResponse(trajectory));
    }
    // As the story service audits a story: without `usable`, which depends on the day it is read.
    for (const story of stories) {
      const record = { ...story, createdAt: story.createdAt.toISOString(), updatedAt: story.updatedAt.toISOString() };
      await gone(STORY_AUDIT_ENTITY, story.id, record);
    }
    await gone(entity, organisation.id, before);
  }
}
