/** The life of a campaign (api.md "Outreach", states). */
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'launching',
  'running',
  'paused',
  'completed',
  'cancelled',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * What moves a campaign. `pause`, `resume` and `cancel` are HTTP actions; `schedule` and `launch`
 * belong to `POST /launch` (a future `launchAt` schedules, otherwise it launches), `start` to the
 * end of enrolment, `complete` to the last enrolment finishing. Auto-pause uses `pause` too.
 */
export const CAMPAIGN_ACTIONS = ['schedule', 'launch', 'start', 'pause', 'resume', 'complete', 'cancel'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

const TRANSITIONS: Record<CampaignAction, Partial<Record<CampaignStatus, CampaignStatus>>> = {
  schedule: { draft: 'scheduled' },
  launch: { draft: 'launching', scheduled: 'launching' },
  start: { launching: 'running' },
  pause: { running: 'paused' },
  resume: { paused: 'running' },
  // A paused campaign can finish too: replies and opt-outs exit enrolments while it sends nothing.
  complete: { running: 'completed', paused: 'completed' },
  cancel: {
    draft: 'cancelled',
    scheduled: 'cancelled',
    launching: 'cancelled',
    running: 'cancelled',
    paused: 'cancelled',
  },
};

export type CampaignTransition = { ok: true; to: CampaignStatus } | { ok: false; reason: string };

/** The status after `action`, or why a campaign in status `from` refuses it (a 409 for callers). */
export function campaignTransition(from: CampaignStatus, action: CampaignAction): CampaignTransition {
  const to = TRANSITIONS[action][from];
  if (to) return { ok: true, to };
  const allowed = Object.keys(TRANSITIONS[action]).join(', ');
  return { ok: false, reason: `cannot ${action} a ${from} campaign; ${action} is allowed from: ${allowed}` };
}

/** The definition may change only before launch. */
export function isEditable(status: CampaignStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}
