import { Module } from '@nestjs/common';
import { ImportsModule } from '@app/crm';
import { ImportsController } from './imports.controller';

/** Import endpoints; an upload is streamed into PostgreSQL (larger than UPLOAD_MAX_BYTES: 413), then queued. */
@Module({
  imports: [ImportsModule],
  controllers: [ImportsController],
})
export class ImportsHttpModule {}
