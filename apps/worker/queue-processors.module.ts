import { Module } from '@nestjs/common';
import { ImportWorkerModule, StoriesModule } from '@app/crm';

/**
 * Every queue processor and scheduler, in one list: the worker app hosts them, and so does the api
 * when WORKERS=inline (the one-process start). Domain-event listeners that jobs can trigger live here
 * too (StoriesModule: a trajectory import that makes an employer structural may make it an ambassador).
 */
@Module({
  imports: [ImportWorkerModule, StoriesModule],
})
export class QueueProcessorsModule {}
