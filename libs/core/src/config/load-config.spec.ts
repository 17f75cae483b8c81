import path from 'node:path';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const SECRET = 'a-secret-that-is-at-least-32-characters-long';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('should use the documented defaults when the environment is empty', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      redisUrl: 'redis://127.0.0.1:6379',
      smtpUrl: undefined,
      inboundSmtpPort: 2525,
      inboundDomain: 'vliegwiel.localhost',
      publicUrl: 'http://localhost:3000',
      queuePrefix: 'vliegwiel',
      workers: 'inline',
      metricsToken: undefined,
      admin: undefined,
      dkim: undefined,
      production: false,
      dataDir: path.resolve('data'),
      accessTokenTtlSeconds: 8 * 3600,
      jsonBodyLimitBytes: 1024 * 1024,
      uploadLimitBytes: 100 * 1024 * 1024,
      importBatchSize: 500,
      trustProxy: false,
      retention: { inboundDays: 90, sentBodyDays: 365, inactiveContactDays: 730 },
      shutdownGraceMs: 30_000,
      workerStallMs: 120_000,
      logLevel: 'info',
      rateLimitPerMinute: 1200,
      rateLimitAnonymousPerMinute: 300,
    });
    expect(config.appSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('should derive PUBLIC_URL from PORT when PUBLIC_URL is unset', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('should drop a trailing slash from PUBLIC_URL when one is given', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://crm.example.org/' }).publicUrl).toBe('https://crm.example.org');
  });

  it('should read every setting when all are given', () => {
    const config = loadConfig({
      PORT: '4000',
      DATABASE_URL: 'postgres://app@db:5432/vliegwiel',
      REDIS_URL: 'redis://cache:6380/2',
      SMTP_URL: 'smtp://mail:25',
      INBOUND_SMTP_PORT: '2526',
      INBOUND_DOMAIN: 'reply.example.org',
      APP_SECRET: SECRET,
      QUEUE_PREFIX: '{vliegwiel}',
      WORKERS: 'off',
      METRICS_TOKEN: 'scrape-token-0123456789-abcdef',
      ADMIN_EMAIL: 'Admin@Example.org',
      ADMIN_PASSWORD: 'long-enough-password',
      DATA_DIR: '/var/lib/vliegwiel',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      UPLOAD_MAX_BYTES: '2048',
      IMPORT_BATCH_SIZE: '100',
      TRUST_PROXY: 'loopback,10.0.0.0/8',
      RETENTION_INBOUND_DAYS: '30',
      RETENTION_SENT_BODY_DAYS: '180',
      RETENTION_INACTIVE_CONTACT_DAYS: '365',
      SHUTDOWN_GRACE_MS: '5000',
      WORKER_STALL_MS: '60000',
      LOG_LEVEL: 'Debug',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '20',
    });

    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: 'postgres://app@db:5432/vliegwiel',
      redisUrl: 'redis://cache:6380/2',
      smtpUrl: 'smtp://mail:25',
      inboundSmtpPort: 2526,
      inboundDomain: 'reply.example.org',
      appSecret: SECRET,
      queuePrefix: '{vliegwiel}',
      workers: 'off',
      metricsToken: 'scrape-token-0123456789-abcdef',
      admin: { email: 'admin@example.org', password: 'long-enough-password' },
      dataDir: '/var/lib/vliegwiel',
      accessTokenTtlSeconds: 3600,
      uploadLimitBytes: 2048,
      importBatchSize: 100,
      trustProxy: ['loopback', '10.0.0.0/8'],
      retention: { inboundDays: 30, sentBodyDays: 180, inactiveContactDays: 365 },
      shutdownGraceMs: 5000,
      workerStallMs: 60_000,
      logLevel: 'debug',
      rateLimitPerMinute: 0,
      rateLimitAnonymousPerMinute: 20,
    });
  });

  it('should require APP_SECRET when NODE_ENV is production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual(['APP_SECRET: is required when NODE_ENV=production']);
  });

  it('should accept production when APP_SECRET is set', () => {
    const config = loadConfig({ NODE_ENV: 'production', APP_SECRET: SECRET });

    expect(config.production).toBe(true);
    expect(config.appSecret).toBe(SECRET);
  });

  it('should not require APP_SECRET when NODE_ENV is not production', () => {
    expect(() => loadConfig({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('should report one line per problem, each starting with its variable, when many values are bad', () => {
    const env = {
      NODE_ENV: 'production',
      PORT: 'abc',
      DATABASE_URL: 'mysql://db/app',
      REDIS_URL: 'not a url',
      SMTP_URL: 'http://mail',
      INBOUND_SMTP_PORT: '70000',
      INBOUND_DOMAIN: 'localhost',
      PUBLIC_URL: 'ftp://example.org',
      WORKERS: 'sometimes',
      ADMIN_EMAIL: 'not-an-address',
      ADMIN_PASSWORD: 'short',
      DKIM_DOMAIN: 'example.org',
      QUEUE_PREFIX: 'bad prefix',
      ACCESS_TOKEN_TTL_SECONDS: '1',
      UPLOAD_MAX_BYTES: '-5',
      IMPORT_BATCH_SIZE: '1.5',
      TRUST_PROXY: 'the-load-balancer',
      LOG_LEVEL: 'loud',
      RATE_LIMIT_PER_MINUTE: 'many',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '-1',
    };

    const problems = problemsOf(env);

    const variables = problems.map((line) => line.split(':')[0]);
    expect(variables.sort()).toEqual(
      [
        'APP_SECRET',
        'PORT',
        'DATABASE_URL',
        'REDIS_URL',
        'SMTP_URL',
        'INBOUND_SMTP_PORT',
        'INBOUND_DOMAIN',
        'PUBLIC_URL',
        'WORKERS',
        'ADMIN_EMAIL',
        'ADMIN_PASSWORD',
        'DKIM_SELECTOR',
        'DKIM_PRIVATE_KEY',
        'QUEUE_PREFIX',
        'ACCESS_TOKEN_TTL_SECONDS',
        'UPLOAD_MAX_BYTES',
        'IMPORT_BATCH_SIZE',
        'TRUST_PROXY',
        'LOG_LEVEL',
        'RATE_LIMIT_PER_MINUTE',
        'RATE_LIMIT_ANONYMOUS_PER_MINUTE',
      ].sort(),
    );
    for (const line of problems) expect(line).not.toContain('\n');
  });

  it.each(['localhost', 'reply..example.org', '-reply.example.org', 'reply.example.org.', 'reply@example.org'])(
    'should refuse INBOUND_DOMAIN when it is not a host name with a dot (%s)',
    (domain) => {
      expect(problemsOf({ INBOUND_DOMAIN: domain })).toEqual([
        `INBOUND_DOMAIN: must be a host name with a dot (e.g. reply.example.org), got "${domain}"`,
      ]);
    },
  );

  it('should accept INBOUND_SMTP_PORT=0 when the receiver should take any free port', () => {
    expect(loadConfig({ INBOUND_SMTP_PORT: '0' }).inboundSmtpPort).toBe(0);
  });

  it('should name the missing partner when only one of ADMIN_EMAIL and ADMIN_PASSWORD is set', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@example.org' })).toEqual([
      'ADMIN_PASSWORD: must be set together with ADMIN_EMAIL',
    ]);
    expect(problemsOf({ ADMIN_PASSWORD: 'long-enough-password' })).toEqual([
      'ADMIN_EMAIL: must be set together with ADMIN_PASSWORD',
    ]);
  });

  it('should refuse an APP_SECRET shorter than 32 characters when one is given', () => {
    expect(problemsOf({ APP_SECRET: 'short' })).toEqual(['APP_SECRET: must be at least 32 characters']);
  });

  it('should refuse a METRICS_TOKEN shorter than 24 characters when one is given', () => {
    expect(problemsOf({ METRICS_TOKEN: 'scrape' })).toEqual(['METRICS_TOKEN: must be at least 24 characters']);
    expect(problemsOf({ METRICS_TOKEN: 'x'.repeat(23) })).toEqual(['METRICS_TOKEN: must be at least 24 characters']);
    expect(loadConfig({ METRICS_TOKEN: 'x'.repeat(24) }).metricsToken).toBe('x'.repeat(24));
  });

  it('should treat blank values as unset when a variable is empty or spaces', () => {
    const config = loadConfig({ PORT: ' ', DATABASE_URL: '', WORKERS: '  ' });

    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.workers).toBe('inline');
  });

  it('should quote the bad value when a number is out of range', () => {
    expect(problemsOf({ PORT: '65536' })).toEqual(['PORT: must be a whole number from 0 to 65535, got "65536"']);
  });

  it('should name each retention period when it is not a positive number of days', () => {
    expect(
      problemsOf({
        RETENTION_INBOUND_DAYS: '0',
        RETENTION_SENT_BODY_DAYS: 'a year',
        RETENTION_INACTIVE_CONTACT_DAYS: '-1',
      }),
    ).toEqual([
      'RETENTION_INBOUND_DAYS: must be a whole number from 1 to 36500, got "0"',
      'RETENTION_SENT_BODY_DAYS: must be a whole number from 1 to 36500, got "a year"',
      'RETENTION_INACTIVE_CONTACT_DAYS: must be a whole number from 1 to 36500, got "-1"',
    ]);
  });
});
