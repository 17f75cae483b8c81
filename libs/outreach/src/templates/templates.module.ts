import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@app/core';
import { StoriesModule } from '@app/crm';
import { CompiledTemplateCache } from './compiled-template.cache';
import { RenderContextBuilder } from './render-context.builder';
import { RenderContextRepository } from './render-context.repository';
import { TemplateCompiler } from './template-compiler';
import { TemplatePreviewService } from './template-preview.service';
import { TemplateRenderer } from './template-renderer';
import { TemplateTestQueue } from './template-test.queue';
import { TemplateRepository } from './template.repository';
import { TemplateService } from './template.service';

/**
 * Templates: storage with versions, validation, the compiled-template cache, rendering and the render
 * context. Campaign sending uses `TemplateRenderer` and `RenderContextBuilder` from here.
 */
@Module({
  imports: [StoriesModule, BullModule.registerQueue({ name: QueueName.TemplateTest })],
  providers: [
    CompiledTemplateCache,
    RenderContextBuilder,
    RenderContextRepository,
    TemplateCompiler,
    TemplatePreviewService,
    TemplateRenderer,
    TemplateRepository,
    TemplateService,
    TemplateTestQueue,
  ],
  exports: [
    RenderContextBuilder,
    RenderContextRepository,
    TemplatePreviewService,
    TemplateRenderer,
    TemplateRepository,
    TemplateService,
  ],
})
export class TemplatesModule {}
