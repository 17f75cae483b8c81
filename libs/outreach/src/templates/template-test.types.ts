/** Job names of the `template-test` queue. */
export enum TemplateTestJobName {
  Send = 'send',
}

/**
 * Ids only (Redis keeps payloads in clear text): the processor reads the caller's address and the
 * template again, so nothing personal sits in Redis and a template deleted meanwhile is skipped.
 */
export interface TemplateTestJobData {
  templateId: string;
  version: number;
  userId: string;
  contactId: string | null;
}
