import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { queueWorkers } from './queue-workers';

/** Written at most this often per queue and process: progress is a heartbeat, not a counter. */
const RECORD_EVERY_MS = 1000;

/**
 * The Redis key holding when a worker last started or finished a job of `queue` (ms since epoch).
 * Readiness compares it with the queue's waiting jobs: a BullMQ worker can stay "running" after a
 * Redis outage and take nothing, which only the absence of progress shows.
 */
export function workerProgressKey(prefix: string, queue: string): string {
  return `${prefix}:${queue}:vw-progress`;
}

/** Hooks every queue worker of the process, so each job that starts or ends refreshes its queue's key. */
@Injectable()
export class WorkerProgressRecorder implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const worker of queueWorkers(this.discovery)) this.watch(worker);
  }

  private watch(worker: Worker): void {
    const key = workerProgressKey(worker.opts.prefix ?? 'bull', worker.name);
    let last = 0;
    const record = () => {
      const now = Date.now();
      if (now - last < RECORD_EVERY_MS) return;
      last = now;
      // Best effort: a failed write only makes readiness more careful.
      void worker.backend.client.then((client) => client.set(key, String(now))).catch(() => undefined);
    };
    worker.on('active', record);
    worker.on('completed', record);
    worker.on('failed', record);
  }
}
