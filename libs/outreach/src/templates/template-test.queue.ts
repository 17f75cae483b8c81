import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/core';
import { TemplateTestJobData, TemplateTestJobName } from './template-test.types';

/** Adds test-send jobs; each request is one job (its id is made once, so a retry never doubles it). */
@Injectable()
export class TemplateTestQueue {
  constructor(@InjectQueue(QueueName.TemplateTest) private readonly queue: Queue<TemplateTestJobData>) {}

  async add(data: TemplateTestJobData): Promise<void> {
    await this.queue.add(TemplateTestJobName.Send, data, { jobId: `template-test-${randomUUID()}`, attempts: 3 });
  }
}
