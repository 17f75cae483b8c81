import { Worker } from 'node:worker_threads';
import type { SendMailOptions } from 'nodemailer';
import { projectPath } from '../database/project-path';
import { SentMail } from './mail.types';

/** How long the thread stays after its last message: a send burst keeps one thread, an idle api frees its memory. */
export const SMTP_THREAD_IDLE_MS = 30_000;
/** How long closing waits for messages still in the thread before it stops the thread anyway. */
export const SMTP_THREAD_CLOSE_DRAIN_MS = 10_000;
const THREAD_FILE = 'libs/core/src/mail/smtp-pool.thread.mjs';
/**
 * The thread's heap, kept as small as the api's own (`--max-semi-space-size=4`, package.json): 4 MB
 * semi-spaces. It holds only the messages in flight and the pool's five connections.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 3, maxOldGenerationSizeMb: 64 };

interface Waiting {
  thread: Worker;
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
 */
export class SmtpPoolThread {
  private thread: Worker | null = null;
  private ready = false;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly transportOptions: Record<string, unknown>,
    private readonly timing = { idleMs: SMTP_THREAD_IDLE_MS, closeDrainMs: SMTP_THREAD_CLOSE_DRAIN_MS },
  ) {}

  /** Whether a thread is up (it starts with the first message and stops when idle or closed). */
  get running(): boolean {
    return this.thread !== null;
  }

  /** Sends one message; rejects with nodemailer's error, its `responseCode`, `code` and `command` kept. */
  send(options: SendMailOptions): Promise<SentMail> {
    const thread = this.thread ?? this.start();
    this.clearIdleTimer();
    const id = ++this.nextId;
    return new Promise<SentMail>((resolve, reject) => {
      this.waiting.set(id, { thread, resolve, reject });
      thread.ref();
      thread.postMessage({ id, options });
    });
  }

  /** Lets the messages in flight finish (at most the close drain time), then stops the thread and its connections. */
  async close(): Promise<void> {
    this.clearIdleTimer();
    const thread = this.thread;
    if (!thread) return;
    this.thread = null;
    const deadline = Date.now() + this.timing.closeDrainMs;
    while (this.inFlight(thread) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await stopThread(thread);
  }

  private start(): Worker {
    const thread = new Worker(projectPath(THREAD_FILE), {
      workerData: { transportOptions: this.transportOptions },
      resourceLimits: THREAD_LIMITS,
    });
    this.thread = thread;
    this.ready = false;
    thread.on('message', (message: ThreadMessage) => this.settle(thread, message));
    thread.on('error', (error) => this.lose(thread, error));
    thread.on('exit', (code) => this.lose(thread, new Error(`The SMTP thread stopped (exit code ${code})`)));
    return thread;
  }

  private settle(thread: Worker, message: ThreadMessage): void {
    if ('type' in message) {
      if (thread === this.thread) this.ready = true;
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id);
    if ('sent' in message) waiting.resolve(message.sent);
    else waiting.reject(Object.assign(new Error(message.error.message), message.error));
    if (this.inFlight(thread) === 0) this.idle(thread);
  }

  /**
   * The thread died (or was stopped) with messages in it. Before it was ready nothing can have been sent, so
   * those fail as a configuration error (`ECONFIG`: retried). After, a message may be out: no code, which
   * classifySmtpError reads as `unknown`, never sent again blindly (architecture.md "Mail").
   */
  private lose(thread: Worker, cause: Error): void {
    const beforeReady = thread === this.thread && !this.ready;
    if (thread === this.thread) this.thread = null;
    for (const [id, waiting] of this.waiting) {
      if (waiting.thread !== thread) continue;
      this.waiting.delete(id);
      const error = new Error(`The SMTP thread stopped during the send: ${cause.message}`);
      waiting.reject(beforeReady ? Object.assign(error, { code: 'ECONFIG' }) : error);
    }
  }

  /** No message in flight: the thread no longer keeps the process alive, and stops unless another comes soon. */
  private idle(thread: Worker): void {
    thread.unref();
    if (thread !== this.thread) return;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.thread !== thread || this.inFlight(thread) > 0) return;
      this.thread = null;
      void stopThread(thread);
    }, this.timing.idleMs);
    this.idleTimer.unref();
  }

  private inFlight(thread: Worker): number {
    let count = 0;
    for (const waiting of this.waiting.values()) if (waiting.thread === thread) count += 1;
    return count;
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** Asks the thread to close its connections and end; ends it outright if it has not within 5 s. */
async function stopThread(thread: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  thread.postMessage({ type: 'close' });
  const timer = setTimeout(() => void thread.terminate(), 5_000);
  await exited;
  clearTimeout(timer);
}
