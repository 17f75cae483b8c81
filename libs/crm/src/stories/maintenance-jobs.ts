import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * The `maintenance` jobs that other libs run (crm never imports them). Named here, so a typo in a
 * registration is a compile error and a job that nobody registered is reported at start-up.
 */
export const ExternalMaintenanceJob = {
  /** The AVG retention run (outreach, `RetentionSchedule`). */
  Retention: 'retention',
} as const;
export type ExternalMaintenanceJobName = (typeof ExternalMaintenanceJob)[keyof typeof ExternalMaintenanceJob];

/**
 * The registration point for `maintenance` jobs of other libs: a provider of a module that imports
 * `MaintenanceWorkerModule` registers its job in its constructor (before any worker starts), e.g.
 *
 *   constructor(jobs: MaintenanceJobs, retention: RetentionService) {
 *     jobs.register(ExternalMaintenanceJob.Retention, () => retention.run());
 *   }
 *
 * The queue's one processor runs a registered job by its name.
 */
@Injectable()
export class MaintenanceJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger('MaintenanceJobs');
  private readonly jobs = new Map<ExternalMaintenanceJobName, () => Promise<unknown>>();

  register(name: ExternalMaintenanceJobName, run: () => Promise<unknown>): void {
    if (this.jobs.has(name)) throw new Error(`Maintenance job "${name}" is registered twice`);
    this.jobs.set(name, run);
  }

  find(name: string): (() => Promise<unknown>) | undefined {
    return this.jobs.get(name as ExternalMaintenanceJobName);
  }

  /** A process may run the maintenance worker without every lib; a waiting job of a missing one would fail. */
  onApplicationBootstrap(): void {
    const missing = Object.values(ExternalMaintenanceJob).filter((name) => !this.jobs.has(name));
    if (missing.length > 0) {
      this.logger.warn(`Maintenance jobs not registered in this process (their jobs fail): ${missing.join(', ')}`);
    }
  }
}
