/** The validated configuration, read once at start (architecture.md "Configuration"). */
export interface AppConfig {
  port: number;
  /** Unset: the app starts an embedded PostgreSQL under `dataDir/pg`. */
  databaseUrl: string | undefined;
  redisUrl: string;
  smtpUrl: string | undefined;
  inboundSmtpPort: number;
  inboundDomain: string;
  publicUrl: string;
  appSecret: string;
  queuePrefix: string;
  workers: 'inline' | 'off';
  metricsToken: string | undefined;
  admin: { email: string; password: string } | undefined;
  dkim: { domain: string; selector: string; privateKey: string } | undefined;
  production: boolean;
  dataDir: string;
  accessTokenTtlSeconds: number;
  jsonBodyLimitBytes: number;
  uploadLimitBytes: number;
  importBatchSize: number;
  /** Express `trust proxy`: false (off), true (every hop), a hop count, or trusted addresses/subnets. */
  trustProxy: TrustProxy;
  /** AVG retention periods in days (docs/privacy.md), applied by the nightly retention job. */
  retention: RetentionConfig;
  /** On SIGTERM: how long running jobs may take to finish before they are left to another worker. */
  shutdownGraceMs: number;
  /** Readiness fails when a queue with waiting jobs saw no worker progress for this long. */
  workerStallMs: number;
  /** pino level of the JSON logs (LOG_LEVEL); `silent` turns them off. */
  logLevel: LogLevel;
  /** Requests per minute per signed-in user, shared by every api replica through Redis; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Requests per minute per client address for callers without a valid token; 0 turns the limit off. */
  rateLimitAnonymousPerMinute: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type TrustProxy = boolean | number | string[];

export interface RetentionConfig {
  /** Received mail (replies, bounces): content blanked after this many days. */
  inboundDays: number;
  /** Sent messages: recipient address and stored copies removed this many days after sending. */
  sentBodyDays: number;
  /** Contacts of employers without any activity for this long are flagged for review. */
  inactiveContactDays: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
