/** The one job of the `campaign-launch` queue; its payload is the campaign's id only. */
export enum LaunchJobName {
  Launch = 'launch',
}

export interface LaunchJobData {
  campaignId: string;
}

/** One job per campaign: adding it again while it waits or runs is a no-op. */
export function launchJobId(campaignId: string): string {
  return `launch-${campaignId}`;
}

/** Employers per batch; each batch is one transaction. */
export const LAUNCH_BATCH_SIZE = 1000;

/** The skip reasons of api.md, in the order a contact is judged (the first that applies counts). */
export const SKIP_REASONS = ['noEmail', 'noBasis', 'suppressed', 'restricted', 'overlap'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];
export type SkipCounts = Record<SkipReason, number>;

/** `GET /api/campaigns/:id/preview`. */
export interface CampaignLaunchPreview {
  audience: number;
  wouldEnrol: number;
  skipped: SkipCounts;
  /** When the first e-mail would go out; null when nobody would be enrolled. */
  firstSendAt: string | null;
}
