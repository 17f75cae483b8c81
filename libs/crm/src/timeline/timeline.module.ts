import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { TimelineSources } from './timeline-sources';
import { TimelineRepository } from './timeline.repository';
import { TimelineService } from './timeline.service';

/** The employer timeline; import it to register extra entry kinds with `TimelineSources`. */
@Module({
  imports: [CrmModule],
  providers: [TimelineService, TimelineRepository, TimelineSources],
  exports: [TimelineService, TimelineSources],
})
export class TimelineModule {}
