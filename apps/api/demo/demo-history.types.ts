import type { Stage } from './demo-employers';

/**
 * The relationship history of a demo employer, in whole days before the day the demo is filled
 * (`daysAgo`), so it stays recent whenever the demo starts; the seed repository turns days into dates.
 */
export type Cause = 'manual' | 'trajectory' | 'story';

export interface DemoStageStep {
  to: Stage;
  daysAgo: number;
  cause: Cause;
  reason: string | null;
}

export interface DemoActivity {
  type: 'call' | 'meeting' | 'note' | 'email';
  daysAgo: number;
  summary: string;
  /** Calls, meetings and e-mails are with the employer's primary contact. */
  withContact: boolean;
}

export interface DemoTask {
  title: string;
  /** Negative: due in the past. */
  dueInDays: number;
  doneDaysAgo: number | null;
}

export interface DemoTrajectory {
  route: 'sw_internal' | 'sw_secondment' | 'direct';
  startedDaysAgo: number;
  forOwnEmployee: boolean;
  /** The SW-bedrijf a pilot runs at or via (by name). */
  host: string | null;
  crebo: string;
  werkprocessen: string[];
  candidateRef: string;
  status: 'intake' | 'agreed' | 'learning' | 'assessment' | 'certified' | 'stopped';
  praktijkverklaringDaysAgo: number | null;
  stoppedDaysAgo: number | null;
  outcome: 'employed_at_host' | 'employed_at_sw' | 'further_education' | 'other' | 'unknown' | null;
}

export interface DemoStory {
  title: string;
  summary: string;
  quote: string | null;
  consentDaysAgo: number | null;
  /** Days from the demo day; null: no expiry. */
  expiresInDays: number | null;
  published: boolean;
  daysAgo: number;
}

export interface EmployerHistory {
  employer: string;
  /** The day it entered the funnel as a prospect (its creation). */
  enteredDaysAgo: number;
  /** After the first `prospect`, oldest first; the last one is the employer's stage. */
  steps: DemoStageStep[];
  /** For a side state: the pipeline stage it had before. */
  stageBeforeSide: Stage | null;
  activities: DemoActivity[];
  tasks: DemoTask[];
  trajectories: DemoTrajectory[];
  stories: DemoStory[];
}

/** About 18 months; nothing in the history is older. */
export const HISTORY_DAYS = 540;
