import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreInfrastructureModule } from '@app/core';
import { QueueProcessorsModule } from './queue-processors.module';

/** The queue process: config, database, queues, audit and the processors — no HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreInfrastructureModule.forRoot(config, databaseUrl), QueueProcessorsModule],
    };
  }
}
