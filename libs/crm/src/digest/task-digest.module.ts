import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { TaskDigestRepository } from './task-digest.repository';
import { TaskDigestSchedule } from './task-digest.schedule';
import { TaskDigestService } from './task-digest.service';

/**
 * The daily task digest: the service and its job scheduler on `maintenance`. The queue's one
 * processor (`MaintenanceProcessor`) hands `task-digest` jobs to `TaskDigestService.run()`.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Maintenance })],
  providers: [TaskDigestService, TaskDigestRepository, TaskDigestSchedule],
  exports: [TaskDigestService, TaskDigestSchedule],
})
export class TaskDigestModule {}
