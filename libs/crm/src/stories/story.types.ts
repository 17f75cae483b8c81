import { SbiVersion } from '../validation/sbi';

/** The `entity` story changes are audited under. */
export const STORY_AUDIT_ENTITY = 'story';

/** Create body (`employerId`, `title`, `summary`, `published` required) and update body (all optional). */
export interface StoryInput {
  employerId?: string;
  title?: string;
  summary?: string;
  quote?: string | null;
  consentAt?: string | null;
  expiresAt?: string | null;
  published?: boolean;
}

/** The stored fields a person writes (checked and normalised). */
export interface StoryValues {
  title: string;
  summary: string;
  quote: string | null;
  consentAt: string | null;
  expiresAt: string | null;
  published: boolean;
}

/** A stored story with what it takes from its employer. */
export interface StoryRecord extends StoryValues {
  id: string;
  employerId: string;
  employerName: string;
  regionId: string;
  sbiVersion: SbiVersion | null;
  sbiSection: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoryResponse extends StoryValues {
  id: string;
  employerId: string;
  employerName: string;
  /** The employer's region and sector (a story has none of its own). */
  regionId: string;
  sbiVersion: SbiVersion | null;
  sbiSection: string | null;
  /** Published, consented (on or before today) and not expired (today counts), in Europe/Amsterdam days. */
  usable: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const STORY_SORT_FIELDS = ['createdAt', 'updatedAt', 'consentAt', 'expiresAt', 'title'] as const;
export type StorySortField = (typeof STORY_SORT_FIELDS)[number];

export interface StoryListQuery {
  sbiSection?: string;
  regionId?: string;
  employerId?: string;
  usable?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

/** A checked list filter; `regionIds` null means every region, `today` is the Amsterdam date `usable` is judged on. */
export interface StoryFilter {
  regionIds: string[] | null;
  employerId?: string;
  sbi?: { version: SbiVersion; section: string };
  usable?: boolean;
  today: string;
}

/** What `{{> story}}` needs: the best usable story for a sector, preferring the region's own. */
export interface UsableStoryQuery {
  regionId: string;
  sbiVersion: SbiVersion;
  sbiSection: string;
}
