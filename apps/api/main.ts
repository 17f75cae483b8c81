import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createAppLogger, exitOnStartupFailure, loadConfig, NestPinoLogger, openRuntime } from '@app/core';
import { hintWhenNoUsers } from './root/first-user-hint';
import { startApi } from './serve';
import { prepareDatabase } from './startup';

/** `npm start`: migrations and the first admin, then the HTTP api (hosting the workers when WORKERS=inline). */
async function main(): Promise<void> {
  const config = loadConfig();
  // Production logs are JSON lines (pino) at LOG_LEVEL, the framework's own lines included.
  Logger.overrideLogger(new NestPinoLogger(createAppLogger(config.logLevel)));
  const logger = new Logger('Vliegwiel');
  const log = (line: string) => logger.log(line);
  // SIGTERM/SIGINT from here on: close Nest (HTTP, workers, pools), then the embedded database.
  const runtime = await openRuntime(config, log);
  try {
    await prepareDatabase(runtime.databaseUrl, config, log, [hintWhenNoUsers(config, log)]);
    await startApi(config, runtime);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  console.log(`URL: ${config.publicUrl}`);
}

main().catch(exitOnStartupFailure);
