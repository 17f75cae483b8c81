import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '@app/auth';
import { RedisClientModule } from '@app/core';
import { RateLimitGuard } from './rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The request rate limit shared by every api replica (see RateLimitGuard). */
@Module({
  imports: [AuthModule, RedisClientModule],
  providers: [RedisThrottlerStorage, { provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
