export const SUPPRESSION_SOURCES = ['unsubscribe', 'bounce', 'manual', 'object', 'erasure'] as const;
export type SuppressionSource = (typeof SUPPRESSION_SOURCES)[number];

export const SUPPRESSION_AUDIT_ENTITY = 'suppression';

/** One suppressed address; `regionId` null holds in every region. */
export interface SuppressionResponse {
  id: string;
  email: string;
  regionId: string | null;
  reason: string;
  source: SuppressionSource;
  createdBy: string | null;
  createdAt: string;
}

export interface SuppressionInput {
  email?: string;
  regionId?: string | null;
  reason?: string;
}

export interface SuppressionListQuery {
  regionId?: string;
  q?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export const SUPPRESSION_SORT_FIELDS = ['createdAt', 'email'] as const;
export type SuppressionSortField = (typeof SUPPRESSION_SORT_FIELDS)[number];

/** What a suppression is written from; `createdBy` null for system work (bounces, unsubscribes). */
export interface NewSuppression {
  email: string;
  regionId: string | null;
  reason: string;
  source: SuppressionSource;
  createdBy: string | null;
  at: Date;
}

export const MAX_SUPPRESSION_REASON = 500;
