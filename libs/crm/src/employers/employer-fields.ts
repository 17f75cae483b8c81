import { cleanText, FieldErrors } from '../shared/field-errors';
import {
  checkKvkNumber,
  checkPostcode,
  checkRsin,
  checkVestigingsnummer,
  checkWebsite,
} from '../validation/identifiers';
import { SBI_VERSIONS, SbiVersion } from '../validation/sbi';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { normaliseTags } from './employer-tags';
import { EmployerInput, EmployerValues, LEGAL_FORMS, LegalForm, SIZE_CLASSES, SizeClass } from './employer.types';

/** A code without a version is SBI 2025, in the form and in the CSV import alike. */
export const DEFAULT_SBI_VERSION: SbiVersion = 2025;

/** Longest accepted free text per employer field (the form and the CSV import). */
export const EMPLOYER_TEXT_LIMITS = { name: 200, city: 100, leadSource: 100 } as const;

type SbiState = Pick<EmployerValues, 'sbiCode' | 'sbiVersion' | 'sbiSection'>;

/**
 * Validates and normalises the fields present in `input` (create: `current` is null). Returns only
 * the columns to write; every invalid field is reported at once as a 400 naming it.
 */
export async function employerValues(
  input: EmployerInput,
  current: SbiState | null,
  sbi: SbiCatalogue,
): Promise<Partial<EmployerValues>> {
  const errors = new FieldErrors();
  const values: Partial<EmployerValues> = {};
  if (current === null) {
    if (input.name === undefined) errors.add('name', 'is required');
    if (input.kvkNumber === undefined) errors.add('kvkNumber', 'is required');
  }
  if (input.name !== undefined) {
    values.name = requiredText(errors, 'name', input.name ?? '', EMPLOYER_TEXT_LIMITS.name);
  }
  if (input.kvkNumber !== undefined) {
    values.kvkNumber = errors.check('kvkNumber', input.kvkNumber ?? '', checkKvkNumber) ?? '';
  }
  optional(
    values,
    'vestigingsnummer',
    errors.check('vestigingsnummer', blank(input.vestigingsnummer), checkVestigingsnummer),
  );
  optional(values, 'rsin', errors.check('rsin', blank(input.rsin), checkRsin));
  optional(values, 'postcode', errors.check('postcode', blank(input.postcode), checkPostcode));
  optional(values, 'website', errors.check('website', blank(input.website), checkWebsite));
  optional(values, 'city', limitedText(errors, 'city', input.city, EMPLOYER_TEXT_LIMITS.city));
  optional(values, 'leadSource', limitedText(errors, 'leadSource', input.leadSource, EMPLOYER_TEXT_LIMITS.leadSource));
  optional(
    values,
    'sizeClass',
    oneOf(errors, 'sizeClass', input.sizeClass, SIZE_CLASSES) as SizeClass | null | undefined,
  );
  optional(
    values,
    'legalForm',
    oneOf(errors, 'legalForm', input.legalForm, LEGAL_FORMS) as LegalForm | null | undefined,
  );
  if (input.tags !== undefined) values.tags = normaliseTags(input.tags ?? [], (problem) => errors.add('tags', problem));
  Object.assign(values, await sbiValues(errors, input, current, sbi));
  errors.throwIfAny();
  return values;
}

/** Derives the section from code and version; a code without a version is SBI 2025. */
async function sbiValues(
  errors: FieldErrors,
  input: EmployerInput,
  current: SbiState | null,
  sbi: SbiCatalogue,
): Promise<Partial<SbiState>> {
  if (input.sbiCode === undefined && input.sbiVersion === undefined) return {};
  if (
    input.sbiVersion !== undefined &&
    input.sbiVersion !== null &&
    !SBI_VERSIONS.includes(input.sbiVersion as SbiVersion)
  ) {
    errors.add('sbiVersion', `must be one of ${SBI_VERSIONS.join(', ')}`);
    return {};
  }
  const code = input.sbiCode !== undefined ? (cleanText(input.sbiCode) ?? null) : (current?.sbiCode ?? null);
  if (code === null) {
    if (input.sbiVersion !== undefined && input.sbiVersion !== null) errors.add('sbiVersion', 'needs an sbiCode');
    return { sbiCode: null, sbiVersion: null, sbiSection: null };
  }
  if (input.sbiVersion === null) {
    errors.add('sbiVersion', 'cannot be cleared while an sbiCode is set');
    return {};
  }
  const version = (input.sbiVersion ??
    (input.sbiCode !== undefined ? DEFAULT_SBI_VERSION : current?.sbiVersion)) as SbiVersion;
  const section = await sbi.sectionFor(code, version);
  if (!section.ok) {
    errors.add('sbiCode', section.problem);
    return {};
  }
  return { sbiCode: code, sbiVersion: version, sbiSection: section.value };
}

function optional<K extends keyof EmployerValues>(
  values: Partial<EmployerValues>,
  key: K,
  value: EmployerValues[K] | undefined,
): void {
  if (value !== undefined) values[key] = value;
}

/** An empty string clears a field like null does. */
function blank(raw: string | null | undefined): string | null | undefined {
  return typeof raw === 'string' && raw.trim() === '' ? null : raw;
}

function requiredText(errors: FieldErrors, field: string, raw: string, max: number): string {
  const value = raw.trim();
  if (value === '') errors.add(field, 'must not be empty');
  else if (value.length > max) errors.add(field, `must be at most ${max} characters`);
  return value;
}

function limitedText(errors: FieldErrors, field: string, raw: string | null | undefined, max: number) {
  const value = cleanText(raw);
  if (typeof value === 'string' && value.length > max) errors.add(field, `must be at most ${max} characters`);
  return value;
}

function oneOf(errors: FieldErrors, field: string, raw: string | null | undefined, allowed: readonly string[]) {
  if (raw === undefined || raw === null) return raw;
  if (!allowed.includes(raw)) errors.add(field, `must be one of ${allowed.join(', ')}`);
  return raw;
}
