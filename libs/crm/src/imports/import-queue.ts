import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { addUnlessPending, QueueName } from '@app/core';
import { ImportJobData, ImportJobName, importJobId } from './import.types';

/** Adds import jobs: the payload is the import's id only, the job id is derived from it. */
@Injectable()
export class ImportQueue {
  constructor(@InjectQueue(QueueName.Import) private readonly queue: Queue<ImportJobData>) {}

  /**
   * Queues the import's job. A waiting or running job of the import is left alone (the deterministic
   * id makes the add a no-op). A completed or failed one still kept in Redis would do the same and
   * leave a re-queued import `queued` for ever, so it is removed first: the import's own state, not
   * the old job, says whether work is left (the worker skips a finished import).
   */
  async add(name: ImportJobName, importId: string): Promise<void> {
    await addUnlessPending(this.queue, name, { importId }, { jobId: importJobId(importId) });
  }
}
