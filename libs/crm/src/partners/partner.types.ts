import { PartnerKind } from '../organisations/organisation-kind';

/** A diploma-erkenning derde leerweg of an MBO school: a sector (`2025:Q`), optionally one dossier (crebo). */
export interface Recognition {
  sbiSection: string;
  crebo: string | null;
}

export interface PartnerInput {
  kind?: string;
  name?: string;
  regionId?: string;
  kvkNumber?: string | null;
  postalAddress?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  recognitions?: { sbiSection?: string; crebo?: string | null }[] | null;
}

export interface PartnerResponse {
  id: string;
  kind: PartnerKind;
  name: string;
  regionId: string;
  kvkNumber: string | null;
  postalAddress: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  recognitions: Recognition[];
  createdAt: string;
  updatedAt: string;
}

export interface PartnerValues {
  kind: PartnerKind;
  name: string;
  regionId: string;
  kvkNumber: string | null;
  postalAddress: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  recognitions: Recognition[];
}

export interface PartnerListQuery {
  kind?: string;
  regionId?: string;
  q?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export interface PartnerFilter {
  regionIds: string[] | null;
  kind?: PartnerKind;
  q?: string;
}

export const PARTNER_SORT_FIELDS = ['name', 'kind', 'createdAt', 'updatedAt'] as const;
export type PartnerSortField = (typeof PARTNER_SORT_FIELDS)[number];
