import { ContactBasisHistoryEntity } from './contacts/contact-basis-history.entity';
import { ContactEntity } from './contacts/contact.entity';
import { NetworkLinkEntity } from './network/network-link.entity';
import { OrganisationEntity } from './organisations/organisation.entity';

/** Every TypeORM entity of this lib, for the migration CLI's DataSource (apps/api/data-source.ts). */
export const CRM_ENTITIES = [OrganisationEntity, ContactEntity, ContactBasisHistoryEntity, NetworkLinkEntity];
