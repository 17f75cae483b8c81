import { Worker } from 'node:worker_threads';
import type { SendMailOptions } from 'nodemailer';
import { projectPath } from '../database/project-path';
import { SentMail } from './mail.types';

/** How long the thread stays after its last message: a send burst keeps one thread, an idle api frees its memory. */
export const SMTP_THREAD_IDLE_MS = 30_000;
/**
 * How long closing waits for messages still in the thread; with the 2 s stop after it, well inside the 15 s
 * the runtime gives the whole shutdown beyond its grace (runtime.ts).
 */
export const SMTP_THREAD_CLOSE_DRAIN_MS = 5_000;
const STOP_TIMEOUT_MS = 2_000;
const THREAD_FILE = 'libs/core/src/mail/smtp-pool.thread.mjs';
/**
 * The thread's heap, kept as small as the api's own (`--max-semi-space-size=4`, package.json). It holds only the
 * messages in flight and the pool's five connections.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 3, maxOldGenerationSizeMb: 64 };

/** One thread and what is known about it. */
interface Thread {
  worker: Worker;
  /** It posted `ready`: from then on a message given to it may have gone out. */
  ready: boolean;
  /** Messages posted and not yet answered. */
  inFlight: number;
  /** Settles when the thread has ended, whenever that is (made at start, so it is never missed). */
  exited: Promise<void>;
}

interface Waiting {
  thread: Thread;
  resolve: (sent: SentMail) => void;
  reject: (error: Error) => void;
}

type ThreadMessage =
  | { type: 'ready' }
  | { id: number; sent: SentMail }
  | { id: number; error: { message: string } & Record<string, unknown> };

/**
 * nodemailer's SMTP pool in a worker thread of its own (smtp-pool.thread.mjs). Building MIME and writing it to
 * the sockets was about 40 % of the send path's main-thread time; there it waited behind the database and
 * queue work of the same process, here it runs beside it on the other core (docs/benchmarks.md, b).
 * Started at the first message, stopped after SMTP_THREAD_IDLE_MS without one.
 *
 * A message that cannot have gone out fails with code `ECONFIG`, which classifySmtpError retries: the thread
 * could not start or was not ready yet, the transport was closed, the message could not be handed over. One
 * lost in a thread that was ready fails without a code: it may be out, so it is `unknown` (architecture.md "Mail").
 */
export class SmtpPoolThread {
  private current: Thread | null = null;
  private closed = false;
  /** The one close in progress: a second caller waits for the same end. */
  private closing: Promise<void> | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private readonly alive = new Set<Thread>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly transportOptions: Record<string, unknown>,
    private readonly timing = { idleMs: SMTP_THREAD_IDLE_MS, closeDrainMs: SMTP_THREAD_CLOSE_DRAIN_MS },
  ) {}

  /** Threads started and not yet ended (0 or 1, briefly 2 while an idle one stops). */
  get liveThreads(): number {
    return this.alive.size;
  }

  /** Sends one message; rejects with nodemailer's error, its `responseCode`, `code` and `command` kept. */
  send(options: SendMailOptions): Promise<SentMail> {
    if (this.closed) return Promise.reject(notSent('the mail transport is closed'));
    let thread: Thread;
    try {
      thread = this.current ?? this.start();
    } catch (error) {
      return Promise.reject(notSent(`the SMTP thread could not start: ${(error as Error).message}`));
    }
    this.clearIdleTimer();
    const id = ++this.nextId;
    return new Promise<SentMail>((resolve, reject) => {
      try {
        thread.worker.postMessage({ id, options });
      } catch (error) {
        reject(notSent(`the message could not be handed to the SMTP thread: ${(error as Error).message}`));
        if (thread.inFlight === 0) this.idle(thread); // the idle timer was cleared above
        return;
      }
      this.waiting.set(id, { thread, resolve, reject });
      thread.inFlight += 1;
      thread.worker.ref();
    });
  }

  /**
   * Refuses new messages, lets those in flight finish (at most the close drain time), then stops the thread and
   * its connections. Resolves once no thread of this transport runs, also one that was already stopping idle, so
   * a shutdown that awaits it leaves no thread behind; every caller waits for that same end.
   */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= this.drainAndStop();
    return this.closing;
  }

  private async drainAndStop(): Promise<void> {
    this.clearIdleTimer();
    const thread = this.current;
    this.current = null;
    if (thread) {
      const deadline = Date.now() + this.timing.closeDrainMs;
      while (thread.inFlight > 0 && this.alive.has(thread) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await stopThread(thread);
    }
    // An idle thread stopping on its own ends within STOP_TIMEOUT_MS (stopThread's timer).
    await Promise.all([...this.alive].map((stopping) => stopping.exited));
  }

  private start(): Thread {
    const worker = new Worker(projectPath(THREAD_FILE), {
      workerData: { transportOptions: this.transportOptions },
      resourceLimits: THREAD_LIMITS,
    });
    const thread: Thread = {
      worker,
      ready: false,
      inFlight: 0,
      exited: new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    };
    this.alive.add(thread);
    this.current = thread;
    worker.on('message', (message: ThreadMessage) => this.settle(thread, message));
    worker.on('error', (error) => this.lose(thread, error));
    worker.on('exit', (code) => {
      this.alive.delete(thread);
      this.lose(thread, new Error(`exit code ${code}`));
    });
    return thread;
  }

  private settle(thread: Thread, message: ThreadMessage): void {
    if ('type' in message) {
      thread.ready = true;
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    thread.inFlight -= 1;
    if ('sent' in message) waiting.resolve(message.sent);
    else waiting.reject(Object.assign(new Error(message.error.message), message.error));
    if (thread.inFlight === 0) this.idle(thread);
  }

  /** The thread died or was stopped with messages in it: each fails as not sent, or as unknown (see the class). */
  private lose(thread: Thread, cause: Error): void {
    if (this.current === thread) this.current = null;
    for (const [id, waiting] of this.waiting) {
      if (waiting.thread !== thread) continue;
      this.waiting.delete(id);
      thread.inFlight -= 1;
      const stopped = `the SMTP thread stopped during the send (${cause.message})`;
      waiting.reject(thread.ready ? new Error(`Perhaps sent: ${stopped}`) : notSent(stopped));
    }
  }

  /** No message in flight: the thread no longer keeps the process alive, and stops unless another comes soon. */
  private idle(thread: Thread): void {
    thread.worker.unref();
    if (thread !== this.current) return;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.current !== thread || thread.inFlight > 0) return;
      this.current = null;
      void stopThread(thread);
    }, this.timing.idleMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** An error for a message that cannot have gone out: `ECONFIG`, which classifySmtpError retries. */
function notSent(reason: string): Error {
  return Object.assign(new Error(`Not sent: ${reason}`), { code: 'ECONFIG' });
}

/** Asks the thread to close its connections and end; ends it outright if it has not within STOP_TIMEOUT_MS. */
async function stopThread(thread: Thread): Promise<void> {
  try {
    thread.worker.postMessage({ type: 'close' });
  } catch {
    // Already ended: `exited` has settled or is about to.
  }
  const timer = setTimeout(() => void thread.worker.terminate(), STOP_TIMEOUT_MS);
  await thread.exited;
  clearTimeout(timer);
}
