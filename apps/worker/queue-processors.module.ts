import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkerProgressRecorder } from '@app/core';
import { ImportWorkerModule, MaintenanceWorkerModule } from '@app/crm';
import {
  DeliveryWorkerModule,
  InboundModule,
  LaunchWorkerModule,
  RetentionWorkerModule,
  TemplateWorkerModule,
} from '@app/outreach';

/**
 * Every queue processor and scheduler, in one list: the worker app hosts them, and so does the api
 * when WORKERS=inline (the one-process start). Domain-event listeners that jobs can trigger live here
 * too.
 */
@Module({
  imports: [
    DiscoveryModule,
    ImportWorkerModule,
    MaintenanceWorkerModule,
    TemplateWorkerModule,
    LaunchWorkerModule,
    DeliveryWorkerModule,
    InboundModule,
    RetentionWorkerModule,
  ],
  // Every job that starts or ends refreshes its queue's progress key (readiness, `/api/health/ready`).
  providers: [WorkerProgressRecorder],
})
export class QueueProcessorsModule {}
