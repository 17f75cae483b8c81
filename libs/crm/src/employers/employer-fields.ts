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
import { TAG_SPLITTER } from '../imports/employer-csv-format';
import { EmployerInput, EmployerValues, LEGAL_FORMS, LegalForm, SIZE_CLASSES, SizeClass } from './employer.types';

export const DEFAULT_SBI_VERSION: SbiVersion = 2025;
const MAX_TAGS = 30;
const MAX_TAG_LENGTH = 50;

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
  if (input.name !== undefined) values.name = requiredText(errors, 'name', input.name ?? '', 200);
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
  optional(values, 'city', limitedText(errors, 'city', input.city, 100));
  optional(values, 'leadSource', limitedText(errors, 'leadSource', input.leadSource, 100));
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
  if (input.tags !== undefined) values.tags = normaliseTags(errors, input.tags ?? []);
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

/** Tags are trimmed and de-duplicated (case-insensitively); the CSV separators may not appear in one. */
export function normaliseTags(errors: FieldErrors, tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    if (TAG_SPLITTER.test(tag)) errors.add('tags', `"${tag}" may not contain , ; or |`);
    else if (tag.length > MAX_TAG_LENGTH) errors.add('tags', `"${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH}`);
    else if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  if (seen.size > MAX_TAGS) errors.add('tags', `at most ${MAX_TAGS} tags`);
  return [...seen.values()];
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
