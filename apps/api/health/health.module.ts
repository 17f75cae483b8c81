import { Module } from '@nestjs/common';
import { DatabasePingRepository } from './database-ping.repository';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

/** `/api/health`, `/api/health/live` and `/api/health/ready`: public, no I/O beyond the checks. */
@Module({ controllers: [HealthController], providers: [DatabasePingRepository, ReadinessService] })
export class HealthModule {}
