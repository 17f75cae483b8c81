import type { SeedOrganisation } from './demo-dataset';
import type { DemoTrajectory } from './demo-history.types';
import { DEMO_NETWORK_LINKS } from './demo-partners';

/**
 * One trajectory of an employer: via its SW-bedrijf (`sw`) or direct, started `day` days ago, the
 * employer's `count`-th. `variant` varies the outcome (stopped, certified) between trajectories.
 */
export function trajectoryFor(
  employer: SeedOrganisation,
  kind: { sw: boolean; forOwnEmployee: boolean },
  day: number,
  count: number,
  variant: number,
): DemoTrajectory {
  const { sw } = kind;
  const index = variant;
  const link = DEMO_NETWORK_LINKS.find(([, name]) => name === employer.name);
  const host = sw ? (link?.[0] ?? (employer.region === 'main' ? 'Amstel Werkbedrijf' : 'Zaans Werkbedrijf')) : null;
  const stopped = sw && index % 4 === 1;
  const certifiedAfter = 200 + ((index * 11) % 80);
  const certified = !stopped && day > certifiedAfter + 10;
  const status = stopped ? 'stopped' : certified ? 'certified' : progressAfter(day);
  return {
    route: sw ? (link?.[2] === 'detachering' || index % 3 === 0 ? 'sw_secondment' : 'sw_internal') : 'direct',
    startedDaysAgo: day,
    forOwnEmployee: kind.forOwnEmployee,
    host,
    crebo: creboFor(employer.tags),
    werkprocessen: ['B1-K1-W1', 'B1-K1-W2', count % 2 === 0 ? 'B1-K2-W1' : 'B1-K1-W3'],
    candidateRef: `KND-${employer.kvkNumber!.slice(-4)}-${String.fromCharCode(65 + count)}`,
    status,
    praktijkverklaringDaysAgo: certified ? day - certifiedAfter : null,
    stoppedDaysAgo: stopped ? day - 45 : null,
    outcome: certified ? OUTCOMES[(index + count) % OUTCOMES.length] : stopped ? 'unknown' : null,
  };
}

/** How far an unfinished trajectory got, by how long ago it started. */
function progressAfter(days: number): DemoTrajectory['status'] {
  if (days < 14) return 'intake';
  if (days < 40) return 'agreed';
  if (days < 160) return 'learning';
  return 'assessment';
}

const OUTCOMES: DemoTrajectory['outcome'][] = [
  'employed_at_host',
  'employed_at_host',
  'employed_at_sw',
  'further_education',
];

/** The ROC's crebo for the employer's trade (demo-partners: logistiek, zorg, horeca), else a generic one. */
function creboFor(tags: string[]): string {
  if (tags.includes('zorg')) return '25491';
  if (tags.includes('horeca')) return '25180';
  if (tags.includes('logistiek')) return '25445';
  return '25257';
}
