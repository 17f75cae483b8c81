import { readFileSync } from 'node:fs';

/** What the soak's memory watch saw, in MB. */
export interface MemorySeen {
  /** The api's smallest heap in use in each whole minute of the watch, minute 0 first. */
  apiHeapFloors: number[];
  apiPeakRss: number;
  workerPeakRss: number;
}

/** A process's resident set now, in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024);
}

const MB = 1024 * 1024;
// A minute counts when at least half its samples came in (the last one is usually cut short).
const MIN_SAMPLES_PER_MINUTE = 30;

/**
 * Samples, once a second, the api's heap in use (prom-client's `nodejs_heap_size_used_bytes` on `GET /metrics`)
 * and both processes' RSS. The heap in use drops to about what is still live after every collection, so its
 * floor per minute follows the live set: a floor that keeps rising is a leak, where RSS also moves with how far
 * V8 lets the heap grow before it collects.
 */
export function watchMemory(options: { metricsUrl: string; metricsToken: string; apiPid: number; workerPid: number }): {
  stop(): Promise<MemorySeen>;
} {
  const started = Date.now();
  const heapByMinute: number[][] = [];
  let apiPeakRss = 0;
  let workerPeakRss = 0;
  let stopped = false;
  const sampleOnce = async () => {
    apiPeakRss = Math.max(apiPeakRss, rssMb(options.apiPid));
    workerPeakRss = Math.max(workerPeakRss, rssMb(options.workerPid));
    const response = await fetch(options.metricsUrl, { headers: { authorization: `Bearer ${options.metricsToken}` } });
    const text = await response.text();
    const used = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1];
    if (response.status !== 200 || used === undefined)
      throw new Error(`GET /metrics ${response.status}: no heap figure`);
    const minute = Math.floor((Date.now() - started) / 60_000);
    (heapByMinute[minute] ??= []).push(Number(used) / MB);
  };
  const loop = (async () => {
    while (!stopped) {
      await sampleOnce();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  // Handled here so an early failure is not an unhandled rejection; stop() still rethrows it.
  loop.catch(() => undefined);
  return {
    async stop() {
      stopped = true;
      await loop;
      const whole = heapByMinute.filter((samples) => samples && samples.length >= MIN_SAMPLES_PER_MINUTE);
      return {
        apiHeapFloors: whole.map((samples) => Math.round(Math.min(...samples) * 10) / 10),
        apiPeakRss,
        workerPeakRss,
      };
    },
  };
}
