import { createServer as createHttpServer, IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import type { EventEmitter } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * Request and response classes for Node's HTTP server whose prototypes are the Express app's `app.request` and
 * `app.response` from now on: each class's prototype takes over the chain and own properties (`app`) of Express's
 * object, and replaces it on the app. Subclasses, not plain functions that run Node's constructors on `this`: with
 * those, the live probe, which never reaches Express, answered about a fifth fewer requests a second (most likely
 * because V8 sizes a plain function's objects for its own few fields, not Node's many).
 */
export function appPrototypedClasses(app: Express): Pick<ServerOptions, 'IncomingMessage' | 'ServerResponse'> {
  class AppRequest extends IncomingMessage {}
  class AppResponse extends ServerResponse {}
  adoptPrototype(AppRequest.prototype, app.request);
  adoptPrototype(AppResponse.prototype, app.response);
  app.request = AppRequest.prototype as unknown as Express['request'];
  app.response = AppResponse.prototype as unknown as Express['response'];
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse as typeof ServerResponse };
}

function adoptPrototype(target: object, expressPrototype: object): void {
  Object.setPrototypeOf(target, Object.getPrototypeOf(expressPrototype));
  // Not `constructor`: the class's own stays (Express's object has none, unless it was made here before).
  const { constructor: _constructor, ...descriptors } = Object.getOwnPropertyDescriptors(expressPrototype);
  Object.defineProperties(target, descriptors);
}

/**
 * The listeners added to `from` (the app's 'request', Nest's 'connection' tracking, anything later), onto `to`.
 * Not Node's own: every server registers its connection handler itself, and a second one would give each socket
 * two parsers, one of them never freed.
 */
function moveAddedListeners(from: EventEmitter, to: EventEmitter): void {
  for (const event of from.eventNames()) {
    const own = new Set(to.listeners(event));
    for (const listener of from.listeners(event)) {
      if (!own.has(listener)) to.on(event, listener as (...args: unknown[]) => void);
    }
  }
}

/**
 * Nest's Express adapter on an HTTP server that creates every request and response with the Express app's
 * prototypes already in place.
 *
 * Why: Express's `app.handle` gives each request and response its app's prototypes with `Object.setPrototypeOf`.
 * On objects V8 has already built, that costs far more than the call suggests. A bare Express app, flat out,
 * answered a third as many requests a second as with the prototypes set at birth (6,900 against 21,000–23,000),
 * and at 2,000 paced requests a second about 30 % of what it allocated lived through two scavenges and went to the
 * old generation (`--trace-gc-nvp`). In the api, at 500 paced employer reads a second, 1.7 MB went to the old
 * generation per scavenge before and 0.3 MB after, and its full collections, where the paced latency tail comes
 * from, came every 6–10 s instead of every 3 s (docs/benchmarks.md, e). With the prototypes set at birth, Express's
 * call is a no-op (the same prototype).
 *
 * The server is Nest's own in every other respect: the listeners Nest added to its server (the app, and the
 * connection tracking of `forceCloseConnections`) move over to it.
 */
export class PrototypedExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    super.initHttpServer(options);
    const nestServer = this.getHttpServer() as Server;
    const constructors = appPrototypedClasses(this.getInstance<Express>());
    const server = options.httpsOptions
      ? createHttpsServer({ ...options.httpsOptions, ...constructors })
      : createHttpServer(constructors);
    moveAddedListeners(nestServer, server);
    this.setHttpServer(server);
  }
}
