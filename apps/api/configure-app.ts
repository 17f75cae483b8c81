import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/core';
import { installOperations } from './admin/operations';
import { bodyErrorHandler } from './http/body-errors';
import { HttpExceptionFilter } from './http/http-exception.filter';
import { answerLiveProbesFirst } from './http/live-probe';
import { requireBearer } from './http/require-bearer';
import { serveWebApp } from './root/web-app';
import { validationPipe } from './http/validation';

/** Everything main.ts and the tests both need: prefix, body limits, validation, error format. */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<INestApplication> {
  // Behind a load balancer: req.ip (sign-in throttle) is the client, not the proxy. TRUST_PROXY says which hops to believe.
  app.set('trust proxy', config.trustProxy);
  // Naming the framework on every answer only helps someone looking for its known holes.
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: ['u/{*path}', 'docs', 'docs-json', 'metrics', 'admin/{*path}'] });
  // Liveness probes are answered by the HTTP server before Express (see live-probe.ts).
  answerLiveProbesFirst(app.getHttpServer());
  // First, so every request gets an id and a log line: also /metrics and /admin/queues (own authentication).
  installOperations(app, config);
  // The web app's pages and files need no token (it signs in itself); without a build, / → /docs.
  serveWebApp(app);
  // Before the body parser: an anonymous request gets 401, not 400 (malformed) or 413 (too large).
  app.use(requireBearer);
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
