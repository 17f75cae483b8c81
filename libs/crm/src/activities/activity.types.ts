export const ACTIVITY_TYPES = ['call', 'meeting', 'note', 'email'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** The kinds of contact that move a `prospect` to `contacted` (a note is not contact). */
export const CONTACT_ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'meeting', 'email'];

export interface LogActivityInput {
  type?: string;
  at?: string;
  summary?: string;
  contactId?: string | null;
}

export interface ActivityResponse {
  id: string;
  employerId: string;
  type: ActivityType;
  at: string;
  summary: string;
  contactId: string | null;
  by: string | null;
  createdAt: string;
}

export interface NewActivity {
  employerId: string;
  regionId: string;
  type: ActivityType;
  at: Date;
  summary: string;
  contactId: string | null;
  by: string;
}

export const ACTIVITY_AUDIT_ENTITY = 'activity';
