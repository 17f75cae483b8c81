import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { QueueHandlesModule } from './queue-handles';
import { SessionController } from './session.controller';

/** The browser session (POST/DELETE /api/auth/session) and what the queue dashboard needs. */
@Module({
  imports: [AuthModule, QueueHandlesModule],
  controllers: [SessionController],
  exports: [AuthModule],
})
export class AdminModule {}
