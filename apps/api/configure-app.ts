import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@app/core';
import { bodyErrorHandler } from './http/body-errors';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { validationPipe } from './http/validation';

/** Everything main.ts and the tests both need: prefix, body limits, validation, error format. */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<INestApplication> {
  app.setGlobalPrefix('api', { exclude: ['u/{*path}', 'docs', 'docs-json', 'metrics', 'admin/{*path}'] });
  app.useBodyParser('json', { limit: config.jsonBodyLimitBytes });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  await app.init();
  // Registered after the routes so it sees body-parser failures Nest never routes.
  app.use(bodyErrorHandler);
  return app;
}
