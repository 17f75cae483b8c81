import { Module } from '@nestjs/common';
import { CampaignsModule } from '@app/outreach';
import { CampaignsController } from './campaigns.controller';

/** `/api/campaigns`. */
@Module({
  imports: [CampaignsModule],
  controllers: [CampaignsController],
})
export class CampaignsHttpModule {}
