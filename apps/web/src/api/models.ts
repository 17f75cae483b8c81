// Response shapes. The OpenAPI document types every request (paths, query, bodies: schema.d.ts)
// but documents no response bodies yet, so the records the screens read are described here.
import type { components } from './schema';

export type Schemas = components['schemas'];
export type Role = Schemas['CreateUserDto']['role'];
export type Stage = Schemas['MoveStageDto']['stage'];
export type SizeClass = NonNullable<Schemas['CreateEmployerDto']['sizeClass']>;
export type ActivityType = Schemas['LogActivityDto']['type'];
export type EmailBasis = NonNullable<Schemas['CreateContactDto']['emailBasis']>;
export type OrganisationKind = Schemas['CreateOrganisationDto']['kind'];
export type Relation = Schemas['CreateNetworkLinkDto']['relation'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  regionIds: string[];
  phone?: string | null;
  disabled?: boolean;
}

export interface Region {
  id: string;
  code: string;
  name: string;
}

export interface SbiSection {
  version: number;
  section: string;
  name: string;
}

export interface Employer {
  id: string;
  name: string;
  kvkNumber: string;
  regionId: string;
  vestigingsnummer: string | null;
  rsin: string | null;
  sbiCode: string | null;
  sbiVersion: number | null;
  sbiSection: string | null;
  sizeClass: SizeClass | null;
  legalForm: string | null;
  postcode: string | null;
  city: string | null;
  website: string | null;
  ownerId: string | null;
  leadSource: string | null;
  tags: string[];
  stage: Stage;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  id: string;
  organisationId: string;
  firstName: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  role: string | null;
  primary: boolean;
  emailBasis: EmailBasis | null;
  emailBasisSource: string | null;
  emailBasisAt: string | null;
}

export interface StageChange {
  from: Stage | null;
  to: Stage;
  at: string;
  by: string | null;
  cause: string;
  reason: string | null;
}

export interface TimelineItem {
  kind: 'activity' | 'stage' | 'message' | 'task' | 'reply';
  at: string;
  id?: string;
  type?: string;
  summary?: string;
  title?: string;
  subject?: string;
  from?: string | null;
  to?: string;
  reason?: string | null;
  done?: boolean;
}

export interface Task {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  dueAt: string;
  assigneeId: string;
  done: boolean;
}

export interface Trajectory {
  id: string;
  employerId: string;
  route: string;
  candidateRef: string;
  startedAt: string;
  status: string;
  crebo: string | null;
  praktijkverklaringAt: string | null;
  outcome: string | null;
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  regionId: string;
  kvkNumber: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  postalAddress: string | null;
}

export interface NetworkLink {
  employerId: string;
  employerName: string;
  relation: Relation;
  since: string | null;
  until: string | null;
  organisationId?: string;
  organisationName?: string;
}

// The import endpoints document their responses, so these come straight from the schema.
export type ImportRowError = Schemas['ImportRowErrorDto'];
export type ImportView = Schemas['ImportViewDto'];
