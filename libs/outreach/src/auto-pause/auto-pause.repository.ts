import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { updatedRows } from '../delivery/updated-rows';

/** The campaign an auto-pause stopped: who to tell. */
export interface PausedCampaign {
  name: string;
  sender_id: string;
}

/** The employer a task about the pause hangs on (a task always belongs to one). */
export interface PauseEmployer {
  id: string;
  region_id: string;
}

@Injectable()
export class AutoPauseRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  /** `running → paused`; null when it was not running (another message paused it first). */
  async pause(campaignId: string, at: Date): Promise<PausedCampaign | null> {
    const rows = updatedRows<PausedCampaign>(
      await this.db.query(
        `UPDATE campaigns SET status = 'paused', updated_at = $2 WHERE id = $1 AND status = 'running'
         RETURNING name, sender_id`,
        [campaignId, at],
      ),
    );
    return rows[0] ?? null;
  }

  async employerOfContact(contactId: string): Promise<PauseEmployer | null> {
    const [row]: PauseEmployer[] = await this.db.query(
      `SELECT o.id, o.region_id FROM contacts c JOIN organisations o ON o.id = c.organisation_id WHERE c.id = $1`,
      [contactId],
    );
    return row ?? null;
  }
}
