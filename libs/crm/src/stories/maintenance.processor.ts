import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { QueueName } from '@app/core';
import { TaskDigestService } from '../digest/task-digest.service';
import { TASK_DIGEST_JOB } from '../digest/task-digest.schedule';
import { AmbassadorSweep } from './ambassador-sweep.service';
import { MaintenanceJobs } from './maintenance-jobs';

/** The jobs of the `maintenance` queue, each run by a job scheduler of the same id. */
export const MaintenanceJob = {
  AmbassadorSweep: 'ambassador-sweep',
  TaskDigest: TASK_DIGEST_JOB,
} as const;

/** Daily at 03:00 Amsterdam time: the first run on the day a consent date arrives. */
export const AMBASSADOR_SWEEP_SCHEDULE = { pattern: '0 3 * * *', tz: 'Europe/Amsterdam' } as const;

/** The `maintenance` queue's one worker; it tells the jobs apart by name. */
@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly ambassadors: AmbassadorSweep,
    private readonly digest: TaskDigestService,
    private readonly registered: MaintenanceJobs,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case MaintenanceJob.AmbassadorSweep:
        return this.ambassadors.run();
      case MaintenanceJob.TaskDigest:
        return this.digest.run();
      default: {
        // Jobs of other libs (e.g. the AVG retention run of outreach), registered at start-up.
        const registered = this.registered.find(job.name);
        if (registered) return registered();
        throw new UnrecoverableError(`Unknown maintenance job "${job.name}"`);
      }
    }
  }
}

/** Registers the schedules at start; `upsertJobScheduler` keeps one per id however often it runs. */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(MaintenanceJob.AmbassadorSweep, AMBASSADOR_SWEEP_SCHEDULE, {
      name: MaintenanceJob.AmbassadorSweep,
      data: {},
    });
  }
}
