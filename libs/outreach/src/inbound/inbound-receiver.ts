import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { InboundIntake } from './inbound-intake.service';
import { MAX_INBOUND_BYTES } from './inbound.types';

/**
 * The inbound SMTP receiver (architecture.md "Mail") on INBOUND_SMTP_PORT (0: a free port, see `port`):
 * the MX of INBOUND_DOMAIN. It refuses every recipient but a genuine `reply+<token>@INBOUND_DOMAIN`
 * and any message over 10 MB, and answers 250 only once the message is stored.
 */
@Injectable()
export class InboundReceiver implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InboundReceiver');
  private server: SMTPServer | null = null;
  private boundPort: number | null = null;

  constructor(
    private readonly intake: InboundIntake,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The port it listens on; null when it is not listening. */
  get port(): number | null {
    return this.boundPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = this.createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.config.inboundSmtpPort, () => resolve());
      });
      server.on('error', (error: Error) => this.logger.warn(`Inbound SMTP error: ${error.message}`));
      this.server = server;
      this.boundPort = (server.server.address() as AddressInfo).port;
      this.logger.log(`Inbound SMTP listening on port ${this.boundPort}`);
    } catch (error) {
      // Another process on this host already receives (e.g. a second worker): this one only processes.
      this.logger.error(`Inbound SMTP not started on port ${this.config.inboundSmtpPort}: ${(error as Error).message}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.boundPort = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private createServer(): SMTPServer {
    return new SMTPServer({
      logger: false,
      name: this.config.inboundDomain,
      banner: 'Vliegwiel inbound',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_INBOUND_BYTES,
      closeTimeout: 1000,
      onRcptTo: (address, _session, callback) => {
        if (this.intake.ledgerIdFor(address.address)) callback();
        else callback(smtpError(550, '5.1.1 No such recipient here'));
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client gets the refusal after its DATA.
      if (size <= MAX_INBOUND_BYTES) chunks.push(chunk);
    });
    stream.on('error', (error: Error) => callback(error));
    stream.on('end', () => {
      if (stream.sizeExceeded || size > MAX_INBOUND_BYTES) {
        callback(smtpError(552, '5.3.4 Message too big'));
        return;
      }
      const recipient = session.envelope.rcptTo[0]?.address ?? '';
      const ledgerId = this.intake.ledgerIdFor(recipient);
      if (!ledgerId) return callback(smtpError(550, '5.1.1 No such recipient here'));
      const mailFrom = session.envelope.mailFrom;
      this.intake
        .accept(Buffer.concat(chunks), { from: mailFrom ? mailFrom.address : null, to: recipient, ledgerId })
        .then(() => callback())
        .catch((error: Error) => {
          this.logger.error(`Inbound message not stored: ${error.message}`);
          callback(smtpError(451, '4.3.0 Temporary failure, please try again'));
        });
    });
  }
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
