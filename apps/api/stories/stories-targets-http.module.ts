import { Module } from '@nestjs/common';
import { StoriesModule, TargetsModule } from '@app/crm';
import { TargetsController } from '../targets/targets.controller';
import { StoriesController } from './stories.controller';

/** Success stories and region targets. */
@Module({
  imports: [StoriesModule, TargetsModule],
  controllers: [StoriesController, TargetsController],
})
export class StoriesTargetsHttpModule {}
