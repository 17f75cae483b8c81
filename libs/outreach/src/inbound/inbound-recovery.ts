import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InboundIntake } from './inbound-intake.service';

/** How often a worker re-queues stored messages whose job was lost. */
export const INBOUND_SWEEP_MS = 30_000;

/**
 * Redis holds queues only (architecture.md "Persistence"): a message is stored before it is
 * acknowledged, so a job lost with Redis (FLUSHALL, a restart without persistence) is re-queued from
 * `inbound_messages` at start and every 30 seconds; the deterministic job id keeps it single.
 */
@Injectable()
export class InboundRecovery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InboundRecovery');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly intake: InboundIntake) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), INBOUND_SWEEP_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async sweep(): Promise<number> {
    try {
      return await this.intake.requeueUnprocessed();
    } catch (error) {
      this.logger.warn(`Inbound sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
