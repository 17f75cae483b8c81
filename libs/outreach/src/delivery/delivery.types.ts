import type { SendWindow } from '../calendar/send-window';
import type { CampaignStep } from '../campaigns/campaign.types';
import type { PrivacyBlock } from '../privacy/contact-privacy.repository';

export const LEDGER_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'bounced',
  'blocked',
  'unknown',
  'skipped',
] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** Payloads are ids only (Redis keeps them in clear text). */
export interface EmailSendJobData {
  ledgerId: string;
}

export interface SequenceStepJobData {
  enrolmentId: string;
  stepIndex: number;
}

export const DISPATCH_JOB = 'dispatch';
export const EMAIL_SEND_JOB = 'send';
export const SEQUENCE_STEP_JOB = 'step';

/** Deterministic job ids (`-`, never `:`): adding one that still exists is a no-op. */
export const emailSendJobId = (ledgerId: string) => `send-${ledgerId}`;
export const sequenceStepJobId = (enrolmentId: string, index: number) => `step-${enrolmentId}-${index}`;

export interface LedgerRow {
  id: string;
  enrolment_id: string;
  campaign_id: string;
  step_index: number;
  contact_id: string;
  to_email: string | null;
  status: LedgerStatus;
  message_id: string | null;
  attempts: number;
  due_at: Date;
  sending_at: Date | null;
}

/** An active enrolment that the dispatcher locked, with what its campaign and region say. */
export interface DueEnrolment {
  id: string;
  campaign_id: string;
  contact_id: string;
  employer_id: string;
  region_id: string;
  current_step: number;
  next_step_at: Date;
  last_step_at: Date | null;
  steps: CampaignStep[];
  send_window: SendWindow | null;
  max_per_hour: number | null;
  closing_days: string[];
}

/** Everything the send-time checks read, with the enrolment row locked. */
export interface SendState {
  enrolment_status: string;
  current_step: number;
  employer_id: string;
  campaign_status: string;
  campaign_region_id: string;
  sender_id: string;
  steps: CampaignStep[];
  send_window: SendWindow | null;
  contact_email: string | null;
  email_basis: string | null;
  pressure_days: number;
  closing_days: string[];
  wsp_email: string | null;
  sender_name: string | null;
  sender_email: string | null;
  employer_stage: string;
  exit_stage: string;
  /** A data-subject request that stops every send to the contact, read under the same lock. */
  privacy_block: PrivacyBlock | null;
}
