import { readFileSync } from 'node:fs';

/** The smallest old-space use seen in one minute of the watch (minute 0 is the first). */
export interface MinuteFloor {
  minute: number;
  floorMb: number;
}

/** What the soak's memory watch saw. */
export interface MemorySeen {
  apiOldSpaceFloors: MinuteFloor[];
  /** Scrapes of /metrics that failed or had no figure, and the last such failure. */
  failedScrapes: number;
  lastFailure?: string;
}

const MB = 1024 * 1024;
const INTERVAL_MS = 1_000;
// A minute counts when at least half its scrapes gave a figure (the last minute is usually cut short).
const MIN_SCRAPES_PER_MINUTE = 30;
const OLD_SPACE = /^nodejs_heap_space_size_used_bytes\{[^}]*space="old"[^}]*\} (\S+)$/m;

/** A process's figure from /proc/<pid>/status in MB (Linux), e.g. `VmRSS` now or `VmHWM`, its peak so far. */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  const kilobytes = /(\d+)/.exec(line ?? '')?.[1];
  // Never 0 for a missing figure: a limit checked against it would pass without measuring anything.
  if (kilobytes === undefined) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Math.round(Number(kilobytes) / 1024);
}

/**
 * Scrapes the api's old-space use (prom-client's `nodejs_heap_space_size_used_bytes{space="old"}` on
 * `GET /metrics`) once a second and keeps its floor per minute. The old space drops to about what is still
 * live after each full collection (several a minute under load), so a floor that keeps rising is a leak; the
 * young generation, RSS and the total heap also move with how far V8 lets them grow before it collects.
 * A failed scrape is counted and the watch goes on, so one slow answer does not cost the whole run.
 */
export function watchApiMemory(options: { metricsUrl: string; metricsToken: string }): {
  stop(): Promise<MemorySeen>;
} {
  const started = Date.now();
  const byMinute = new Map<number, number[]>();
  let failedScrapes = 0;
  let lastFailure: string | undefined;
  let stopped = false;
  const scrape = async () => {
    try {
      const response = await fetch(options.metricsUrl, {
        headers: { authorization: `Bearer ${options.metricsToken}` },
        signal: AbortSignal.timeout(5_000),
      });
      const text = await response.text();
      const used = OLD_SPACE.exec(text)?.[1];
      if (response.status !== 200 || used === undefined) {
        throw new Error(`GET /metrics ${response.status}, no old-space figure: ${text.slice(0, 200)}`);
      }
      const minute = Math.floor((Date.now() - started) / 60_000);
      const figures = byMinute.get(minute) ?? [];
      figures.push(Number(used) / MB);
      byMinute.set(minute, figures);
    } catch (error) {
      failedScrapes++;
      lastFailure = String(error);
    }
  };
  const loop = (async () => {
    for (let tick = 1; !stopped; tick++) {
      await scrape();
      // On a fixed schedule, so slow scrapes do not thin out a minute.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + tick * INTERVAL_MS - Date.now())));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const apiOldSpaceFloors = [...byMinute]
        .filter(([, figures]) => figures.length >= MIN_SCRAPES_PER_MINUTE)
        .map(([minute, figures]) => ({ minute, floorMb: Math.round(Math.min(...figures) * 10) / 10 }));
      return { apiOldSpaceFloors, failedScrapes, lastFailure };
    },
  };
}

/**
 * How far the floor rose from the start of the run to its end, after minute 0 (the warm-up: compiled code,
 * caches, pools filling): the lowest floor of the last third of the minutes against the lowest of the first
 * third, so one minute without a full collection does not decide it; `minutes` is how far apart the two
 * thirds start (fixed for a run's length, wherever in them the lowest floors fall). Undefined with fewer than
 * two minutes after the warm-up.
 */
export function oldSpaceRise(floors: MinuteFloor[]): { riseMb: number; minutes: number } | undefined {
  const after = floors.filter((floor) => floor.minute >= 1);
  if (after.length < 2) return undefined;
  const third = Math.max(1, Math.floor(after.length / 3));
  const lowest = (part: MinuteFloor[]) => part.reduce((low, floor) => (floor.floorMb < low.floorMb ? floor : low));
  const [earlyThird, lateThird] = [after.slice(0, third), after.slice(-third)];
  const riseMb = lowest(lateThird).floorMb - lowest(earlyThird).floorMb;
  return { riseMb: Math.round(riseMb * 10) / 10, minutes: lateThird[0].minute - earlyThird[0].minute };
}
