import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { cleanText, FieldErrors } from '../shared/field-errors';
import { checkEmail, checkKvkNumber, checkPhone, checkWebsite } from '../validation/identifiers';
import { PartnerKind } from '../organisations/organisation-kind';
import { PartnerInput, PartnerValues } from './partner.types';
import { checkRecognitions } from './recognitions';

/** Validates the fields present in `input` for an organisation of `kind`; every problem is named at once. */
export async function partnerValues(
  input: PartnerInput,
  kind: PartnerKind,
  create: boolean,
  sbi: SbiCatalogue,
): Promise<Partial<PartnerValues>> {
  const errors = new FieldErrors();
  const values: Partial<PartnerValues> = {};
  if (input.name !== undefined || create) {
    const name = (input.name ?? '').trim();
    if (name === '') errors.add('name', input.name === undefined ? 'is required' : 'must not be empty');
    else if (name.length > 200) errors.add('name', 'must be at most 200 characters');
    values.name = name;
  }
  set(values, 'kvkNumber', errors.check('kvkNumber', blank(input.kvkNumber), checkKvkNumber));
  set(values, 'email', errors.check('email', blank(input.email), checkEmail));
  set(values, 'phone', errors.check('phone', blank(input.phone), checkPhone));
  set(values, 'website', errors.check('website', blank(input.website), checkWebsite));
  const postalAddress = cleanText(input.postalAddress);
  if (typeof postalAddress === 'string' && postalAddress.length > 500) {
    errors.add('postalAddress', 'must be at most 500 characters');
  }
  set(values, 'postalAddress', postalAddress);
  if (input.recognitions !== undefined) {
    const raw = input.recognitions ?? [];
    if (kind !== 'mbo' && raw.length > 0) errors.add('recognitions', 'only an mbo organisation has recognitions');
    else values.recognitions = await checkRecognitions(raw, errors, sbi);
  }
  errors.throwIfAny();
  return values;
}

function blank(raw: string | null | undefined): string | null | undefined {
  return typeof raw === 'string' && raw.trim() === '' ? null : raw;
}

function set<K extends keyof PartnerValues>(
  values: Partial<PartnerValues>,
  key: K,
  value: PartnerValues[K] | undefined,
) {
  if (value !== undefined) values[key] = value;
}
