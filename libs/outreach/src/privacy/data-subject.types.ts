/** The data-subject requests of api.md "Privacy (AVG)"; rectification is `PATCH /api/contacts/:id`. */
export const DATA_SUBJECT_REQUESTS = ['export', 'restrict', 'object', 'erase'] as const;
export type DataSubjectRequest = (typeof DATA_SUBJECT_REQUESTS)[number];

/** What stands in for personal text that was erased. */
export const ERASED = '[verwijderd]';

/** A contact's privacy state: the answer of restrict, object and erase. */
export interface PrivacyStateResponse {
  contactId: string;
  regionId: string;
  restrictedAt: string | null;
  objectedAt: string | null;
  erasedAt: string | null;
  /** Set by the retention job when the contact's employer has had no activity for the configured time. */
  reviewDueAt: string | null;
  /** Active enrolments this request ended. */
  exitedEnrolments: number;
}

/** The contact with its privacy state, as the requests read it (under a lock when they change it). */
export interface SubjectRow {
  id: string;
  organisation_id: string;
  region_id: string;
  first_name: string | null;
  last_name: string;
  email: string | null;
  phone: string | null;
  restricted_at: Date | null;
  objected_at: Date | null;
  erased_at: Date | null;
  review_due_at: Date | null;
}

/** Everything held about one person (`GET /api/contacts/:id/export`), section by section. */
export interface PersonExport {
  exportedAt: string;
  contact: Record<string, unknown>;
  privacy: Omit<PrivacyStateResponse, 'exitedEnrolments'>;
  emailBasisHistory: Record<string, unknown>[];
  enrolments: Record<string, unknown>[];
  sentMessages: Record<string, unknown>[];
  inboundMessages: Record<string, unknown>[];
  activities: Record<string, unknown>[];
  suppressions: Record<string, unknown>[];
  auditLog: Record<string, unknown>[];
}

/** What the erasure changed, per table: counts only (they are logged and returned, never names). */
export type ErasureCounts = Record<string, number>;

/** Review list item (`GET /api/privacy/reviews`). */
export interface ReviewItem {
  contactId: string;
  organisationId: string;
  regionId: string;
  reviewDueAt: string;
}
