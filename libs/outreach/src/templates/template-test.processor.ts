import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, DomainError, isUuid, MailTransport, QueueName } from '@app/core';
import type { AppConfig } from '@app/core';
import { RenderContextBuilder } from './render-context.builder';
import { RenderContextRepository } from './render-context.repository';
import { renderTemplate } from './render-template';
import { previewUnsubscribeUrl } from './template-preview.service';
import { TemplateRenderer } from './template-renderer';
import { TemplateTestJobData, TemplateTestJobName } from './template-test.types';
import { TemplateRepository } from './template.repository';

/**
 * The `template-test` queue: renders one version and mails it to the user who asked, as they are now
 * (a user disabled, or a template or contact gone or out of their regions since, is skipped).
 */
@Processor(QueueName.TemplateTest)
export class TemplateTestProcessor extends WorkerHost {
  private readonly logger = new Logger('TemplateTestProcessor');

  constructor(
    private readonly users: RenderContextRepository,
    private readonly templates: TemplateRepository,
    private readonly renderer: TemplateRenderer,
    private readonly contexts: RenderContextBuilder,
    private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<TemplateTestJobData>): Promise<string> {
    if (job.name !== TemplateTestJobName.Send) throw new UnrecoverableError(`Unknown template-test job "${job.name}"`);
    const { templateId, version, userId, contactId } = job.data;
    if (!isUuid(templateId) || !isUuid(userId) || !Number.isInteger(version) || (contactId && !isUuid(contactId))) {
      throw new UnrecoverableError(`Job ${job.id} has a malformed payload`);
    }
    const user = await this.users.user(userId);
    if (!user || user.disabled) return 'skipped: user gone or disabled';
    const regionIds = user.role === 'admin' ? null : user.region_ids;
    const template = await this.templates.findById(templateId, regionIds);
    if (!template || version > template.version) return 'skipped: template gone or out of reach';

    const compiled = await this.renderer.compiled({ templateId, version });
    const unsubscribeUrl = previewUnsubscribeUrl(this.config);
    const context = contactId
      ? (await this.contexts.forContact({ contactId, senderId: userId, regionIds, unsubscribeUrl }))?.context
      : await this.contexts.sample({ senderId: userId, regionId: template.regionId, unsubscribeUrl });
    if (!context) return 'skipped: contact gone or out of reach';

    const message = renderTemplate(compiled, context);
    const self = { name: user.name, address: user.email };
    try {
      const sent = await this.mail.send({
        from: self,
        to: [self],
        subject: `[TEST] ${message.subject}`,
        html: message.html,
        text: message.text,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return `sent ${sent.messageId}`;
    } catch (error) {
      if (error instanceof DomainError || permanent(error)) {
        this.logger.warn(`Test-send of template ${templateId} v${version} failed: ${(error as Error).message}`);
        throw new UnrecoverableError((error as Error).message);
      }
      throw error;
    }
  }
}

/** A 5xx from the SMTP server will not change on a retry. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}
