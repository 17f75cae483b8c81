import { SbiVersion } from '../validation/sbi';

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const LEGAL_FORMS = ['legal_person', 'natural_person'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** The pipeline (api.md "Pipeline"), in order, then the side states. Stage moves are issue 3. */
export const EMPLOYER_STAGES = [
  'prospect',
  'contacted',
  'interested',
  'sw_pilot',
  'own_trajectory',
  'structural',
  'ambassador',
  'not_interested',
  'paused',
] as const;
export type EmployerStage = (typeof EMPLOYER_STAGES)[number];

/** Create and update body; `null` clears an optional field, a missing field keeps (or defaults) it. */
export interface EmployerInput {
  name?: string;
  kvkNumber?: string;
  regionId?: string;
  vestigingsnummer?: string | null;
  rsin?: string | null;
  sbiCode?: string | null;
  sbiVersion?: number | null;
  sizeClass?: string | null;
  legalForm?: string | null;
  postcode?: string | null;
  city?: string | null;
  website?: string | null;
  ownerId?: string | null;
  leadSource?: string | null;
  tags?: string[] | null;
}

export interface EmployerResponse {
  id: string;
  name: string;
  kvkNumber: string;
  regionId: string;
  vestigingsnummer: string | null;
  rsin: string | null;
  sbiCode: string | null;
  sbiVersion: SbiVersion | null;
  /** The section letter of `sbiVersion` (the list filter writes it as `2025:Q`). */
  sbiSection: string | null;
  sizeClass: SizeClass | null;
  legalForm: LegalForm | null;
  postcode: string | null;
  city: string | null;
  website: string | null;
  ownerId: string | null;
  leadSource: string | null;
  tags: string[];
  stage: EmployerStage;
  createdAt: string;
  updatedAt: string;
}

export const EMPLOYER_SORT_FIELDS = [
  'name',
  'kvkNumber',
  'city',
  'createdAt',
  'updatedAt',
  'stage',
  'sizeClass',
] as const;
export type EmployerSortField = (typeof EMPLOYER_SORT_FIELDS)[number];

/** `GET /api/employers` and the export take the same query. */
export interface EmployerListQuery {
  q?: string;
  regionId?: string;
  stage?: string;
  sbiSection?: string;
  sizeClass?: string;
  swCompanyId?: string;
  ownerId?: string;
  tag?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

/** A checked filter, ready for SQL; `regionIds` null means every region. */
export interface EmployerFilter {
  regionIds: string[] | null;
  q?: string;
  stage?: EmployerStage;
  sbi?: { version: SbiVersion; section: string };
  sizeClass?: SizeClass;
  swCompanyId?: string;
  ownerId?: string;
  tag?: string;
}

/** The columns an employer write sets (already validated and normalised). */
export interface EmployerValues {
  name: string;
  kvkNumber: string;
  regionId: string;
  vestigingsnummer: string | null;
  rsin: string | null;
  sbiCode: string | null;
  sbiVersion: SbiVersion | null;
  sbiSection: string | null;
  sizeClass: SizeClass | null;
  legalForm: LegalForm | null;
  postcode: string | null;
  city: string | null;
  website: string | null;
  ownerId: string | null;
  leadSource: string | null;
  tags: string[];
}
