import { Injectable, Logger } from '@nestjs/common';

export interface DomainEvent {
  /** Stable name, e.g. `crm.employer.stage_changed`; never renamed once shipped. */
  readonly name: string;
}

type Handler<E extends DomainEvent> = (event: E) => Promise<void> | void;
/** Takes the events of one `publishAll` at once, e.g. to act on them with one statement instead of one each. */
type BatchHandler<E extends DomainEvent> = (events: readonly E[]) => Promise<void> | void;

/**
 * In-process publish/subscribe between libs, so a lower lib (crm) can announce facts that a
 * higher one (outreach) reacts to without crm importing it. Handlers run after the publisher's
 * transaction committed (publishers call `publish` after commit); a failing handler is logged and
 * does not fail the publisher.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly handlers = new Map<string, BatchHandler<DomainEvent>[]>();

  /** `handler` runs once per event, in the order they were published. */
  subscribe<E extends DomainEvent>(name: E['name'], handler: Handler<E>): void {
    this.subscribeBatch<E>(name, async (events) => {
      // One event's failure does not keep the handler from the others.
      for (const event of events) await this.guarded(name, async () => handler(event));
    });
  }

  /** `handler` gets the events of that name from one `publishAll` together, in the order they were published. */
  subscribeBatch<E extends DomainEvent>(name: E['name'], handler: BatchHandler<E>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as BatchHandler<DomainEvent>);
    this.handlers.set(name, list);
  }

  publish(event: DomainEvent): Promise<void> {
    return this.publishAll([event]);
  }

  /**
   * Events that happened together (one transaction): name by name, in order of first appearance, each subscriber of
   * that name in turn gets its events (a one-event subscriber one at a time, in order), then the next subscriber.
   */
  async publishAll(events: readonly DomainEvent[]): Promise<void> {
    for (const name of new Set(events.map((event) => event.name))) {
      const named = events.filter((event) => event.name === name);
      for (const handler of this.handlers.get(name) ?? []) await this.guarded(name, async () => handler(named));
    }
  }

  private async guarded(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.logger.error(`Handler for ${name} failed`, error instanceof Error ? error.stack : String(error));
    }
  }
}
