import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { requestIdOf } from '../logging/request-id';

// Exactly what Express routes to HealthController.live (case-insensitive, optional trailing slash and
// query string); anything else, a look-alike included, goes the normal way.
const LIVE_PATH = /^\/api\/health\/live\/?(?:\?.*)?$/i;
const BODY = JSON.stringify({ status: 'ok' });
// Name, value, name, value: Node takes a flat list as it stands, where an object's or setHeader's names are each
// checked and stored first (a fifth of a probe's time in a bare server; docs/benchmarks.md, e).
const HEADERS = [
  'Content-Type',
  'application/json; charset=utf-8',
  'Content-Length',
  String(Buffer.byteLength(BODY)),
  // A load balancer must never get a cached answer.
  'Cache-Control',
  'no-store',
];

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** A GET or HEAD of /api/health/live without a body (one with a body gets Express's 400/413 as before). */
export function isLiveProbe(request: IncomingMessage): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const length = request.headers['content-length'];
  if (request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')) return false;
  return LIVE_PATH.test(request.url ?? '');
}

/**
 * Answers liveness probes on the HTTP server itself, before Express and Nest: "the process is up" needs
 * no routing, guards or JSON serialisation, and a probe answered in a tenth of the time cannot be starved
 * by a loaded event loop (benchmark e). Same answer as HealthController.live (which stays, for the API
 * document and any other way in), with its request id; probes were never logged or rate limited.
 */
export function answerLiveProbesFirst(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!isLiveProbe(request)) {
      for (const listener of listeners) listener.call(server, request, response);
      return;
    }
    response.writeHead(200, [...HEADERS, 'X-Request-Id', requestIdOf(request)]);
    response.end(request.method === 'HEAD' ? undefined : BODY);
  });
}
