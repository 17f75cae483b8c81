import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { CompiledTemplateCache } from './compiled-template.cache';
import { renderTemplate } from './render-template';
import { CompiledTemplate } from './template-compiler';
import { TemplateRepository } from './template.repository';
import { RenderContext, RenderedMessage, TemplateVersionRef } from './template.types';

/**
 * Renders a template version (compiled once per process and version) with a render context from
 * `RenderContextBuilder`. Access to the template is the caller's business: campaigns and previews
 * check it before they get here.
 */
@Injectable()
export class TemplateRenderer {
  constructor(
    private readonly cache: CompiledTemplateCache,
    private readonly templates: TemplateRepository,
  ) {}

  /** The compiled version; 404 `template_version` when it does not exist (any more). */
  async compiled(ref: TemplateVersionRef): Promise<CompiledTemplate> {
    const compiled = await this.cache.get(ref, () => this.templates.findVersion(ref.templateId, ref.version));
    if (!compiled) throw DomainError.notFound('template_version');
    return compiled;
  }

  async render(ref: TemplateVersionRef, context: RenderContext): Promise<RenderedMessage> {
    return renderTemplate(await this.compiled(ref), context);
  }
}
