import type { TargetMetric } from './report-types';

/**
 * Dutch text for report figures. Shares are 0..1 from the api; a share of null means something
 * different per report (a window not yet passed, no target), so callers pass the words for it.
 */
const percentFormat = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('nl-NL');
const daysFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function formatShare(share: number | null, whenNull = '—'): string {
  return share === null ? whenNull : percentFormat.format(share);
}

export function formatCount(count: number): string {
  return countFormat.format(count);
}

export function formatDays(days: number | null): string {
  if (days === null) return '—';
  return `${daysFormat.format(days)} ${days === 1 ? 'dag' : 'dagen'}`;
}

/** A bar's length as a share of the longest bar, 0..100 (0 when nothing was counted). */
export function barLength(value: number, largest: number): number {
  if (largest <= 0 || value <= 0) return 0;
  return Math.min(100, (value / largest) * 100);
}

export const METRIC_LABELS: Record<TargetMetric, string> = {
  employers_contacted: 'Werkgevers benaderd',
  employers_sw_pilot: 'Werkgevers in SW-pilot',
  employers_own_trajectory: 'Werkgevers met eigen traject',
  employers_structural: 'Werkgevers structureel',
  trajectories_started: 'Trajecten gestart',
  certificates: 'Praktijkverklaringen',
};

export const OUTCOME_LABELS: Record<string, string> = {
  employed_at_host: 'Werk bij het gastbedrijf',
  employed_at_sw: 'Werk bij het SW-bedrijf',
  further_education: 'Vervolgopleiding',
  other: 'Anders',
  unknown: 'Onbekend',
};

/** "12 / 48 (25%)", or "12 (geen doel)" when there is no target to compare with. */
export function targetText(item: { target: number | null; actual: number; share: number | null }): string {
  if (item.target === null || item.share === null) return `${formatCount(item.actual)} (geen doel)`;
  return `${formatCount(item.actual)} / ${formatCount(item.target)} (${formatShare(item.share)})`;
}

/**
 * The shade of a cohort cell: five steps, the darkest with white text; every step keeps text at
 * 4.5:1 or more, and the cell also prints its percentage, so colour is never the only carrier.
 */
export function shareStep(share: number | null): 'none' | 0 | 1 | 2 | 3 | 4 {
  if (share === null) return 'none';
  if (share <= 0) return 0;
  if (share <= 0.25) return 1;
  if (share <= 0.5) return 2;
  if (share <= 0.75) return 3;
  return 4;
}

/** A file name safe on every system: lower case, dashes, no accents ("Groot Amsterdam" → "groot-amsterdam"). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "trechter-groot-amsterdam-2026-01-01-tot-2026-11-29.csv"; parts that are empty are left out. */
export function csvFileName(report: string, ...parts: string[]): string {
  return `${[report, ...parts.map(slug)].filter(Boolean).join('-')}.csv`;
}
