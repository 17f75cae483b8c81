import type { InboundKind } from './inbound-classifier';

/** Mail over this size is refused (the SMTP `SIZE` extension and a hard cut in DATA). */
export const MAX_INBOUND_BYTES = 10 * 1024 * 1024;

/** Payloads are ids only (Redis keeps them in clear text). */
export interface InboundJobData {
  inboundId: string;
}

export const INBOUND_JOB = 'inbound';
export const inboundJobId = (inboundId: string) => `inbound-${inboundId}`;

/** One received message as the receiver stores it, before processing. */
export interface NewInboundMessage {
  ledgerId: string | null;
  kind: InboundKind;
  envelopeFrom: string | null;
  envelopeTo: string;
  fromAddress: string | null;
  subject: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  raw: Buffer;
  receivedAt: Date;
}

export interface InboundRow {
  id: string;
  ledger_id: string | null;
  kind: InboundKind;
  envelope_from: string | null;
  from_address: string | null;
  subject: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  raw: Buffer;
  processed_at: Date | null;
}

/** The sent message an inbound mail answers, with what handling it needs. */
export interface LedgerContext {
  ledger_id: string;
  ledger_status: string;
  to_email: string | null;
  campaign_id: string;
  campaign_name: string;
  sender_id: string;
  sender_email: string | null;
  sender_name: string | null;
  contact_id: string;
  contact_name: string;
  employer_id: string;
  employer_name: string;
  region_id: string;
  owner_id: string | null;
  wsp_email: string | null;
}

/** What processing did, kept in `inbound_messages.result`. */
export type InboundResult = { matched: false } | ({ matched: true; ledgerId: string } & Record<string, unknown>);
