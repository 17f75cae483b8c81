export const ENROLMENT_STATUSES = ['active', 'completed', 'exited'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** Why an enrolment stopped before its last step (api.md "Outreach"); the first matching reason is kept. */
export const EXIT_REASONS = [
  'replied',
  'unsubscribed',
  'bounced',
  'stage_reached',
  'not_interested',
  'paused',
  'suppressed',
  'restricted',
  'removed',
  'cancelled',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** One item of `GET /api/campaigns/:id/enrolments`. */
export interface EnrolmentResponse {
  id: string;
  contactId: string;
  employerId: string;
  status: EnrolmentStatus;
  exitReason: ExitReason | null;
  currentStep: number;
  nextStepAt: string | null;
  createdAt: string;
  exitedAt: string | null;
  /** First and last name; null when the contact is gone or erased. */
  contactName: string | null;
  /** The contact's address; null when it has none or was erased. */
  email: string | null;
}

export interface EnrolmentListQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
  status?: string;
}

export const ENROLMENT_SORT_FIELDS = ['createdAt', 'nextStepAt', 'status'] as const;
export type EnrolmentSortField = (typeof ENROLMENT_SORT_FIELDS)[number];
