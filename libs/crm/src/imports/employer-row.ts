import {
  checkEmail,
  checkKvkNumber,
  checkPhone,
  checkPostcode,
  checkWebsite,
  Checked,
} from '../validation/identifiers';
import { sectionForSbiCode, SBI_VERSIONS, SbiSectionRange, SbiVersion } from '../validation/sbi';
import { CONTACT_TEXT_LIMITS } from '../contacts/contact-fields';
import { EMAIL_BASES } from '../contacts/contact.types';
import { DEFAULT_SBI_VERSION, EMPLOYER_TEXT_LIMITS } from '../employers/employer-fields';
import { normaliseTags } from '../employers/employer-tags';
import { SIZE_CLASSES } from '../employers/employer.types';
import { EmployerCsvColumn, EmployerCsvRow, restoreFormula, TAG_SPLITTER } from './employer-csv-format';
import { ImportRowError } from './import.types';

// The rules of the employer and contact forms themselves, so an imported record can be edited and exported back.

/** A contact as one row gives it; null means "the cell was empty: keep what is stored". */
export interface ContactRowValues {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  role: string | null;
  emailBasis: string | null;
  emailBasisSource: string | null;
}

/** A row that passed validation, normalised; null fields keep the stored value. */
export interface EmployerRowValues {
  line: number;
  regionId: string;
  kvkNumber: string;
  name: string | null;
  sbiCode: string | null;
  sbiVersion: SbiVersion | null;
  sbiSection: string | null;
  sizeClass: string | null;
  postcode: string | null;
  city: string | null;
  website: string | null;
  tags: string[] | null;
  contact: ContactRowValues | null;
}

export interface EmployerRowContext {
  /** Region ids by CBS code (upper case). */
  regionIdByCode: ReadonlyMap<string, string>;
  /** The uploader's regions; null for every region (an admin). */
  allowedRegionIds: ReadonlySet<string> | null;
  sbiRanges: readonly SbiSectionRange[];
}

export type EmployerRowResult = { ok: true; values: EmployerRowValues } | { ok: false; errors: ImportRowError[] };

/** A cell as the import reads it: formula neutralisation undone, trimmed; empty is null. */
export function cellValue(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const value = restoreFormula(raw.trim()).trim();
  return value === '' ? null : value;
}

/** Validates and normalises one row; every bad field is reported, not only the first. */
export function readEmployerRow(line: number, cells: EmployerCsvRow, context: EmployerRowContext): EmployerRowResult {
  const errors: ImportRowError[] = [];
  const cell = (column: EmployerCsvColumn) => cellValue(cells[column]);
  const add = (field: EmployerCsvColumn, problem: string) => errors.push({ row: line, field, problem });
  const check = (field: EmployerCsvColumn, validate: (raw: string) => Checked): string | null => {
    const raw = cell(field);
    if (raw === null) return null;
    const result = validate(raw);
    if (result.ok) return result.value;
    add(field, result.problem);
    return null;
  };
  const text = (field: EmployerCsvColumn, max: number): string | null => {
    const value = cell(field);
    if (value !== null && value.length > max) add(field, `must be at most ${max} characters`);
    return value;
  };
  const oneOf = (field: EmployerCsvColumn, allowed: readonly string[]): string | null => {
    const value = cell(field);
    if (value !== null && !allowed.includes(value)) add(field, `must be one of ${allowed.join(', ')}`);
    return value;
  };

  const kvkRaw = cell('kvkNumber');
  const kvkNumber = kvkRaw === null ? null : check('kvkNumber', checkKvkNumber);
  if (kvkRaw === null) add('kvkNumber', 'is required');
  const regionId = readRegion(cell('regionCode'), context, (problem) => add('regionCode', problem));
  const sbi = readSbi(cell('sbiCode'), cell('sbiVersion'), context, add);
  const values = {
    line,
    regionId,
    kvkNumber,
    name: text('name', EMPLOYER_TEXT_LIMITS.name),
    ...sbi,
    sizeClass: oneOf('sizeClass', SIZE_CLASSES),
    postcode: check('postcode', checkPostcode),
    city: text('city', EMPLOYER_TEXT_LIMITS.city),
    website: check('website', checkWebsite),
    tags: readTags(cell('tags'), (problem) => add('tags', problem)),
    contact: readContact(cell, check, text, oneOf),
  };
  if (errors.length > 0 || values.regionId === null || values.kvkNumber === null) return { ok: false, errors };
  return { ok: true, values: { ...values, regionId: values.regionId, kvkNumber: values.kvkNumber } };
}

function readRegion(code: string | null, context: EmployerRowContext, fail: (problem: string) => void): string | null {
  if (code === null) {
    fail('is required');
    return null;
  }
  const regionId = context.regionIdByCode.get(code.toUpperCase());
  if (regionId === undefined) {
    fail(`"${code}" is not a known arbeidsmarktregio code`);
    return null;
  }
  if (context.allowedRegionIds !== null && !context.allowedRegionIds.has(regionId)) {
    fail(`${code.toUpperCase()} is not one of your regions`);
    return null;
  }
  return regionId;
}

/** A code without a version is SBI 2025 (as in the employer form); a version alone qualifies nothing. */
function readSbi(
  code: string | null,
  versionRaw: string | null,
  context: EmployerRowContext,
  add: (field: EmployerCsvColumn, problem: string) => void,
): Pick<EmployerRowValues, 'sbiCode' | 'sbiVersion' | 'sbiSection'> {
  const none = { sbiCode: null, sbiVersion: null, sbiSection: null };
  let version: SbiVersion = DEFAULT_SBI_VERSION;
  if (versionRaw !== null) {
    const parsed = Number(versionRaw);
    if (!(SBI_VERSIONS as readonly number[]).includes(parsed) || String(parsed) !== versionRaw) {
      add('sbiVersion', `must be one of ${SBI_VERSIONS.join(', ')}`);
      return none;
    }
    if (code === null) {
      add('sbiVersion', 'needs an sbiCode in the same row');
      return none;
    }
    version = parsed as SbiVersion;
  }
  if (code === null) return none;
  const section = sectionForSbiCode(code, version, context.sbiRanges);
  if (!section.ok) {
    add('sbiCode', section.problem);
    return none;
  }
  return { sbiCode: code, sbiVersion: version, sbiSection: section.value };
}

/** Split on comma, semicolon or bar, then the form's tag rule (`normaliseTags`); none left is null (keep). */
export function readTags(raw: string | null, fail: (problem: string) => void): string[] | null {
  if (raw === null) return null;
  const tags = normaliseTags(raw.split(TAG_SPLITTER), fail);
  return tags.length === 0 ? null : tags;
}

function readContact(
  cell: (column: EmployerCsvColumn) => string | null,
  check: (field: EmployerCsvColumn, validate: (raw: string) => Checked) => string | null,
  text: (field: EmployerCsvColumn, max: number) => string | null,
  oneOf: (field: EmployerCsvColumn, allowed: readonly string[]) => string | null,
): ContactRowValues | null {
  const columns: EmployerCsvColumn[] = [
    'contactFirstName',
    'contactLastName',
    'contactEmail',
    'contactPhone',
    'contactRole',
    'contactEmailBasis',
    'contactEmailBasisSource',
  ];
  if (columns.every((column) => cell(column) === null)) return null;
  return {
    firstName: text('contactFirstName', CONTACT_TEXT_LIMITS.firstName),
    lastName: text('contactLastName', CONTACT_TEXT_LIMITS.lastName),
    email: check('contactEmail', checkEmail),
    phone: check('contactPhone', checkPhone),
    role: text('contactRole', CONTACT_TEXT_LIMITS.role),
    emailBasis: oneOf('contactEmailBasis', EMAIL_BASES),
    emailBasisSource: text('contactEmailBasisSource', CONTACT_TEXT_LIMITS.emailBasisSource),
  };
}
