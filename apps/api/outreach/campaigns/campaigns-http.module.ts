import { Module } from '@nestjs/common';
import { CampaignsModule, EnrolmentsModule, LaunchModule } from '@app/outreach';
import { CampaignLaunchController } from './campaign-launch.controller';
import { CampaignsController } from './campaigns.controller';

/** `/api/campaigns`: definitions, state actions, launch, preview and enrolments. */
@Module({
  imports: [CampaignsModule, LaunchModule, EnrolmentsModule],
  controllers: [CampaignsController, CampaignLaunchController],
})
export class CampaignsHttpModule {}
