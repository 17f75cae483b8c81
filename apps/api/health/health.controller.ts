import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@app/auth';
import { Readiness, ReadinessService } from './readiness.service';

/** Liveness without I/O; readiness checks the database, Redis and the workers' progress (api.md). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when ready, else 503 with `down` naming what is not (database, redis, workers). */
  @Public()
  @Get('ready')
  ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    return this.answer(res);
  }

  @Public()
  @Get()
  health(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    return this.answer(res);
  }

  private async answer(res: Response): Promise<Readiness> {
    const readiness = await this.readiness.check();
    res.status(readiness.status === 'ok' ? 200 : 503);
    // A load balancer must never get a cached answer.
    res.setHeader('Cache-Control', 'no-store');
    return readiness;
  }
}
