import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { MaintenanceWorkerModule } from '@app/crm';
import { PrivacyModule } from './privacy.module';
import { RetentionSchedule } from './retention.schedule';

/**
 * The nightly retention run on the `maintenance` queue, for any process that runs workers: the
 * queue's one processor (`MaintenanceProcessor`, crm) runs it through `MaintenanceJobs`.
 */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Maintenance }), MaintenanceWorkerModule, PrivacyModule],
  providers: [RetentionSchedule],
})
export class RetentionWorkerModule {}
