/** A mailbox as nodemailer takes it: never a free-form string, so a name cannot smuggle in a second address. */
export interface MailAddress {
  name: string | null;
  address: string;
}

/** One outgoing message; the transport checks every address and header before nodemailer sees it. */
export interface OutboundMail {
  from: MailAddress;
  to: MailAddress[];
  replyTo?: MailAddress;
  subject: string;
  html: string;
  text: string;
  /** Our own `Message-ID` (with angle brackets), kept to match replies; nodemailer makes one when left out. */
  messageId?: string;
  /** Envelope sender (Return-Path), e.g. `reply+<token>@INBOUND_DOMAIN`, so bounces come back to us. */
  envelopeFrom?: string;
  /** Sets `List-Unsubscribe: <url>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). */
  unsubscribeUrl?: string;
  /** Extra headers (e.g. `Auto-Submitted`); values may not hold line breaks. */
  headers?: Record<string, string>;
}

/** What the SMTP server (or the file outbox) said. */
export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
  response: string;
}
