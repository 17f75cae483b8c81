import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { isUuid, QueueName } from '@app/core';
import { InboundService } from './inbound.service';
import { InboundJobData } from './inbound.types';

/** The `inbound` queue: one received message per job (payload: its id). */
@Processor(QueueName.Inbound)
export class InboundProcessor extends WorkerHost {
  private readonly logger = new Logger('InboundProcessor');

  constructor(private readonly inbound: InboundService) {
    super();
  }

  async process(job: Job<InboundJobData>): Promise<string> {
    if (!isUuid(job.data?.inboundId)) throw new UnrecoverableError(`Job ${job.id} has a malformed payload`);
    return this.inbound.process(job.data.inboundId);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<InboundJobData> | undefined, error: Error): void {
    this.logger.warn(`Inbound job ${job?.id ?? '?'} failed: ${error.message}`);
  }
}
