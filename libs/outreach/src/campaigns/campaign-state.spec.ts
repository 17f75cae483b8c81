import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES, campaignTransition, CampaignStatus, isEditable } from './campaign-state';

// Every state × action; `null` is a refusal (409 over HTTP).
const TABLE: Record<CampaignStatus, Record<string, CampaignStatus | null>> = {
  draft: {
    schedule: 'scheduled',
    launch: 'launching',
    start: null,
    pause: null,
    resume: null,
    complete: null,
    cancel: 'cancelled',
  },
  scheduled: {
    schedule: null,
    launch: 'launching',
    start: null,
    pause: null,
    resume: null,
    complete: null,
    cancel: 'cancelled',
  },
  launching: {
    schedule: null,
    launch: null,
    start: 'running',
    pause: null,
    resume: null,
    complete: null,
    cancel: 'cancelled',
  },
  running: {
    schedule: null,
    launch: null,
    start: null,
    pause: 'paused',
    resume: null,
    complete: 'completed',
    cancel: 'cancelled',
  },
  paused: {
    schedule: null,
    launch: null,
    start: null,
    pause: null,
    resume: 'running',
    complete: 'completed',
    cancel: 'cancelled',
  },
  completed: {
    schedule: null,
    launch: null,
    start: null,
    pause: null,
    resume: null,
    complete: null,
    cancel: null,
  },
  cancelled: {
    schedule: null,
    launch: null,
    start: null,
    pause: null,
    resume: null,
    complete: null,
    cancel: null,
  },
};

const CASES = CAMPAIGN_STATUSES.flatMap((from) =>
  CAMPAIGN_ACTIONS.map((action) => [from, action, TABLE[from][action]] as const),
);

describe('campaignTransition', () => {
  it('should cover every status and action in the table', () => {
    expect(CASES).toHaveLength(CAMPAIGN_STATUSES.length * CAMPAIGN_ACTIONS.length);
    for (const [, , to] of CASES) expect(to === null || CAMPAIGN_STATUSES.includes(to)).toBe(true);
  });

  it.each(CASES)('should move %s on %s to %p', (from, action, to) => {
    const result = campaignTransition(from, action);
    if (to === null) {
      expect(result).toEqual({ ok: false, reason: expect.stringContaining(`cannot ${action} a ${from} campaign`) });
    } else {
      expect(result).toEqual({ ok: true, to });
    }
  });

  it('should name the states an action is allowed from when it refuses', () => {
    expect(campaignTransition('draft', 'pause')).toEqual({
      ok: false,
      reason: 'cannot pause a draft campaign; pause is allowed from: running',
    });
  });
});

describe('isEditable', () => {
  it.each(CAMPAIGN_STATUSES.map((status) => [status, status === 'draft' || status === 'scheduled']))(
    'should say %s campaigns editable: %p',
    (status, editable) => {
      expect(isEditable(status as CampaignStatus)).toBe(editable);
    },
  );
});
