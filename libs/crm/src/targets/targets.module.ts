import { Module } from '@nestjs/common';
import { CrmModule } from '../crm.module';
import { TargetRepository } from './target.repository';
import { TargetService } from './target.service';

/** Region targets per period and metric (reports compare them with the actuals). */
@Module({
  imports: [CrmModule],
  providers: [TargetService, TargetRepository],
  exports: [TargetService, TargetRepository],
})
export class TargetsModule {}
