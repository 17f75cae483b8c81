import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ExternalMaintenanceJob, MaintenanceJobs } from './maintenance-jobs';

describe('MaintenanceJobs', () => {
  it('should find a registered job by its name when another lib registered it', async () => {
    const jobs = new MaintenanceJobs();
    jobs.register('retention', () => Promise.resolve(7));

    expect(await jobs.find('retention')?.()).toBe(7);
    expect(jobs.find('unknown')).toBeUndefined();
  });

  it('should refuse a second job under the same name when two modules register it', () => {
    const jobs = new MaintenanceJobs();
    jobs.register('retention', () => Promise.resolve(1));

    expect(() => jobs.register('retention', () => Promise.resolve(2))).toThrow('registered twice');
  });

  it('should warn at start-up when a named job was not registered in the process', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      new MaintenanceJobs().onApplicationBootstrap();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(ExternalMaintenanceJob.Retention));
      warn.mockClear();

      const jobs = new MaintenanceJobs();
      jobs.register(ExternalMaintenanceJob.Retention, () => Promise.resolve(1));
      jobs.onApplicationBootstrap();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
