import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { APP_CONFIG, QueueName, redisConnectionOptions } from '@app/core';
import type { AppConfig } from '@app/core';
import { MetricsRegistry } from './metrics.registry';

// Jobs seen starting whose end is not yet seen; bounded so lost events cannot grow it without end.
const MAX_TRACKED = 10_000;

/** The millisecond timestamp in a Redis stream id (`1732800000000-0`). */
const streamTime = (id: string) => Number(id.split('-')[0]);

/**
 * Job durations and outcomes from BullMQ's event streams (QueueEvents), so the processors hold no
 * metric code and the figures cover every worker process, wherever it runs. A duration is the time
 * between the `active` and the `completed`/`failed` event, both stamped by Redis.
 */
@Injectable()
export class JobEventsListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobEventsListener.name);
  private readonly listeners: QueueEvents[] = [];

  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    for (const queue of Object.values(QueueName)) this.listen(queue);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.listeners.map((listener) => listener.close()));
  }

  private listen(queue: string): void {
    const events = new QueueEvents(queue, {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
    });
    events.on('error', (error) => this.logger.warn(`Queue events of ${queue}: ${error.message}`));
    const started = new Map<string, number>();
    events.on('active', ({ jobId }, id) => {
      if (started.size >= MAX_TRACKED) started.delete(started.keys().next().value!);
      started.set(jobId, streamTime(id));
    });
    const finish = (jobId: string, id: string, outcome: 'completed' | 'failed') => {
      const start = started.get(jobId);
      started.delete(jobId);
      if (start !== undefined) this.metrics.jobDuration.observe({ queue, outcome }, (streamTime(id) - start) / 1000);
      (outcome === 'completed' ? this.metrics.jobsCompleted : this.metrics.jobsFailed).inc({ queue });
    };
    events.on('completed', ({ jobId }, id) => finish(jobId, id, 'completed'));
    events.on('failed', ({ jobId }, id) => finish(jobId, id, 'failed'));
    this.listeners.push(events);
  }
}
