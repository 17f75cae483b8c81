import { OrganisationEntity } from '../organisations/organisation.entity';
import { SbiVersion } from '../validation/sbi';
import { EmployerResponse, EmployerStage, LegalForm, SizeClass } from './employer.types';

/** The columns an employer's answer shows (an entity, or a row read without one: EmployerRepository.findForRead). */
export type EmployerRow = Pick<
  OrganisationEntity,
  | 'id'
  | 'name'
  | 'kvkNumber'
  | 'regionId'
  | 'vestigingsnummer'
  | 'rsin'
  | 'sbiCode'
  | 'sbiVersion'
  | 'sbiSection'
  | 'sizeClass'
  | 'legalForm'
  | 'postcode'
  | 'city'
  | 'website'
  | 'ownerId'
  | 'leadSource'
  | 'tags'
  | 'stage'
  | 'createdAt'
  | 'updatedAt'
>;

export function toEmployerResponse(row: EmployerRow): EmployerResponse {
  return {
    id: row.id,
    name: row.name,
    kvkNumber: row.kvkNumber ?? '',
    regionId: row.regionId,
    vestigingsnummer: row.vestigingsnummer,
    rsin: row.rsin,
    sbiCode: row.sbiCode,
    sbiVersion: row.sbiVersion as SbiVersion | null,
    sbiSection: row.sbiSection,
    sizeClass: row.sizeClass as SizeClass | null,
    legalForm: row.legalForm as LegalForm | null,
    postcode: row.postcode,
    city: row.city,
    website: row.website,
    ownerId: row.ownerId,
    leadSource: row.leadSource,
    tags: row.tags,
    stage: row.stage as EmployerStage,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
