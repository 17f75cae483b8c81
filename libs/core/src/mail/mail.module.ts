import { Global, Module } from '@nestjs/common';
import { MailTransport } from './mail-transport';

/** The outbound mail transport for every lib (campaign mail, test-sends, task digests). Needs config and clock. */
@Global()
@Module({ providers: [MailTransport], exports: [MailTransport] })
export class MailModule {}
