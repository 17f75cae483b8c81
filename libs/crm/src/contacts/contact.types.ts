export const EMAIL_BASES = ['consent', 'existing_relationship', 'published_for_purpose'] as const;
export type EmailBasis = (typeof EMAIL_BASES)[number];

/** Create and update body; `null` clears an optional field. */
export interface ContactInput {
  firstName?: string | null;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  role?: string | null;
  primary?: boolean;
  emailBasis?: string | null;
  emailBasisSource?: string | null;
  emailBasisEvidence?: string | null;
}

export interface ContactResponse {
  id: string;
  organisationId: string;
  regionId: string;
  firstName: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  primary: boolean;
  emailBasis: EmailBasis | null;
  emailBasisSource: string | null;
  emailBasisEvidence: string | null;
  /** When the current basis was recorded. */
  emailBasisAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BasisHistoryResponse {
  basis: EmailBasis | null;
  source: string | null;
  evidence: string | null;
  at: string;
  by: string | null;
}

/** Validated person fields (the basis is handled apart, because every change of it is kept). */
export interface ContactValues {
  firstName: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  role: string | null;
}

export interface BasisValues {
  emailBasis: EmailBasis | null;
  emailBasisSource: string | null;
  emailBasisEvidence: string | null;
}

export const CONTACT_SORT_FIELDS = ['lastName', 'firstName', 'email', 'primary', 'createdAt'] as const;
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number];
