import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { redisConnectionOptions } from '../redis/redis-connection';
import { DEFAULT_JOB_OPTIONS } from './queue-name';

/** BullMQ wired to REDIS_URL with the configured key prefix. */
@Module({})
export class QueueModule {
  static forRoot(options: { redisUrl: string; prefix: string }): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRoot({
          connection: redisConnectionOptions(options.redisUrl),
          prefix: options.prefix,
          defaultJobOptions: DEFAULT_JOB_OPTIONS,
        }),
      ],
      exports: [BullModule],
    };
  }
}
