import type { NestExpressApplication } from '@nestjs/platform-express';
import { SessionTokenService } from '@app/auth';
import { APP_LOGGER } from '@app/core';
import type { AppConfig, AppLogger } from '@app/core';
import { requestLogging } from '../logging/request-logging';
import { httpMetrics } from '../metrics/http-metrics';
import { metricsEndpoint } from '../metrics/metrics-endpoint';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { adminGate } from './admin-gate';
import { DASHBOARD_PATH, queueDashboard } from './queue-dashboard';
import { QueueHandles } from './queue-handles';

/**
 * The operations layer, installed first so it sees every request: a request id and one JSON log line
 * per request, HTTP timings (with METRICS_TOKEN), `GET /metrics`, and the queue dashboard at
 * /admin/queues behind its session cookie. These paths do their own authentication.
 */
export function installOperations(app: NestExpressApplication, config: AppConfig): void {
  app.use(requestLogging(app.get<AppLogger>(APP_LOGGER)));
  const metrics = app.get(MetricsRegistry);
  if (metrics.enabled) app.use(httpMetrics(metrics));
  app.use('/metrics', metricsEndpoint(metrics, config.metricsToken));
  app.use('/admin', adminGate(app.get(SessionTokenService), config.publicUrl));
  app.use(DASHBOARD_PATH, queueDashboard(app.get(QueueHandles)));
}
