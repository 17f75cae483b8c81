import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { CampaignLaunchService } from './campaign-launch.service';
import { LaunchPreviewRepository } from './launch-preview.repository';
import { LaunchPreviewService } from './launch-preview.service';
import { LaunchQueue } from './launch-queue';
import { LaunchStarter } from './launch-starter';
import { LaunchRepository } from './launch.repository';

/** `POST /launch` and `GET /preview` of a campaign: checks, the move to scheduled or launching, the job. */
@Module({
  imports: [CampaignsModule, BullModule.registerQueue({ name: QueueName.CampaignLaunch })],
  providers: [
    CampaignLaunchService,
    LaunchPreviewService,
    LaunchPreviewRepository,
    LaunchRepository,
    LaunchStarter,
    LaunchQueue,
  ],
  exports: [CampaignLaunchService, LaunchPreviewService, LaunchRepository, LaunchStarter, LaunchQueue, CampaignsModule],
})
export class LaunchModule {}
