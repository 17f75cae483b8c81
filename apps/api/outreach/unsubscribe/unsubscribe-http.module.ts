import { Module } from '@nestjs/common';
import { UnsubscribeModule } from '@app/outreach';
import { UnsubscribeController } from './unsubscribe.controller';

/** `/u/:token`. */
@Module({
  imports: [UnsubscribeModule],
  controllers: [UnsubscribeController],
})
export class UnsubscribeHttpModule {}
