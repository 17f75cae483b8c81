import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerError } from 'smtp-server';

/** One message the sink accepted: the SMTP envelope, the bytes as received and mailparser's reading of them. */
export interface SinkMessage {
  envelope: { mailFrom: string | null; rcptTo: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * What the sink does with one message after its content arrived: `drop` closes the connection without
 * an answer (the sink keeps the message: the client cannot know it arrived), `tarpit` answers 250 only
 * after `ms`, `refuse` answers with the given code.
 */
export type SinkDataFault =
  { kind: 'drop' } | { kind: 'tarpit'; ms: number } | { kind: 'refuse'; code: number; message: string };

export interface SmtpSinkOptions {
  /**
   * Refuse a recipient at RCPT TO, e.g. `{ code: 550, message: '5.1.1 No such user' }`; undefined accepts.
   * `attempt` counts this address's RCPT commands so far, from 1 (a 451 the first time only, say).
   */
  rejectRcpt?: (address: string, attempt: number) => { code: number; message: string } | undefined;
  /** A fault after DATA for this recipient (see SinkDataFault); undefined answers 250 at once. */
  afterData?: (address: string, attempt: number) => SinkDataFault | undefined;
  /** Refuse every AUTH attempt with 535 (a client that sends no credentials is still accepted). */
  rejectAuth?: boolean;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string;
  port: number;
  /** Everything accepted so far, in arrival order (a dropped or refused message is not accepted). */
  messages: SinkMessage[];
  /** Messages whose content arrived but whose connection the sink dropped (`afterData` → drop). */
  dropped: SinkMessage[];
  /** RCPT TO commands per recipient address (lower-case), accepted or not. */
  rcptAttempts: Map<string, number>;
  /** SMTP connections opened to the sink so far. */
  connections(): number;
  /**
   * Every message whose content arrived (accepted, dropped or tarpitted), counted by the ledger id in
   * its Message-ID (`<ledger-id@domain>`): more than 1 is a duplicate send.
   */
  receivedByLedgerId(): Map<string, number>;
  /** Resolves once at least `count` messages have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free local port for tests (no TLS, AUTH optional): collects every message in
 * memory. Usage: `const sink = await startSmtpSink(); startTestApp({ SMTP_URL: sink.url }); await sink.waitFor(1)`.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const dropped: SinkMessage[] = [];
  const refused: SinkMessage[] = [];
  const rcptAttempts = new Map<string, number>();
  const dataAttempts = new Map<string, number>();
  const waiters = new Set<() => void>();
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      callback();
    },
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    closeTimeout: 200,
    onAuth(_auth, _session, callback) {
      if (options.rejectAuth) callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
      else callback(null, { user: 'sink' });
    },
    onRcptTo(address, _session, callback) {
      const key = address.address.toLowerCase();
      const attempt = (rcptAttempts.get(key) ?? 0) + 1;
      rcptAttempts.set(key, attempt);
      const refusal = options.rejectRcpt?.(address.address, attempt);
      callback(refusal ? smtpError(refusal.code, refusal.message) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const { mailFrom, rcptTo } = session.envelope;
            const message: SinkMessage = {
              envelope: { mailFrom: mailFrom ? mailFrom.address : null, rcptTo: rcptTo.map((r) => r.address) },
              raw,
              parsed,
            };
            const first = (rcptTo[0]?.address ?? '').toLowerCase();
            const attempt = (dataAttempts.get(first) ?? 0) + 1;
            dataAttempts.set(first, attempt);
            const fault = options.afterData?.(first, attempt);
            if (fault?.kind === 'drop') {
              dropped.push(message);
              // No answer at all: the client sees the connection close after it sent the whole message.
              for (const connection of server.connections as Set<{ id: string; _socket?: { destroy(): void } }>) {
                if (connection.id === session.id) connection._socket?.destroy();
              }
              return;
            }
            if (fault?.kind === 'refuse') {
              refused.push(message);
              callback(smtpError(fault.code, fault.message));
              return;
            }
            const accept = () => {
              messages.push(message);
              waiters.forEach((wake) => wake());
              callback();
            };
            if (fault?.kind === 'tarpit') setTimeout(accept, fault.ms);
            else accept();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    dropped,
    rcptAttempts,
    connections: () => connections,
    receivedByLedgerId() {
      const counts = new Map<string, number>();
      for (const message of [...messages, ...dropped]) {
        const id = ledgerIdOf(message);
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    },
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The ledger id a campaign message carries in its Message-ID (`<id@INBOUND_DOMAIN>`), else null. */
export function ledgerIdOf(message: SinkMessage): string | null {
  return /^<?([0-9a-f-]{36})@/i.exec(message.parsed.messageId ?? '')?.[1]?.toLowerCase() ?? null;
}

function smtpError(code: number, message: string): SMTPServerError {
  const error: SMTPServerError = new Error(message);
  error.responseCode = code;
  return error;
}
