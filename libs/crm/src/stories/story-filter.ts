import { assertUuid, DomainError } from '@app/core';
import { RegionScope } from '@app/auth';
import { RegionCheck } from '../regions/region-check.service';
import { SbiCatalogue } from '../sbi/sbi-catalogue.service';
import { SbiVersion } from '../validation/sbi';
import { StoryFilter, StoryListQuery } from './story.types';

/**
 * Checks `GET /api/stories` in the api.md order: malformed ids 400, an unknown region or one outside the scope 404
 * (an employer outside it is checked by the service), then the other values 400.
 */
export async function storyFilter(
  query: StoryListQuery,
  scope: RegionScope,
  sbi: SbiCatalogue,
  today: string,
  regions: RegionCheck,
): Promise<StoryFilter> {
  const regionId = present(query.regionId) ? assertUuid(query.regionId, 'regionId') : undefined;
  const employerId = present(query.employerId) ? assertUuid(query.employerId, 'employerId') : undefined;
  const regionIds = (await regions.narrow(scope, regionId)).sqlRegionIds;
  const filter: StoryFilter = { regionIds, employerId, today };
  if (present(query.usable)) {
    if (query.usable !== 'true' && query.usable !== 'false')
      throw DomainError.invalid('usable', 'must be true or false');
    filter.usable = query.usable === 'true';
  }
  if (present(query.sbiSection)) filter.sbi = await sbiSection(query.sbiSection, sbi);
  return filter;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** `2025:Q` or `2008:P`, as the employer list takes it: the letters mean different sectors per version. */
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
