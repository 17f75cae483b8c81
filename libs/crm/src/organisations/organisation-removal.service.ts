import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/core';
import { Principal } from '@app/auth';
import { toContactResponse } from '../contacts/contact.mapper';
import { ContactRepository } from '../contacts/contact.repository';
import { toNetworkLinkRecord } from '../network/network.mapper';
import { NetworkRepository } from '../network/network.repository';
import { CrmAuditEntity } from '../shared/crm-audit';
import { OrganisationRepository } from './organisation.repository';

/**
 * Deleting an organisation also deletes its contacts and network links (foreign keys cascade);
 * each of those is audited too, so the log shows everything that went. Call inside a transaction.
 */
@Injectable()
export class OrganisationRemoval {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly contacts: ContactRepository,
    private readonly network: NetworkRepository,
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
    await gone(entity, organisation.id, before);
  }
}
