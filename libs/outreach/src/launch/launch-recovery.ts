import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LaunchQueue } from './launch-queue';
import { LaunchRepository } from './launch.repository';

/** How often a running worker checks that every pending launch still has its job (Redis may be emptied). */
export const LAUNCH_RECOVERY_INTERVAL_MS = 30_000;

/**
 * The database knows which launches are pending (scheduled or launching campaigns): at start every
 * one gets its job again (one that finished or failed without finishing the launch is replaced), and
 * every 30 seconds a job that went missing from Redis is added again.
 */
@Injectable()
export class LaunchRecovery implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LaunchRecovery');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly launches: LaunchRepository,
    private readonly queue: LaunchQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.recover(true);
    if (count > 0) this.logger.log(`Queued ${count} pending campaign launch(es) again`);
    this.timer = setInterval(() => {
      this.recover(false).catch((error: Error) => this.logger.warn(`Launch recovery failed: ${error.message}`));
    }, LAUNCH_RECOVERY_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Ensures each pending launch has a job; returns how many launches are pending. */
  async recover(replaceFinished: boolean): Promise<number> {
    const pending = await this.launches.pending();
    for (const campaign of pending) {
      const runAt = campaign.status === 'scheduled' ? campaign.launchAt : null;
      await this.queue.ensure(campaign.id, runAt, replaceFinished);
    }
    return pending.length;
  }
}
