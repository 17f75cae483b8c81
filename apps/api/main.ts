import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, openRuntime, RuntimeError } from '@app/core';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { prepareDatabase } from './startup';

async function main(): Promise<void> {
  const logger = new Logger('Vliegwiel');
  const config = loadConfig();
  const runtime = await openRuntime(config, (line) => logger.log(line));
  await prepareDatabase(runtime.databaseUrl, config, (line) => logger.log(line));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, databaseUrl: runtime.databaseUrl }),
    {
      bodyParser: false,
    },
  );
  await configureApp(app, config);
  await app.listen(config.port);
  logger.log(`URL: ${config.publicUrl}`);
  // Close Nest first (HTTP, workers, pools), then the embedded database it was using.
  const shutdown = (signal: string) => {
    logger.log(`${signal}: shutting down`);
    void app
      .close()
      .then(() => runtime.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) console.error(problem);
  } else if (error instanceof RuntimeError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
