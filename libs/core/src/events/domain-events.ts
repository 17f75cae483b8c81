import { Injectable, Logger } from '@nestjs/common';

export interface DomainEvent {
  /** Stable name, e.g. `crm.employer.stage_changed`; never renamed once shipped. */
  readonly name: string;
}

type Handler<E extends DomainEvent> = (event: E) => Promise<void> | void;

/**
 * In-process publish/subscribe between libs, so a lower lib (crm) can announce facts that a
 * higher one (outreach) reacts to without crm importing it. Handlers run after the publisher's
 * transaction committed (publishers call `publish` after commit); a failing handler is logged and
 * does not fail the publisher.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<string, Handler<DomainEvent>[]>();

  subscribe<E extends DomainEvent>(name: E['name'], handler: Handler<E>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<DomainEvent>);
    this.handlers.set(name, list);
  }

  async publish(event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.name) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.logger.error(`Handler for ${event.name} failed`, error instanceof Error ? error.stack : String(error));
      }
    }
  }
}
