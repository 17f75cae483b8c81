import type { INestApplicationContext } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Worker } from 'bullmq';

/** The BullMQ workers this Nest context runs (none in an api with WORKERS=off). */
export function queueWorkers(discovery: DiscoveryService): Worker[] {
  return discovery
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
    .map((host) => (host as unknown as { _worker?: Worker })._worker)
    .filter((worker): worker is Worker => worker !== undefined);
}

/** Same, from an application context; an empty list when nothing registered the discovery service. */
export function workersOf(app: INestApplicationContext): Worker[] {
  try {
    return queueWorkers(app.get(DiscoveryService, { strict: false }));
  } catch {
    return [];
  }
}
