import { Module } from '@nestjs/common';
import { SuppressionsModule } from '@app/outreach';
import { SuppressionsController } from './suppressions.controller';

/** `/api/suppressions`. */
@Module({
  imports: [SuppressionsModule],
  controllers: [SuppressionsController],
})
export class SuppressionsHttpModule {}
