import { Module } from '@nestjs/common';
import { SegmentsModule } from '@app/outreach';
import { SegmentsController } from './segments.controller';

/** `/api/segments`. */
@Module({
  imports: [SegmentsModule],
  controllers: [SegmentsController],
})
export class SegmentsHttpModule {}
