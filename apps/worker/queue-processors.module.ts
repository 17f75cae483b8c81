import { Module } from '@nestjs/common';
import { ImportWorkerModule } from '@app/crm';

/**
 * Every queue processor and scheduler, in one list: the worker app hosts them, and so does the api
 * when WORKERS=inline (the one-process start).
 */
@Module({
  imports: [ImportWorkerModule],
})
export class QueueProcessorsModule {}
