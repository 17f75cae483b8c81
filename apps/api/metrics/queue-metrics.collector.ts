import { Injectable, OnModuleInit } from '@nestjs/common';
import type { JobType } from 'bullmq';
import { Gauge } from 'prom-client';
import { QueueHandles } from '../admin/queue-handles';
import { Clock } from '@app/core';
import { LEDGER_STATUSES, LedgerMetricsRepository } from '@app/outreach';
import { cachedFor } from './cached-for';
import { MetricsRegistry } from './metrics.registry';

const JOB_STATES: JobType[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'failed',
  'completed',
];
// The ledger count reads the whole table; Prometheus scrapes every 15-30 s per replica.
export const LEDGER_FIGURES_TTL_MS = 30_000;

/**
 * Figures read at scrape time from Redis and PostgreSQL. They are the same whichever api replica is
 * scraped (aggregate them with max, not sum): queue depths per queue and state, and the send
 * ledger's messages by status plus those ever handed to the mail server (cached LEDGER_FIGURES_TTL_MS).
 */
@Injectable()
export class ScrapeTimeCollector implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly handles: QueueHandles,
    private readonly ledger: LedgerMetricsRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    const { handles, ledger } = this;
    new Gauge({
      name: 'vliegwiel_queue_jobs',
      help: 'Jobs in each queue by state (completed and failed: the history BullMQ keeps)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        const counts = await Promise.all(handles.queues.map((queue) => queue.getJobCounts(...JOB_STATES)));
        handles.queues.forEach((queue, index) => {
          for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[index][state] ?? 0);
        });
      },
    });
    // One query per LEDGER_FIGURES_TTL_MS feeds both ledger metrics, on every replica.
    const figures = cachedFor(() => ledger.figures(), LEDGER_FIGURES_TTL_MS, this.clock);
    new Gauge({
      name: 'vliegwiel_messages',
      help: 'Campaign messages in the send ledger by status',
      labelNames: ['status'] as const,
      registers: [this.metrics.registry],
      async collect() {
        const { byStatus } = await figures();
        for (const status of LEDGER_STATUSES) this.set({ status }, byStatus[status] ?? 0);
      },
    });
    new Gauge({
      name: 'vliegwiel_messages_sent',
      help: 'Campaign messages ever handed to the mail server (also those that bounced later)',
      registers: [this.metrics.registry],
      async collect() {
        this.set((await figures()).sent);
      },
    });
  }
}
