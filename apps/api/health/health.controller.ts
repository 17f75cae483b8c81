import { Controller, Get } from '@nestjs/common';
import { Public } from '@app/auth';

/** Liveness without I/O; readiness (database, Redis, workers) arrives with issue 6. */
@Controller('health')
export class HealthController {
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
