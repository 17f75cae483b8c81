import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppConfig, LOG_LEVELS, LogLevel } from './app-config';
import { ConfigError } from './config.error';
import { parseTrustProxy } from './trust-proxy';

type Env = Record<string, string | undefined>;

// Only used outside production; tokens signed with it do not survive a restart, which is fine for a demo.
const DEV_SECRET = randomBytes(32).toString('hex');

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME_WITH_DOT = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);

/** Reads and validates the environment once; every problem becomes one line naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < min || parsed > max) {
      problems.push(`${name}: must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return parsed;
  };
  const url = (name: string, protocols: string[], fallback?: string): string | undefined => {
    const raw = value(name) ?? fallback;
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(
          `${name}: must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//…"`,
        );
      }
    } catch {
      problems.push(`${name}: is not a valid URL`);
    }
    return raw;
  };

  const production = value('NODE_ENV') === 'production';
  const port = integer('PORT', 3000, 0, 65535);
  const metricsToken = value('METRICS_TOKEN');
  // A bearer token anyone can reach over the network: too short and it can be guessed (openssl rand -hex 24 gives 48).
  if (metricsToken !== undefined && metricsToken.length < 24)
    problems.push('METRICS_TOKEN: must be at least 24 characters');
  const appSecret = value('APP_SECRET');
  if (production && appSecret === undefined) problems.push('APP_SECRET: is required when NODE_ENV=production');
  if (appSecret !== undefined && appSecret.length < 32) problems.push('APP_SECRET: must be at least 32 characters');

  const workers = value('WORKERS') ?? 'inline';
  if (workers !== 'inline' && workers !== 'off') problems.push(`WORKERS: must be "inline" or "off", got "${workers}"`);

  const adminEmail = value('ADMIN_EMAIL');
  const adminPassword = value('ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    problems.push(
      `${adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'}: must be set together with ${adminEmail === undefined ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}`,
    );
  }
  if (adminEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(adminEmail))
    problems.push('ADMIN_EMAIL: is not an e-mail address');
  if (adminPassword !== undefined && adminPassword.length < 10)
    problems.push('ADMIN_PASSWORD: must be at least 10 characters');

  const dkimNames = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const;
  const dkimSet = dkimNames.filter((name) => value(name) !== undefined);
  if (dkimSet.length > 0 && dkimSet.length < dkimNames.length) {
    for (const name of dkimNames.filter((n) => !dkimSet.includes(n)))
      problems.push(`${name}: must be set with the other DKIM_ settings`);
  }

  // Replies go to reply+<token>@INBOUND_DOMAIN, which the outbound address check only accepts with a dot.
  // `.localhost` is reserved for loopback (RFC 6761), so the default never leaves the machine.
  const inboundDomain = value('INBOUND_DOMAIN') ?? 'vliegwiel.localhost';
  if (inboundDomain.length > 253 || !HOSTNAME_WITH_DOT.test(inboundDomain))
    problems.push(`INBOUND_DOMAIN: must be a host name with a dot (e.g. reply.example.org), got "${inboundDomain}"`);

  const queuePrefix = value('QUEUE_PREFIX') ?? 'vliegwiel';
  if (!/^[A-Za-z0-9_{}.-]+$/.test(queuePrefix)) problems.push('QUEUE_PREFIX: may only hold letters, digits, _ . - { }');

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const config: AppConfig = {
    port,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379')!,
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    inboundSmtpPort: integer('INBOUND_SMTP_PORT', 2525, 0, 65535),
    inboundDomain,
    publicUrl: (url('PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`) ?? '').replace(/\/$/, ''),
    appSecret: appSecret ?? DEV_SECRET,
    queuePrefix,
    workers: workers === 'off' ? 'off' : 'inline',
    metricsToken,
    admin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : undefined,
    dkim:
      dkimSet.length === dkimNames.length
        ? { domain: value('DKIM_DOMAIN')!, selector: value('DKIM_SELECTOR')!, privateKey: value('DKIM_PRIVATE_KEY')! }
        : undefined,
    production,
    dataDir: path.resolve(value('DATA_DIR') ?? 'data'),
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    jsonBodyLimitBytes: 1024 * 1024,
    uploadLimitBytes: integer('UPLOAD_MAX_BYTES', 100 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    importBatchSize: integer('IMPORT_BATCH_SIZE', 500, 1, 10000),
    trustProxy: parseTrustProxy(value('TRUST_PROXY'), (problem) => problems.push(`TRUST_PROXY: ${problem}`)),
    retention: {
      inboundDays: integer('RETENTION_INBOUND_DAYS', 90, 1, 36500),
      sentBodyDays: integer('RETENTION_SENT_BODY_DAYS', 365, 1, 36500),
      inactiveContactDays: integer('RETENTION_INACTIVE_CONTACT_DAYS', 730, 1, 36500),
    },
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 30_000, 0, 600_000),
    workerStallMs: integer('WORKER_STALL_MS', 120_000, 1000, 3_600_000),
    logLevel,
    rateLimitPerMinute: integer('RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    rateLimitAnonymousPerMinute: integer('RATE_LIMIT_ANONYMOUS_PER_MINUTE', 300, 0, 1_000_000),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
