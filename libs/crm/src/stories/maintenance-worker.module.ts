import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { MaintenanceProcessor, MaintenanceSchedule } from './maintenance.processor';
import { StoriesModule } from './stories.module';

/**
 * The `maintenance` queue (the daily ambassador sweep), for any process that runs workers (the api
 * with WORKERS=inline, or apps/worker): its processor and its job schedulers.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Maintenance }), StoriesModule],
  providers: [MaintenanceProcessor, MaintenanceSchedule],
})
export class MaintenanceWorkerModule {}
