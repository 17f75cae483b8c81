import { ContactBasisHistoryEntity } from './contact-basis-history.entity';
import { ContactEntity } from './contact.entity';
import { BasisHistoryResponse, ContactResponse, EmailBasis } from './contact.types';

export function toContactResponse(row: ContactEntity): ContactResponse {
  return {
    id: row.id,
    organisationId: row.organisationId,
    regionId: row.regionId,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    role: row.role,
    primary: row.isPrimary,
    emailBasis: row.emailBasis as EmailBasis | null,
    emailBasisSource: row.emailBasisSource,
    emailBasisEvidence: row.emailBasisEvidence,
    emailBasisAt: row.emailBasisAt ? row.emailBasisAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toBasisHistoryResponse(row: ContactBasisHistoryEntity): BasisHistoryResponse {
  return {
    basis: row.basis as EmailBasis | null,
    source: row.source,
    evidence: row.evidence,
    at: row.at.toISOString(),
    by: row.byUserId,
  };
}
