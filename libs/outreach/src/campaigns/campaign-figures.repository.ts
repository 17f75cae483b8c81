import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { CampaignProgress, CampaignStats } from './campaign.types';

export interface CampaignFigures {
  progress: CampaignProgress;
  stats: CampaignStats;
}

interface CounterRow {
  id: string;
  audience: number;
  skipped_no_email: number;
  skipped_no_basis: number;
  skipped_suppressed: number;
  skipped_restricted: number;
  skipped_overlap: number;
}

/**
 * The figures of `GET /api/campaigns/:id`. `audience` and `skipped` are the launch's counters on the
 * campaign row. Enrolments and the send ledger do not exist yet (the send wave adds them), so
 * `enrolled`, `waitingForPressure` and every `stats` figure are 0 until that wave counts them here.
 */
@Injectable()
export class CampaignFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(campaignIds: string[]): Promise<Map<string, CampaignFigures>> {
    if (campaignIds.length === 0) return new Map();
    const rows: CounterRow[] = await managerFor(this.dataSource).query(
      `SELECT id, audience, skipped_no_email, skipped_no_basis, skipped_suppressed, skipped_restricted, skipped_overlap
       FROM campaigns WHERE id = ANY($1::uuid[])`,
      [campaignIds],
    );
    return new Map(rows.map((row) => [row.id, toFigures(row)]));
  }
}

function toFigures(row: CounterRow): CampaignFigures {
  return {
    progress: {
      audience: row.audience,
      enrolled: 0,
      skipped: {
        noEmail: row.skipped_no_email,
        noBasis: row.skipped_no_basis,
        suppressed: row.skipped_suppressed,
        restricted: row.skipped_restricted,
        overlap: row.skipped_overlap,
      },
      waitingForPressure: 0,
    },
    stats: {
      sent: 0,
      bounced: 0,
      blocked: 0,
      replied: 0,
      unsubscribed: 0,
      exited: 0,
      converted: 0,
      failed: 0,
      unknown: 0,
    },
  };
}
