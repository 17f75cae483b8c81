import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ClockModule } from '../clock/clock.module';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { DomainEventsModule } from '../events/domain-events.module';
import { LoggingModule } from '../logging/logging.module';
import { MailModule } from '../mail/mail.module';
import { QueueModule } from '../queue/queue.module';

/**
 * What both processes (api and worker) stand on: the validated config, PostgreSQL, BullMQ on Redis,
 * the clock and the audit log. `databaseUrl` is DATABASE_URL or the embedded server's address.
 */
@Module({})
export class CoreInfrastructureModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreInfrastructureModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        QueueModule.forRoot({ redisUrl: config.redisUrl, prefix: config.queuePrefix }),
        ClockModule,
        AuditModule,
        DomainEventsModule,
        MailModule,
        LoggingModule,
      ],
    };
  }
}
