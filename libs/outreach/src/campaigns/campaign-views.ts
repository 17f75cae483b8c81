import { Injectable } from '@nestjs/common';
import { CampaignFiguresRepository } from './campaign-figures.repository';
import { CampaignRecord, CampaignResponse, CampaignSummary } from './campaign.types';

/** Campaign records as API responses: the definition with ISO times, plus progress and stats. */
@Injectable()
export class CampaignViews {
  constructor(private readonly figures: CampaignFiguresRepository) {}

  async one(record: CampaignRecord): Promise<CampaignResponse> {
    const [response] = await this.many([record]);
    return response;
  }

  async many(records: CampaignRecord[]): Promise<CampaignResponse[]> {
    const figures = await this.figures.figures(records.map((record) => record.id));
    return records.map((record) => ({ ...toSummary(record), ...figures.get(record.id)! }));
  }
}

/** The definition and state, as the audit log keeps it (no figures: they change without an edit). */
export function toSummary(record: CampaignRecord): CampaignSummary {
  return {
    id: record.id,
    regionId: record.regionId,
    name: record.name,
    status: record.status,
    segmentId: record.segmentId,
    senderId: record.senderId,
    steps: record.steps,
    contactScope: record.contactScope,
    exitStage: record.exitStage,
    sendWindow: record.sendWindow,
    maxPerHour: record.maxPerHour,
    launchAt: iso(record.launchAt),
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    launchedAt: iso(record.launchedAt),
    completedAt: iso(record.completedAt),
    cancelledAt: iso(record.cancelledAt),
  };
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
