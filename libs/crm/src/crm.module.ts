import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogRepository } from './audit-log/audit-log.repository';
import { AuditLogService } from './audit-log/audit-log.service';
import { ContactBasisHistoryEntity } from './contacts/contact-basis-history.entity';
import { ContactEntity } from './contacts/contact.entity';
import { ContactRepository } from './contacts/contact.repository';
import { ContactService } from './contacts/contact.service';
import { EmployerExportService } from './employers/employer-export.service';
import { EmployerRepository } from './employers/employer.repository';
import { EmployerService } from './employers/employer.service';
import { OwnerRepository } from './employers/owner.repository';
import { NetworkLinkEntity } from './network/network-link.entity';
import { NetworkRepository } from './network/network.repository';
import { NetworkService } from './network/network.service';
import { OrganisationRemoval } from './organisations/organisation-removal.service';
import { OrganisationEntity } from './organisations/organisation.entity';
import { OrganisationRepository } from './organisations/organisation.repository';
import { PartnerRepository } from './partners/partner.repository';
import { PartnerService } from './partners/partner.service';
import { RegionCheck } from './regions/region-check.service';
import { RegionRepository } from './regions/region.repository';
import { RegionService } from './regions/region.service';
import { SbiCatalogue } from './sbi/sbi-catalogue.service';
import { SbiRepository } from './sbi/sbi.repository';
import { StageRepository } from './stages/stage.repository';
import { StoryRepository } from './stories/story.repository';
import { TrajectoryRepository } from './trajectories/trajectory.repository';

const SERVICES = [
  AuditLogService,
  ContactService,
  EmployerExportService,
  EmployerService,
  NetworkService,
  PartnerService,
  RegionCheck,
  RegionService,
  SbiCatalogue,
];

/** Regions, SBI sections, employers, partner organisations, contacts, SW-bedrijf networks, audit reading. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrganisationEntity, ContactEntity, ContactBasisHistoryEntity, NetworkLinkEntity]),
  ],
  providers: [
    ...SERVICES,
    OrganisationRemoval,
    AuditLogRepository,
    ContactRepository,
    EmployerRepository,
    NetworkRepository,
    OrganisationRepository,
    OwnerRepository,
    PartnerRepository,
    RegionRepository,
    SbiRepository,
    StageRepository,
    // For OrganisationRemoval, which audits an employer's trajectories and stories when it is deleted.
    StoryRepository,
    TrajectoryRepository,
  ],
  exports: [
    ...SERVICES,
    ContactRepository,
    EmployerRepository,
    OrganisationRepository,
    RegionRepository,
    StageRepository,
  ],
})
export class CrmModule {}
