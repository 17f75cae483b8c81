import { EmployerStage, SbiVersion, SizeClass } from '@app/crm';
import { SegmentFilter } from './segment-filter.types';

/** The `entity` segment changes are audited under. */
export const SEGMENT_AUDIT_ENTITY = 'segment';

export const SEGMENT_NAME_MAX = 200;
/** `GET /api/segments/:id/preview`: the first employers in (name, id) order. */
export const SEGMENT_SAMPLE_SIZE = 20;

/** Create body (`regionId`, `name`, `filter` required) and update body (`name`, `filter`; the region stays). */
export interface SegmentInput {
  regionId?: string;
  name?: string;
  filter?: unknown;
}

/** `POST /api/segments/preview`: a filter being edited, not yet saved. */
export interface SegmentDraftInput {
  regionId?: string;
  filter?: unknown;
}

export interface SegmentRecord {
  id: string;
  regionId: string;
  name: string;
  filter: SegmentFilter;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SegmentResponse {
  id: string;
  regionId: string;
  name: string;
  filter: SegmentFilter;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a preview shows of an employer (the employer resource has the rest). */
export interface SegmentEmployerSummary {
  id: string;
  name: string;
  city: string | null;
  stage: EmployerStage;
  sbiVersion: SbiVersion | null;
  /** The section letter of `sbiVersion`, as on the employer resource. */
  sbiSection: string | null;
  sizeClass: SizeClass | null;
  tags: string[];
}

export interface SegmentPreview {
  total: number;
  sample: SegmentEmployerSummary[];
}

export const SEGMENT_SORT_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
export type SegmentSortField = (typeof SEGMENT_SORT_FIELDS)[number];

export interface SegmentListQuery {
  regionId?: string;
  q?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

/** A segment by id, or a region and filter that are not (yet) saved. */
export type SegmentSource = string | { regionId: string; filter: unknown };
