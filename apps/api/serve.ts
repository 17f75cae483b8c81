import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from '@nestjs/common';
import { AppConfig, closeGracefully, Runtime, RuntimeError } from '@app/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { PrototypedExpressAdapter } from './http/prototyped-express-adapter';

/**
 * Boots the HTTP app on a prepared database and listens on PORT; the runtime closes it first when
 * the process stops. Shared by `npm start` (main.ts) and `npm run demo` (demo.ts).
 */
export async function startApi(config: AppConfig, runtime: Runtime): Promise<NestExpressApplication> {
  // The runtime may have started a private Redis (demo): every module must use that one.
  const effective: AppConfig = { ...config, redisUrl: runtime.redisUrl };
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config: effective, databaseUrl: runtime.databaseUrl }),
    new PrototypedExpressAdapter(),
    { bodyParser: false },
  );
  const logger = new Logger('Vliegwiel');
  runtime.onStop(() => closeGracefully(app, config.shutdownGraceMs, (line) => logger.log(line)));
  await configureApp(app, effective);
  await app.listen(effective.port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new RuntimeError(`PORT: ${effective.port} is already in use; choose another PORT`);
    throw error;
  });
  return app;
}
