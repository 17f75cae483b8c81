import { Module } from '@nestjs/common';
import { CrmModule } from '@app/crm';
import { AuditController } from '../audit/audit.controller';
import { ContactsController } from '../contacts/contacts.controller';
import { EmployersController } from '../employers/employers.controller';
import { RegionsController } from '../regions/regions.controller';
import { SbiSectionsController } from '../sbi-sections/sbi-sections.controller';
import { OrganisationsController } from './organisations.controller';

/** The CRM endpoints: reference data, employers (and export), partner organisations, contacts, networks, audit. */
@Module({
  imports: [CrmModule],
  controllers: [
    RegionsController,
    SbiSectionsController,
    EmployersController,
    OrganisationsController,
    ContactsController,
    AuditController,
  ],
})
export class CrmHttpModule {}
