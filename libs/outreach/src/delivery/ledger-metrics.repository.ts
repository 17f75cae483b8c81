import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LEDGER_STATUSES } from './delivery.types';
import type { LedgerStatus } from './delivery.types';

export interface LedgerFigures {
  /** Send-ledger rows by status, every status present (0 when none). */
  byStatus: Record<LedgerStatus, number>;
  /** Messages ever handed to the mail server, whatever happened to them afterwards (a later bounce). */
  sent: number;
}

/**
 * The send ledger's totals for the metrics endpoint, so the delivery code needs no metric calls. A
 * count over the whole ledger: the caller caches it (ScrapeTimeCollector, ~30 s) rather than run it
 * on every scrape of every replica.
 */
@Injectable()
export class LedgerMetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(): Promise<LedgerFigures> {
    const rows: { status: string; n: string; sent: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS n, count(sent_at) AS sent FROM send_ledger GROUP BY status`,
    );
    const byStatus = Object.fromEntries(LEDGER_STATUSES.map((status) => [status, 0])) as Record<LedgerStatus, number>;
    let sent = 0;
    for (const row of rows) {
      if (row.status in byStatus) byStatus[row.status as LedgerStatus] = Number(row.n);
      sent += Number(row.sent);
    }
    return { byStatus, sent };
  }
}
