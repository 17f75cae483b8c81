import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { ImportsModule } from '@app/crm';
import { ImportsController } from './imports.controller';

/** Import endpoints; uploads are held in memory up to UPLOAD_MAX_BYTES (larger: 413), then stored in PostgreSQL. */
@Module({
  imports: [
    ImportsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10, parts: 20 },
      }),
    }),
  ],
  controllers: [ImportsController],
})
export class ImportsHttpModule {}
