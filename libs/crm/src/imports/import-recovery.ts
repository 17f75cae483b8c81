import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ImportQueue } from './import-queue';
import { ImportJobName } from './import.types';
import { ImportsRepository } from './imports.repository';

/**
 * The database, not Redis, knows which imports are unfinished: at start every one is queued again.
 * The job id is deterministic, so an import whose job is still waiting or running is not queued twice;
 * one whose old job finished or failed without finishing the import gets a new job (`ImportQueue.add`).
 */
@Injectable()
export class ImportRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger('ImportRecovery');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly queue: ImportQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kinds: string[] = Object.values(ImportJobName);
    const unfinished = (await this.imports.unfinished()).filter((i) => kinds.includes(i.kind));
    for (const item of unfinished) await this.queue.add(item.kind as ImportJobName, item.id);
    if (unfinished.length > 0) this.logger.log(`Queued ${unfinished.length} unfinished import(s) again`);
  }
}
