import { Module } from '@nestjs/common';
import { ImportWorkerModule, MaintenanceWorkerModule } from '@app/crm';
import { DeliveryWorkerModule, InboundModule, LaunchWorkerModule, TemplateWorkerModule } from '@app/outreach';

/**
 * Every queue processor and scheduler, in one list: the worker app hosts them, and so does the api
 * when WORKERS=inline (the one-process start). Domain-event listeners that jobs can trigger live here
 * too.
 */
@Module({
  imports: [
    ImportWorkerModule,
    MaintenanceWorkerModule,
    TemplateWorkerModule,
    LaunchWorkerModule,
    DeliveryWorkerModule,
    InboundModule,
  ],
})
export class QueueProcessorsModule {}
