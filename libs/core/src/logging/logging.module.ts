import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { APP_LOGGER, createAppLogger, LOG_DESTINATION } from './app-logger';
import type { AppLogger } from './app-logger';

/** The process's JSON logger (pino) at LOG_LEVEL; a test may override LOG_DESTINATION to read the lines. */
@Global()
@Module({
  providers: [
    { provide: LOG_DESTINATION, useValue: undefined },
    {
      provide: APP_LOGGER,
      inject: [APP_CONFIG, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination: Parameters<typeof createAppLogger>[1]): AppLogger =>
        createAppLogger(config.logLevel, destination),
    },
  ],
  exports: [APP_LOGGER],
})
export class LoggingModule {}
