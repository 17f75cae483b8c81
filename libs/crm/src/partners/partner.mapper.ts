import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnerKind } from '../organisations/organisation-kind';
import { PartnerResponse, Recognition } from './partner.types';

export function toPartnerResponse(row: OrganisationEntity): PartnerResponse {
  return {
    id: row.id,
    kind: row.kind as PartnerKind,
    name: row.name,
    regionId: row.regionId,
    kvkNumber: row.kvkNumber,
    postalAddress: row.postalAddress,
    email: row.email,
    phone: row.phone,
    website: row.website,
    recognitions: row.recognitions as Recognition[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
