import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { StagesModule } from '../stages/stages.module';
import { AmbassadorSweepRepository } from './ambassador-sweep.repository';
import { AmbassadorSweep } from './ambassador-sweep.service';
import { StoryAmbassadorRule } from './story-ambassador.rule';
import { StoryRepository } from './story.repository';
import { StoryService } from './story.service';

/** Success stories; a usable story of a structural employer makes it an ambassador. */
@Module({
  imports: [CrmModule, StagesModule],
  providers: [StoryService, StoryRepository, StoryAmbassadorRule, AmbassadorSweepRepository, AmbassadorSweep],
  exports: [StoryService, StoryAmbassadorRule, AmbassadorSweep],
})
export class StoriesModule {}
