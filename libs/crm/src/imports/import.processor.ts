import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { isUuid, QueueName } from '@app/core';
import { EmployerImportService } from './employer-import.service';
import { ImportFileError } from './import-file.error';
import { ImportJobData, ImportJobName } from './import.types';
import { TrajectoryImportService } from './trajectory-import.service';

/** The `import` queue: one job per uploaded file, named after the import's kind. */
@Processor(QueueName.Import)
export class ImportProcessor extends WorkerHost {
  private readonly logger = new Logger('ImportProcessor');

  constructor(
    private readonly employers: EmployerImportService,
    private readonly trajectories: TrajectoryImportService,
  ) {
    super();
  }

  async process(job: Job<ImportJobData>): Promise<string> {
    const { importId } = job.data;
    if (!isUuid(importId)) throw new UnrecoverableError(`Job ${job.id} has no valid importId`);
    switch (job.name) {
      case ImportJobName.Employers:
      case ImportJobName.Trajectories:
        try {
          const runner = job.name === ImportJobName.Employers ? this.employers : this.trajectories;
          const outcome = await runner.run(importId);
          // Nothing to retry, but worth a line: an import deleted under its job, or a job queued by hand.
          if (outcome === 'missing') this.logger.warn(`Job ${job.id}: import ${importId} does not exist; nothing done`);
          return outcome;
        } catch (error) {
          // The file itself is the problem: another attempt would fail the same way.
          if (error instanceof ImportFileError) throw new UnrecoverableError(error.message);
          throw error;
        }
      default:
        throw new UnrecoverableError(`Unknown import job "${job.name}"`);
    }
  }

  /** Once no attempt is left, the import is failed too, so nobody polls a "running" import forever. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ImportJobData> | undefined, error: Error): Promise<void> {
    if (job === undefined || !isUuid(job.data?.importId)) return;
    const unrecoverable = error instanceof UnrecoverableError || error?.name === 'UnrecoverableError';
    const final = unrecoverable || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!final) return;
    try {
      await this.employers.fail(job.data.importId, `The import stopped: ${error.message}`);
    } catch (failure) {
      this.logger.error(`Could not mark import ${job.data.importId} failed`, (failure as Error).stack);
    }
  }
}
