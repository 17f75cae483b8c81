import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { TaskDigestModule } from '../digest/task-digest.module';
import { MaintenanceJobs } from './maintenance-jobs';
import { MaintenanceProcessor, MaintenanceSchedule } from './maintenance.processor';
import { StoriesModule } from './stories.module';

/**
 * The `maintenance` queue (the daily ambassador sweep and the 07:00 task digest, whose module
 * registers its own job scheduler), for any process that runs workers (the api
 * with WORKERS=inline, or apps/worker): its processor and its job schedulers.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Maintenance }), StoriesModule, TaskDigestModule],
  providers: [MaintenanceProcessor, MaintenanceSchedule, MaintenanceJobs],
  exports: [MaintenanceJobs],
})
export class MaintenanceWorkerModule {}
