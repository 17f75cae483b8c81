import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/core';
import { ImportJobData, ImportJobName, importJobId } from './import.types';

/** Adds import jobs: the payload is the import's id only, the job id is derived from it. */
@Injectable()
export class ImportQueue {
  constructor(@InjectQueue(QueueName.Import) private readonly queue: Queue<ImportJobData>) {}

  async add(name: ImportJobName, importId: string): Promise<void> {
    await this.queue.add(name, { importId }, { jobId: importJobId(importId) });
  }
}
