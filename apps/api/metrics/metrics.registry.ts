import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';

/**
 * This app's Prometheus registry (its own, not prom-client's global one, so two apps in one process
 * never clash). Empty and costless unless METRICS_TOKEN is set.
 */
@Injectable()
export class MetricsRegistry implements OnModuleInit {
  readonly registry = new Registry();
  readonly enabled: boolean;

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route template, method and status, with their duration',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });

  readonly jobDuration = new Histogram({
    name: 'vliegwiel_job_duration_seconds',
    help: 'Time from a job becoming active to completing or failing for good, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [],
  });

  readonly jobsFailed = new Counter({
    name: 'vliegwiel_jobs_failed_total',
    help: 'Jobs that failed after their last attempt, by queue',
    labelNames: ['queue'] as const,
    registers: [],
  });

  readonly jobsCompleted = new Counter({
    name: 'vliegwiel_jobs_completed_total',
    help: 'Jobs that completed, by queue',
    labelNames: ['queue'] as const,
    registers: [],
  });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.enabled = config.metricsToken !== undefined;
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    this.registry.registerMetric(this.httpDuration);
    this.registry.registerMetric(this.jobDuration);
    this.registry.registerMetric(this.jobsFailed);
    this.registry.registerMetric(this.jobsCompleted);
    collectDefaultMetrics({ register: this.registry });
  }
}
