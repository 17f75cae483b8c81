import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../config/app-config';

export type AppLogger = Logger;

/** The injection token of the process's pino logger (LoggingModule). */
export const APP_LOGGER = Symbol('APP_LOGGER');
/** Where the JSON lines go: stdout unless a test swaps in a stream of its own. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

// Addresses such as jan@bakkerij.example, also inside longer messages; replaced above debug.
const EMAIL_ADDRESS = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
const DEBUG = 20;

/** A message with every e-mail address replaced, so an address in a log line never leaves the process. */
export function withoutEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, '[e-mail]');
}

// Fields whose text comes from an error (a stack repeats the message): an address there is as personal as in `msg`.
const ERROR_FIELDS = ['err', 'error'] as const;
const TEXT_FIELDS = ['stack', 'message', 'msg'] as const;

/** A logged object (or error) with e-mail addresses removed from its error message and stack; otherwise unchanged. */
function withScrubbedErrors(value: object): object {
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  const set = (key: string, next: unknown) => {
    copy ??= { ...record };
    copy[key] = next;
  };
  for (const key of TEXT_FIELDS) {
    const text = record[key];
    if (typeof text === 'string' && text.includes('@')) set(key, withoutEmailAddresses(text));
  }
  for (const key of ERROR_FIELDS) {
    const error = record[key];
    if (error instanceof Error) set(key, scrubbedError(error));
    else if (typeof error === 'object' && error !== null) {
      const scrubbed = withScrubbedErrors(error);
      if (scrubbed !== error) set(key, scrubbed);
    }
  }
  return copy ?? value;
}

function scrubbedError(error: Error): Record<string, unknown> {
  return {
    type: error.name,
    message: withoutEmailAddresses(error.message),
    stack: error.stack === undefined ? undefined : withoutEmailAddresses(error.stack),
  };
}

/**
 * One JSON line per event on stdout (or `destination`), at LOG_LEVEL. Personal data stays out above
 * debug: credentials and cookies are redacted wherever they appear in a logged object, and e-mail
 * addresses are removed from messages and from logged errors' messages and stacks.
 */
export function createAppLogger(level: LogLevel, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        // Exact paths (no wildcards): wildcard redaction costs a deep copy on every line.
        paths: [
          'authorization',
          'cookie',
          'password',
          'headers.authorization',
          'headers.cookie',
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method, levelValue) {
          if (levelValue > DEBUG) {
            // pino logs `logger.error(error)` as { err } with the error's message as msg; keep that shape.
            const first: unknown = args[0];
            if (first instanceof Error)
              args.splice(0, 1, { err: first }, ...(typeof args[1] === 'string' ? [] : [first.message]));
            for (let i = 0; i < args.length; i++) {
              const arg: unknown = args[i];
              if (typeof arg === 'string' && arg.includes('@')) args[i] = withoutEmailAddresses(arg);
              else if (typeof arg === 'object' && arg !== null) args[i] = withScrubbedErrors(arg);
            }
          }
          method.apply(this, args);
        },
      },
    },
    destination ?? stdout(),
  );
}

let sharedStdout: DestinationStream | undefined;

/** One buffered stdout stream per process, shared by every logger, so lines from two loggers never interleave. */
function stdout(): DestinationStream {
  sharedStdout ??= pino.destination({ fd: 1, sync: false });
  return sharedStdout;
}
