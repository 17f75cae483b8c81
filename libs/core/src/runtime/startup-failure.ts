import { ConfigError } from '../config/config.error';
import { RuntimeError } from './runtime-error';

/** Prints why the process could not start — one line per problem where we know it — and exits 1. */
export function exitOnStartupFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) console.error(problem);
  } else if (error instanceof RuntimeError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
}
