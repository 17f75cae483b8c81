import { TemplateVariables } from './template-variables';

/** The `entity` template changes are audited under. */
export const TEMPLATE_AUDIT_ENTITY = 'template';

/** One immutable version of a template; campaigns keep the version they launched with. */
export interface TemplateVersionRef {
  templateId: string;
  version: number;
}

/** The sources of one version. `text` null: the plain-text part is generated from the HTML. */
export interface TemplateSource {
  subject: string;
  html: string;
  text: string | null;
}

/** A usable success story for `{{> story}}` (published with the employer's consent). */
export interface StoryExcerpt {
  title: string;
  summary: string;
  quote: string | null;
  employerName: string;
}

/** Everything one message is rendered from. `now` feeds `{{formatDate}}` without an argument. */
export interface RenderContext {
  variables: TemplateVariables;
  story: StoryExcerpt | null;
  now: Date;
}

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
}

export interface TemplateInput {
  regionId?: string | null;
  name?: string;
  subject?: string;
  html?: string;
  text?: string | null;
}

export interface TemplateRecord extends TemplateSource {
  id: string;
  regionId: string | null;
  name: string;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  versionCreatedBy: string | null;
  versionCreatedAt: Date;
}

export interface TemplateVersionRecord extends TemplateSource {
  templateId: string;
  version: number;
  createdBy: string | null;
  createdAt: Date;
}

/** A template with its current version; `regionId` null = national. */
export interface TemplateResponse extends TemplateSource {
  id: string;
  regionId: string | null;
  name: string;
  /** The current version's number; every change of subject, html or text adds one. */
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A list row: the template and its current subject, without the bodies. */
export type TemplateSummary = Omit<TemplateResponse, 'html' | 'text'>;

export interface TemplateVersionResponse extends TemplateSource {
  templateId: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
}

export const TEMPLATE_SORT_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;
export type TemplateSortField = (typeof TEMPLATE_SORT_FIELDS)[number];

export interface TemplateListQuery {
  regionId?: string;
  /** `true`: only national templates; `false`: only regional ones. */
  national?: string;
  q?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
}

export interface TemplateListFilter {
  /** null: every region (admins); national templates are always included unless `national` is false. */
  regionIds: string[] | null;
  national?: boolean;
  q?: string;
}

export const TEMPLATE_LIMITS = { name: 200, subject: 500, html: 200_000, text: 100_000 } as const;
