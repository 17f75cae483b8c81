import { IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request } from 'express';
import { PrototypedExpressAdapter } from './prototyped-express-adapter';

// Called when a request reaches the route that never answers.
let announceArrival: () => void = () => undefined;

@Controller('things')
class ThingsController {
  @Get()
  list(@Req() request: Request) {
    // Express's own request methods and properties work on the objects the server made.
    return { accepts: request.accepts('json'), path: request.path, ip: typeof request.ip };
  }

  @Get('never')
  never() {
    announceArrival();
    // An answer that never comes: the connection stays busy until the server ends it.
    return new Promise(() => undefined);
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

interface Seen {
  requestPrototypeIsApps: boolean;
  responsePrototypeIsApps: boolean;
  isNodeRequest: boolean;
  isNodeResponse: boolean;
}

async function listening(options: { forceCloseConnections?: boolean } = {}) {
  const app = await NestFactory.create<NestExpressApplication>(ThingsModule, new PrototypedExpressAdapter(), {
    logger: false,
    ...options,
  });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const express = app.getHttpAdapter().getInstance() as Express;
  const seen: Seen[] = [];
  // Ahead of Express: what the HTTP server itself made, before Express's app.handle touches it.
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    seen.push({
      requestPrototypeIsApps: Object.getPrototypeOf(request) === express.request,
      responsePrototypeIsApps: Object.getPrototypeOf(response) === express.response,
      isNodeRequest: request instanceof IncomingMessage,
      isNodeResponse: response instanceof ServerResponse,
    });
  });
  return { app, server, seen, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('PrototypedExpressAdapter', () => {
  it("should create each request and response with the Express app's prototypes before Express sees them", async () => {
    const { app, seen, base } = await listening();
    try {
      const response = await fetch(`${base}/things`, { headers: { accept: 'application/json' } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ accepts: 'json', path: '/things', ip: 'string' });
      expect(seen).toEqual([
        { requestPrototypeIsApps: true, responsePrototypeIsApps: true, isNodeRequest: true, isNodeResponse: true },
      ]);
    } finally {
      await app.close();
    }
  });

  it('should answer many requests on one kept-alive connection, unknown paths with 404', async () => {
    const { app, base } = await listening();
    try {
      for (let i = 0; i < 20; i++) expect((await fetch(`${base}/things`)).status).toBe(200);
      const missing = await fetch(`${base}/nothing-here`);
      expect(missing.status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it("should keep Nest's connection tracking: with forceCloseConnections, close() ends a connection still waiting", async () => {
    const { app, base } = await listening({ forceCloseConnections: true });
    const arrived = new Promise<void>((resolve) => (announceArrival = resolve));
    const waiting = new Promise<string>((resolve) => {
      const request = httpRequest(`${base}/things/never`, () => resolve('answered'));
      request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      request.end();
    });
    // Then close() has an open, busy connection to end.
    await arrived;
    // Without the tracking, close() would wait for that answer for ever (and this test would time out).
    await app.close();
    expect(await waiting).toBe('ECONNRESET');
  });
});
