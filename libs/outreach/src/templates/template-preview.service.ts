import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, assertUuid, DomainError } from '@app/core';
import type { AppConfig, ErrorDetail } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { RenderContextBuilder } from './render-context.builder';
import { renderTemplate } from './render-template';
import { CompiledTemplate, TemplateCompiler } from './template-compiler';
import { assertRenderable, checkSource } from './template-input';
import { TemplateRenderer } from './template-renderer';
import { TemplateTestQueue } from './template-test.queue';
import { TemplateService } from './template.service';
import { RenderContext, RenderedMessage, TemplateRecord } from './template.types';

export interface PreviewInput {
  contactId?: string;
  version?: number;
  /** An unsaved draft: each part left out is the current version's. */
  subject?: string;
  html?: string;
  text?: string | null;
}

export interface TestSendInput {
  to?: string;
  contactId?: string;
}

export interface TestSendAccepted {
  templateId: string;
  version: number;
  to: string;
}

/** Previews and test-sends of a template, for the people who write them. */
@Injectable()
export class TemplatePreviewService {
  constructor(
    private readonly templates: TemplateService,
    private readonly renderer: TemplateRenderer,
    private readonly compiler: TemplateCompiler,
    private readonly contexts: RenderContextBuilder,
    private readonly queue: TemplateTestQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Against a contact of the caller's regions, or placeholder values; the unsubscribe link goes nowhere.
   * With draft parts the editor's unsaved text is rendered (checked like a save), so the preview is live.
   */
  async preview(principal: Principal, id: string, input: PreviewInput): Promise<RenderedMessage> {
    const template = await this.templates.find(principal, id);
    const contactId = input.contactId === undefined ? undefined : assertUuid(input.contactId, 'contactId');
    if (!isDraft(input)) {
      const compiled = await this.saved(template, input.version);
      return renderTemplate(compiled, await this.context(principal, template, contactId, compiled.usesStory));
    }
    // A draft is checked first but its 400/422 is reported only after the contact's 404 (api.md precedence).
    const draft = this.compileDraft(input, template);
    const context = await this.context(principal, template, contactId, draft.compiled?.usesStory ?? false);
    if (!draft.compiled) throw draft.problem;
    return renderTemplate(draft.compiled, context);
  }

  /**
   * Queues the current version for the caller's own address (202): a test goes to oneself only, so
   * `to` may be left out or must be that address (else 400). Sending happens in the worker.
   */
  async testSend(principal: Principal, id: string, input: TestSendInput): Promise<TestSendAccepted> {
    const template = await this.templates.find(principal, id);
    const contactId = input.contactId === undefined ? null : assertUuid(input.contactId, 'contactId');
    if (input.to !== undefined && input.to.trim().toLowerCase() !== principal.email.toLowerCase()) {
      throw DomainError.invalid('to', 'a test e-mail goes only to your own address');
    }
    if (contactId !== null) await this.context(principal, template, contactId, false);
    await this.queue.add({ templateId: template.id, version: template.version, userId: principal.id, contactId });
    return { templateId: template.id, version: template.version, to: principal.email };
  }

  private async saved(template: TemplateRecord, requested: number | undefined): Promise<CompiledTemplate> {
    const version = requested ?? template.version;
    if (version < 1 || version > template.version) throw DomainError.notFound('template_version');
    return this.renderer.compiled({ templateId: template.id, version });
  }

  /**
   * The draft compiled, or the 400/422 it gets (checked like a save), for the caller to throw in turn.
   * Not cached: a draft changes with every keystroke and is never sent.
   */
  private compileDraft(input: PreviewInput, template: TemplateRecord): DraftOutcome {
    if (input.version !== undefined) {
      return { problem: DomainError.invalid('version', 'cannot be combined with a draft') };
    }
    const errors: ErrorDetail[] = [];
    const source = checkSource(input, template, errors);
    if (errors.length > 0) return { problem: DomainError.invalidMany(errors) };
    try {
      assertRenderable(source);
    } catch (problem) {
      if (problem instanceof DomainError) return { problem };
      throw problem;
    }
    return { compiled: this.compiler.compile(source) };
  }

  private async context(
    principal: Principal,
    template: TemplateRecord,
    contactId: string | undefined,
    withStory: boolean,
  ): Promise<RenderContext> {
    const unsubscribeUrl = previewUnsubscribeUrl(this.config);
    if (contactId === undefined) {
      return this.contexts.sample({ senderId: principal.id, regionId: template.regionId, unsubscribeUrl });
    }
    const found = await this.contexts.forContact({
      contactId,
      senderId: principal.id,
      regionIds: RegionScope.of(principal).sqlRegionIds,
      unsubscribeUrl,
      withStory,
    });
    if (!found) throw DomainError.notFound('contact');
    return found.context;
  }
}

type DraftOutcome =
  { compiled: CompiledTemplate; problem?: undefined } | { compiled?: undefined; problem: DomainError };

function isDraft(input: PreviewInput): boolean {
  return input.subject !== undefined || input.html !== undefined || input.text !== undefined;
}

/** A harmless stand-in: previews and tests must never carry a working unsubscribe token. */
export function previewUnsubscribeUrl(config: AppConfig): string {
  return `${config.publicUrl}/u/preview`;
}
