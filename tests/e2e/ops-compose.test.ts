import { readFileSync } from 'node:fs';
import path from 'node:path';
// A YAML parser the project already has (through @nestjs/swagger and date-holidays); no Docker here.
import { load } from 'js-yaml';
import { loadConfig, projectPath } from '@app/core';

type Service = {
  '<<'?: Service;
  command?: string[];
  environment?: Record<string, unknown> & { '<<'?: Record<string, unknown> };
  deploy?: { replicas?: number };
  ports?: string[];
  image?: string;
};

/** A service with its YAML merge keys (`<<: *anchor`) applied, as Docker Compose does. */
function resolved(service: Service): Service {
  const base = service['<<'] ? resolved(service['<<']) : {};
  const environment = { ...(base.environment ?? {}), ...(service.environment?.['<<'] ?? {}), ...service.environment };
  delete environment['<<'];
  return { ...base, ...service, environment };
}

/** `${VAR:-default}` → the given value or the default, `${VAR:?message}` → the given value. */
function filled(environment: Record<string, unknown>, given: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{(\w+):([-?])([^}]*)\}/g, (_, variable: string, kind: string, fallback: string) =>
        kind === '-' ? (given[variable] ?? fallback) : given[variable],
      ),
    ]),
  );
}

describe('docker/compose.yml (parsed, not run: no Docker engine here)', () => {
  const compose = load(readFileSync(path.join(projectPath('.'), 'docker/compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
  };
  const service = (name: string) => resolved(compose.services[name]);
  const given = { APP_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'long-enough-password' };

  it('should run two api replicas without workers and two workers when started as written', () => {
    expect(service('api').deploy?.replicas).toBe(2);
    expect(service('api').environment).toMatchObject({ WORKERS: 'off' });
    const workers = Object.keys(compose.services).filter((name) =>
      service(name).command?.includes('dist/apps/worker/main.js'),
    );
    expect(workers.map((name) => service(name).deploy?.replicas ?? 1).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('should keep Redis from losing or evicting jobs when it restarts or fills up', () => {
    const command = compose.services.redis.command!.join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it('should give every app process a configuration that passes validation, with metrics and logs', () => {
    for (const name of ['api', 'worker', 'worker-2']) {
      const config = loadConfig(filled(service(name).environment!, given));
      expect(config.production).toBe(true);
      expect(config.logLevel).toBe('info');
    }
    expect(
      loadConfig(filled(service('api').environment!, { ...given, METRICS_TOKEN: 'scrape-token-0123456789-abcdef' }))
        .metricsToken,
    ).toBe('scrape-token-0123456789-abcdef');
    expect(loadConfig(filled(service('api').environment!, given)).trustProxy).toEqual(['uniquelocal']);
  });
});
