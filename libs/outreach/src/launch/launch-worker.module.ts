import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { SegmentsModule } from '../segments/segments.module';
import { CampaignLaunchProcessor } from './campaign-launch.processor';
import { LaunchBatchRepository } from './launch-batch.repository';
import { LaunchEnrolment } from './launch-enrolment.service';
import { LaunchRecovery } from './launch-recovery';
import { LaunchModule } from './launch.module';

/**
 * The `campaign-launch` processor and the recovery of pending launches, for any process that runs
 * workers (WORKERS=inline or apps/worker). Also brings the stage-change exits (EnrolmentsModule) there.
 */
@Module({
  imports: [LaunchModule, SegmentsModule, EnrolmentsModule],
  providers: [CampaignLaunchProcessor, LaunchBatchRepository, LaunchEnrolment, LaunchRecovery],
  exports: [LaunchEnrolment],
})
export class LaunchWorkerModule {}
