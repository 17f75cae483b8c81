import { Module } from '@nestjs/common';
import { LedgerMetricsRepository } from '@app/outreach';
import { QueueHandlesModule } from '../admin/queue-handles';
import { JobEventsListener } from './job-events.listener';
import { MetricsRegistry } from './metrics.registry';
import { ScrapeTimeCollector } from './queue-metrics.collector';

/** Prometheus metrics (GET /metrics, installed by installOperations); inert without METRICS_TOKEN. */
@Module({
  imports: [QueueHandlesModule],
  providers: [MetricsRegistry, LedgerMetricsRepository, ScrapeTimeCollector, JobEventsListener],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
