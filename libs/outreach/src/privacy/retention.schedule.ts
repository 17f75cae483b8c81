import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/core';
import { ExternalMaintenanceJob, MaintenanceJobs } from '@app/crm';
import { RetentionService } from './retention.service';

/** The job (and job scheduler id) of the retention run on the `maintenance` queue. */
export const RETENTION_JOB = ExternalMaintenanceJob.Retention;

/** Nightly at 02:30 Amsterdam time, before the 03:00 sweep and the 07:00 digest. */
export const RETENTION_SCHEDULE = { pattern: '30 2 * * *', tz: 'Europe/Amsterdam' } as const;

/** Hands `retention` jobs to the service and registers the job scheduler at every start. */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    jobs: MaintenanceJobs,
    retention: RetentionService,
  ) {
    // In the constructor, not onModuleInit: the maintenance worker may start (and take a waiting
    // retention job) during the init hooks, and an unregistered name fails the job for good.
    jobs.register(RETENTION_JOB, () => retention.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(RETENTION_JOB, RETENTION_SCHEDULE, {
      name: RETENTION_JOB,
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    });
  }
}
