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
}

export type TrustProxy = boolean | number | string[];

export const APP_CONFIG = Symbol('APP_CONFIG');
