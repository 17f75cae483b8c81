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

/**
 * Employers per batch; each batch is one transaction. 5,000 rather than 1,000: the per-batch round trips
 * (locks, checkpoint) cost a third of a large launch at 1,000 (docs/benchmarks.md, a); a batch stays well
 * under a second, so a cancel still waits at most that long.
 */
export const LAUNCH_BATCH_SIZE = 5000;

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
