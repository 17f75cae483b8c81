import { assertUuid, DomainError } from '@app/core';
import { RegionScope } from '@app/auth';
import { RegionCheck } from '../regions/region-check.service';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { SbiVersion } from '../validation/sbi';
import {
  EMPLOYER_STAGES,
  EmployerFilter,
  EmployerListQuery,
  EmployerStage,
  SIZE_CLASSES,
  SizeClass,
} from './employer.types';

/** Resolves an SW-bedrijf id inside the scope; false when it is unknown or outside (404). */
export type SwCompanyLookup = (id: string, regionIds: string[] | null) => Promise<boolean>;

/**
 * Checks the list/export query in the api.md order: malformed ids 400, a region or SW-bedrijf
 * outside the scope (or unknown) 404, then the other values 400.
 */
export async function employerFilter(
  query: EmployerListQuery,
  scope: RegionScope,
  sbi: SbiCatalogue,
  swCompanyExists: SwCompanyLookup,
  regions: RegionCheck,
): Promise<EmployerFilter> {
  const regionId = present(query.regionId) ? assertUuid(query.regionId, 'regionId') : undefined;
  const swCompanyId = present(query.swCompanyId) ? assertUuid(query.swCompanyId, 'swCompanyId') : undefined;
  const ownerId = present(query.ownerId) ? assertUuid(query.ownerId, 'ownerId') : undefined;
  const regionIds = (await regions.narrow(scope, regionId)).sqlRegionIds;
  if (swCompanyId && !(await swCompanyExists(swCompanyId, regionIds))) throw DomainError.notFound('organisation');

  const filter: EmployerFilter = { regionIds, swCompanyId, ownerId };
  if (present(query.q)) filter.q = query.q.trim().slice(0, 200);
  if (present(query.tag)) filter.tag = query.tag.trim();
  if (present(query.stage)) filter.stage = oneOf('stage', query.stage, EMPLOYER_STAGES) as EmployerStage;
  if (present(query.sizeClass)) filter.sizeClass = oneOf('sizeClass', query.sizeClass, SIZE_CLASSES) as SizeClass;
  if (present(query.sbiSection)) filter.sbi = await sbiSection(query.sbiSection, sbi);
  return filter;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function oneOf(field: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw DomainError.invalid(field, `must be one of ${allowed.join(', ')}`);
  return value;
}

/** `2025:Q` or `2008:P`: the version matters, because the letters mean different sectors in each. */
async function sbiSection(raw: string, sbi: SbiCatalogue): Promise<{ version: SbiVersion; section: string }> {
  const match = /^(2008|2025):([A-Za-z])$/.exec(raw.trim());
  if (!match) throw DomainError.invalid('sbiSection', 'must look like 2025:Q or 2008:P');
  const version = Number(match[1]) as SbiVersion;
  const section = match[2].toUpperCase();
  if (!(await sbi.exists(version, section))) {
    throw DomainError.invalid('sbiSection', `SBI ${version} has no section ${section}`);
  }
  return { version, section };
}
