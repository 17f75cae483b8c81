import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerLiveProbesFirst, isLiveProbe } from './live-probe';

const probe = (method: string, url: string, headers: Record<string, string> = {}) =>
  ({ method, url, headers }) as unknown as IncomingMessage;

describe('isLiveProbe', () => {
  it('should take GET and HEAD of the live path when it has any case, a trailing slash or a query', () => {
    for (const url of ['/api/health/live', '/api/health/live/', '/API/Health/Live', '/api/health/live?x=1'])
      expect(isLiveProbe(probe('GET', url))).toBe(true);
    expect(isLiveProbe(probe('HEAD', '/api/health/live'))).toBe(true);
  });

  it('should leave a request to Express when it has a body, another method or another path', () => {
    expect(isLiveProbe(probe('POST', '/api/health/live'))).toBe(false);
    expect(isLiveProbe(probe('GET', '/api/health/live', { 'content-length': '12' }))).toBe(false);
    expect(isLiveProbe(probe('GET', '/api/health/live', { 'transfer-encoding': 'chunked' }))).toBe(false);
    for (const url of [
      '/api/health/lively',
      '/api/health/ready',
      '/api/health',
      '/x/api/health/live',
      '/api/health/live/x',
    ])
      expect(isLiveProbe(probe('GET', url))).toBe(false);
  });
});

describe('answerLiveProbesFirst', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.end('from the app');
    });
    answerLiveProbesFirst(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should answer the probe itself with the request id when a client sends one', async () => {
    const response = await fetch(`${base}/api/health/live`, { headers: { 'X-Request-Id': 'probe-1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-request-id')).toBe('probe-1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(seen).toEqual([]);
  });

  it('should answer the probe with an id of its own and the body length when a client sends no id', async () => {
    const response = await fetch(`${base}/api/health/live`);
    expect(response.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(response.headers.get('content-length')).toBe(String('{"status":"ok"}'.length));
    const head = await fetch(`${base}/api/health/live`, { method: 'HEAD', headers: { 'X-Request-Id': 'probe-2' } });
    expect([head.status, head.headers.get('x-request-id'), await head.text()]).toEqual([200, 'probe-2', '']);
  });

  it('should pass every other request to the app when it is not a probe', async () => {
    const response = await fetch(`${base}/api/health/ready`);
    expect(await response.text()).toBe('from the app');
    const posted = await fetch(`${base}/api/health/live`, { method: 'POST', body: '{}' });
    expect(await posted.text()).toBe('from the app');
    expect(seen).toEqual(['GET /api/health/ready', 'POST /api/health/live']);
  });
});
