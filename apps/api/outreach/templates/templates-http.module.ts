import { Module } from '@nestjs/common';
import { TemplatesModule } from '@app/outreach';
import { TemplatesController } from './templates.controller';

/** E-mail templates over HTTP. */
@Module({
  imports: [TemplatesModule],
  controllers: [TemplatesController],
})
export class TemplatesHttpModule {}
