import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { FieldErrors } from '../shared/field-errors';
import { Recognition } from './partner.types';

const MAX_RECOGNITIONS = 100;

/**
 * Checks an MBO school's recognitions: each names an SBI section with its version (`2025:Q`) that
 * exists, and optionally a 5-digit crebo. Duplicates are dropped.
 */
export async function checkRecognitions(
  raw: { sbiSection?: string; crebo?: string | null }[],
  errors: FieldErrors,
  sbi: SbiCatalogue,
): Promise<Recognition[]> {
  if (raw.length > MAX_RECOGNITIONS) errors.add('recognitions', `at most ${MAX_RECOGNITIONS}`);
  const result = new Map<string, Recognition>();
  for (const [index, item] of raw.entries()) {
    const field = `recognitions.${index}`;
    const match = /^(2008|2025):([A-Z])$/.exec((item.sbiSection ?? '').trim().toUpperCase());
    if (!match) {
      errors.add(`${field}.sbiSection`, 'must look like 2025:Q or 2008:P');
      continue;
    }
    if (!(await sbi.exists(Number(match[1]) as 2008 | 2025, match[2]))) {
      errors.add(`${field}.sbiSection`, `SBI ${match[1]} has no section ${match[2]}`);
      continue;
    }
    const crebo =
      item.crebo === undefined || item.crebo === null || item.crebo.trim() === '' ? null : item.crebo.trim();
    if (crebo !== null && !/^\d{5}$/.test(crebo)) {
      errors.add(`${field}.crebo`, 'must be exactly 5 digits');
      continue;
    }
    const recognition = { sbiSection: `${match[1]}:${match[2]}`, crebo };
    result.set(`${recognition.sbiSection}/${crebo ?? ''}`, recognition);
  }
  return [...result.values()];
}
