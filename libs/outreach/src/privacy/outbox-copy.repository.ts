import { Injectable, Logger } from '@nestjs/common';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { MailTransport } from '@app/core';

/**
 * Copies of sent mail kept as `.eml` files in the outbox (no SMTP_URL: the demo and offline use).
 * They hold names and addresses like any message, so erasure and retention remove them too.
 */
@Injectable()
export class OutboxCopyRepository {
  private readonly logger = new Logger('OutboxCopyRepository');

  constructor(private readonly mail: MailTransport) {}

  /**
   * Removes every copy that mentions the address (any case); returns how many. Throws when a copy
   * cannot be read or removed: the erasure must fail (and be retried) rather than report done.
   */
  async removeMentioning(address: string): Promise<number> {
    const needle = address.toLowerCase();
    return this.remove(async (file) => (await readFile(file, 'utf8')).toLowerCase().includes(needle), true);
  }

  /** Removes copies last written before `before`; returns how many. */
  async removeOlderThan(before: Date): Promise<number> {
    return this.remove(async (file) => (await stat(file)).mtime < before);
  }

  private async remove(matches: (file: string) => Promise<boolean>, strict = false): Promise<number> {
    const dir = this.mail.outboxDir;
    if (!dir) return 0;
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => name.endsWith('.eml'));
    } catch {
      return 0; // No outbox yet: nothing was ever written.
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (await matches(file)) {
          await unlink(file);
          removed += 1;
        }
      } catch (error) {
        // Another process may have removed it first; anything else is worth a line (retention: the next
        // night tries again) or, when strict, a failure.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        if (strict) throw error;
        this.logger.warn(`${name}: ${String(error)}`);
      }
    }
    return removed;
  }
}
