import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
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
  const openApi = new DocumentBuilder()
    .setTitle('Vliegwiel')
    .setDescription('Employer recruitment CRM for Dutch labour-market regions (see api.md)')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  // Registered after the routes so it sees body-parser failures Nest never routes.
  app.use(bodyErrorHandler);
  return app;
}
