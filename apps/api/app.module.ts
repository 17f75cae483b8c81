import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, AuditModule, ConfigModule, DatabaseModule, QueueModule } from '@app/core';
import { HealthController } from './health/health.controller';

export interface AppModuleOptions {
  config: AppConfig;
  /** The resolved database: DATABASE_URL or the embedded server's address. */
  databaseUrl: string;
}

/** The HTTP app: wires the libs together; with WORKERS=inline it also hosts the queue processors. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        QueueModule.forRoot({ redisUrl: config.redisUrl, prefix: config.queuePrefix }),
        AuditModule,
      ],
      controllers: [HealthController],
    };
  }
}
