import { Module } from '@nestjs/common';
import { CrmModule } from '@app/crm';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { CampaignFiguresRepository } from './campaign-figures.repository';
import { CampaignReferences } from './campaign-references';
import { CampaignReferencesRepository } from './campaign-references.repository';
import { CampaignStateService } from './campaign-state.service';
import { CampaignViews } from './campaign-views';
import { CampaignRepository } from './campaign.repository';
import { CampaignService } from './campaign.service';

/** Campaign definitions and their state actions (pause, resume, cancel); launch and sending come later. */
@Module({
  imports: [CrmModule, EnrolmentsModule],
  providers: [
    CampaignService,
    CampaignStateService,
    CampaignRepository,
    CampaignReferences,
    CampaignReferencesRepository,
    CampaignFiguresRepository,
    CampaignViews,
  ],
  exports: [CampaignService, CampaignStateService, CampaignRepository, CampaignViews],
})
export class CampaignsModule {}
