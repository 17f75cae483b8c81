import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Mail, SendMailOptions } from 'nodemailer';
import type { Options as StreamOptions, StreamSentMessageInfo } from 'nodemailer/lib/stream-transport';
import { Clock } from '../clock/clock';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain.error';
import { checkedAddress, checkedMailbox, headerText, singleLine } from './mail-address';
import { OutboundMail, SentMail } from './mail.types';
import { SmtpPoolThread } from './smtp-pool-thread';

/**
 * Headers the DKIM signature covers: nodemailer's defaults written out, so `List-Unsubscribe` and
 * `List-Unsubscribe-Post` stay signed whatever the nodemailer version (RFC 8058 requires both).
 */
export const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'In-Reply-To',
  'References',
  'List-Id',
  'List-Help',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Subscribe',
  'List-Post',
  'List-Owner',
  'List-Archive',
  'Auto-Submitted',
].join(':');

// Content is only ever given as strings: never let a message read a file or fetch a URL.
const NO_ACCESS = { disableFileAccess: true, disableUrlAccess: true } as const;

/**
 * Each pooled connection carries up to 1,000 messages. nodemailer's default of 100 closes a connection after 100 and,
 * with the pool's queue already full, opens the next only 100 ms later; its five connections reach 100 together, so a
 * campaign stalled for a tenth of a second every 500 messages (docs/benchmarks.md, b). Still a limit: a connection
 * the server has started answering with a 4xx (other than 421) is kept by nodemailer, and one that lives for a whole
 * campaign is more likely to be cut mid-message (an `unknown` outcome). `?maxMessages=<n>` in SMTP_URL sets another
 * limit (nodemailer reads options from the URL, and they win over these).
 */
const POOL = { pool: true, maxMessages: 1_000 } as const;

/**
 * The one way out for e-mail (architecture.md "Mail"): pooled SMTP from SMTP_URL, in a thread of its own
 * (SmtpPoolThread), else `.eml` files in `<DATA_DIR>/outbox` so the demo works offline. Errors from the SMTP
 * server are passed on unchanged (nodemailer's `responseCode`, `code`, `command`), so callers can tell a bounce
 * from a refusal of us.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger('MailTransport');
  private readonly pool: SmtpPoolThread | null;
  /** Loaded at the first file: with SMTP_URL only the pool's thread loads nodemailer (about 9 MB of RSS). */
  private files: Promise<Mail<StreamSentMessageInfo>> | null = null;
  private readonly filesOptions: StreamOptions | null;
  /** Where `.eml` files go when there is no SMTP server; null with SMTP_URL. */
  readonly outboxDir: string | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    const dkim = config.dkim && {
      domainName: config.dkim.domain,
      keySelector: config.dkim.selector,
      privateKey: config.dkim.privateKey.replace(/\\n/g, '\n'),
      headerFieldNames: DKIM_SIGNED_HEADERS,
    };
    const common = { ...NO_ACCESS, ...(dkim ? { dkim } : {}) };
    if (config.smtpUrl) {
      this.pool = new SmtpPoolThread({ ...common, ...POOL, url: config.smtpUrl });
      this.filesOptions = null;
      this.outboxDir = null;
    } else {
      this.pool = null;
      this.filesOptions = { ...common, streamTransport: true, buffer: true, newline: 'windows' };
      this.outboxDir = path.join(config.dataDir, 'outbox');
    }
  }

  async send(mail: OutboundMail): Promise<SentMail> {
    const options = sendOptions(mail);
    if (this.pool) return this.pool.send(options);
    this.files ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(this.filesOptions!),
    );
    const info = await (await this.files).sendMail(options);
    const file = await this.writeOutbox(info.messageId, info.message as Buffer);
    return { messageId: info.messageId, accepted: info.envelope.to, rejected: [], response: `250 written to ${file}` };
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.close();
  }

  private async writeOutbox(messageId: string, message: Buffer): Promise<string> {
    await mkdir(this.outboxDir!, { recursive: true });
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9@._-]/g, '_');
    const file = path.join(this.outboxDir!, `${stamp}-${id}.eml`);
    await writeFile(file, message, { flag: 'wx' });
    this.logger.log(`Wrote ${path.basename(file)} to the outbox (no SMTP_URL)`);
    return file;
  }
}

function sendOptions(mail: OutboundMail): SendMailOptions {
  if (mail.to.length === 0) throw DomainError.invalid('to', 'needs at least one recipient', 'mail.invalid_address');
  const to = mail.to.map((mailbox) => checkedMailbox(mailbox, 'to'));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(mail.headers ?? {})) {
    if (!/^[A-Za-z0-9-]+$/.test(name)) throw DomainError.invalid('headers', `"${name}" is not a header name`);
    headers[name] = singleLine(value);
  }
  if (mail.unsubscribeUrl !== undefined) {
    headers['List-Unsubscribe'] = `<${singleLine(mail.unsubscribeUrl).replace(/[<>\s]/g, '')}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    ...NO_ACCESS,
    from: checkedMailbox(mail.from, 'from'),
    to,
    ...(mail.replyTo ? { replyTo: checkedMailbox(mail.replyTo, 'replyTo') } : {}),
    subject: headerText(mail.subject),
    html: mail.html,
    text: mail.text,
    ...(mail.messageId ? { messageId: singleLine(mail.messageId) } : {}),
    ...(mail.envelopeFrom
      ? { envelope: { from: checkedAddress(mail.envelopeFrom, 'envelopeFrom'), to: to.map((t) => t.address) } }
      : {}),
    headers,
  };
}
