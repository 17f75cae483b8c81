import type { Queue } from 'bullmq';
import { MaintenanceJobs } from '@app/crm';
import { RETENTION_JOB, RetentionSchedule } from './retention.schedule';
import type { RetentionService } from './retention.service';

describe('RetentionSchedule', () => {
  it('should register the retention job when it is constructed, before any init hook lets a worker start', async () => {
    const jobs = new MaintenanceJobs();
    const retention = { run: () => Promise.resolve('ran') } as unknown as RetentionService;

    new RetentionSchedule({} as Queue, jobs, retention);

    expect(await jobs.find(RETENTION_JOB)?.()).toBe('ran');
  });
});
