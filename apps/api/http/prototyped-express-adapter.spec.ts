import { Agent, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
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
    const { app, server, base } = await listening();
    let connections = 0;
    server.on('connection', () => connections++);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${base}${path}`, { agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.end();
      });
    try {
      for (let i = 0; i < 20; i++) expect(await get('/things')).toBe(200);
      expect(await get('/nothing-here')).toBe(404);
      expect(connections).toBe(1);
    } finally {
      agent.destroy();
      await app.close();
    }
  });

  it("should give each connection Node's own handler once, so an upgraded connection is left to its listener", async () => {
    const { app, server, base } = await listening();
    const listeners = server.listeners('connection');
    expect(new Set(listeners).size).toBe(listeners.length);
    // An echo protocol: after the 101, every byte comes back. A second HTTP parser on the socket would read those
    // bytes as a request and answer 400.
    server.on('upgrade', (_request: IncomingMessage, socket: Socket) => {
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
      socket.on('data', (chunk) => socket.write(chunk));
      socket.on('end', () => socket.destroy());
    });
    try {
      const { port } = new URL(base);
      const received = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => {
          text += String(chunk);
          if (text.includes('101 Switching Protocols') && !text.includes('not http')) socket.write('not http\r\n\r\n');
          if (text.includes('not http')) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        socket.write('GET /things HTTP/1.1\r\nHost: localhost\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
      });
      expect(received).toContain('not http');
      expect(received).not.toContain('400 Bad Request');
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
