import { Checked } from './identifiers';

export const SBI_VERSIONS = [2008, 2025] as const;
export type SbiVersion = (typeof SBI_VERSIONS)[number];

export interface SbiSectionRange {
  version: SbiVersion;
  section: string;
  divisionFrom: number;
  divisionTo: number;
}

/**
 * An SBI code is 2 to 5 digits (SBI 2025 codes have 5); its first two digits (the division) fall in
 * exactly one section of its version. Returns the section letter.
 */
export function sectionForSbiCode(code: string, version: SbiVersion, ranges: readonly SbiSectionRange[]): Checked {
  const value = code.trim();
  if (!/^\d{2,5}$/.test(value)) return { ok: false, problem: 'must be 2 to 5 digits' };
  const division = Number(value.slice(0, 2));
  const range = ranges.find((r) => r.version === version && division >= r.divisionFrom && division <= r.divisionTo);
  return range
    ? { ok: true, value: range.section }
    : { ok: false, problem: `division ${value.slice(0, 2)} is not in any SBI ${version} section` };
}
