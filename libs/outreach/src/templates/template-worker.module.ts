import { Module } from '@nestjs/common';
import { TemplateTestProcessor } from './template-test.processor';
import { TemplatesModule } from './templates.module';

/** The `template-test` queue's processor, for any process that runs workers (WORKERS=inline or apps/worker). */
@Module({
  imports: [TemplatesModule],
  providers: [TemplateTestProcessor],
})
export class TemplateWorkerModule {}
