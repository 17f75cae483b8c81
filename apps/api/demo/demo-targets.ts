import { DemoRegionKey } from './demo-places';

export interface DemoTarget {
  region: DemoRegionKey;
  period: string;
  metric: string;
  value: number;
}

/** Yearly targets per region (the second region is smaller); the next year asks a quarter more. */
const YEARLY: Record<DemoRegionKey, Record<string, number>> = {
  main: {
    employers_contacted: 48,
    employers_sw_pilot: 12,
    employers_own_trajectory: 8,
    employers_structural: 4,
    trajectories_started: 30,
    certificates: 18,
  },
  second: {
    employers_contacted: 16,
    employers_sw_pilot: 4,
    employers_own_trajectory: 2,
    employers_structural: 1,
    trajectories_started: 8,
    certificates: 5,
  },
};

/** Quarterly targets in the main region for the two metrics coordinators follow closest. */
const QUARTERLY_METRICS = ['trajectories_started', 'certificates'];

/** Targets for the demo's current year (`year`) and the next, per region. */
export function buildDemoTargets(year: number): DemoTarget[] {
  const targets: DemoTarget[] = [];
  for (const region of Object.keys(YEARLY) as DemoRegionKey[]) {
    for (const [metric, value] of Object.entries(YEARLY[region])) {
      targets.push({ region, period: String(year), metric, value });
      targets.push({ region, period: String(year + 1), metric, value: Math.round(value * 1.25) });
      if (region === 'main' && QUARTERLY_METRICS.includes(metric)) {
        for (const quarter of [1, 2, 3, 4]) {
          targets.push({ region, period: `${year}-Q${quarter}`, metric, value: Math.ceil(value / 4) });
        }
      }
    }
  }
  return targets;
}
