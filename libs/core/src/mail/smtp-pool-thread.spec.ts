import { Worker } from 'node:worker_threads';
import { jest } from '@jest/globals';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { SmtpPoolThread } from './smtp-pool-thread';

const mail = (to: string) => ({
  from: 'anna@wsp.example',
  to,
  subject: 'Samen praktijkleren?',
  text: 'Beste Piet,',
  html: '<p>Beste Piet,</p>',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SmtpPoolThread', () => {
  let sink: SmtpSink;
  const threads: SmtpPoolThread[] = [];
  const thread = (options: Record<string, unknown>, timing = { idleMs: 60_000, closeDrainMs: 5_000 }) => {
    const created = new SmtpPoolThread({ pool: true, ...options }, timing);
    threads.push(created);
    return created;
  };

  beforeEach(async () => {
    sink = await startSmtpSink({
      rejectRcpt: (address) => (address.startsWith('gone@') ? { code: 550, message: '5.1.1 No such user' } : undefined),
      afterData: (address) => (address.startsWith('slow@') ? { kind: 'tarpit', ms: 2_000 } : undefined),
    });
  });
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((t) => t.close()));
    await sink.close();
  });

  it('should send many messages at once through one thread and answer each with its own recipient', async () => {
    const smtp = thread({ url: sink.url });
    const addresses = Array.from({ length: 30 }, (_, i) => `piet${i}@bakkerij.example`);

    const results = await Promise.all(addresses.map((to) => smtp.send(mail(to))));

    expect(results.map((result) => result.accepted)).toEqual(addresses.map((to) => [to]));
    expect(results.every((result) => /^<.+@wsp\.example>$/.test(result.messageId))).toBe(true);
    expect(new Set(results.map((result) => result.messageId)).size).toBe(30);
    expect((await sink.waitFor(30)).length).toBe(30);
  });

  it("should reject with nodemailer's code, responseCode and command when the server refuses the recipient", async () => {
    const smtp = thread({ url: sink.url });

    const refusal = await smtp.send(mail('gone@bakkerij.example')).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(Error);
    expect(refusal).toMatchObject({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' });
    expect((refusal as Error).message).toMatch(/No such user/);
  });

  it('should stop the thread once idle and start a new one for the next message', async () => {
    const smtp = thread({ url: sink.url }, { idleMs: 100, closeDrainMs: 5_000 });

    await smtp.send(mail('piet@bakkerij.example'));
    expect(smtp.liveThreads).toBe(1);
    for (let waited = 0; smtp.liveThreads > 0 && waited < 5_000; waited += 20) await sleep(20);
    expect(smtp.liveThreads).toBe(0);
    const again = await smtp.send(mail('klaas@bakkerij.example'));

    expect(again.accepted).toEqual(['klaas@bakkerij.example']);
    expect(smtp.liveThreads).toBe(1);
  });

  it('should fail a message as a configuration error (ECONFIG, so it is retried) when the thread cannot start', async () => {
    const smtp = thread({ url: 'smtp://[' });

    const failure = await smtp.send(mail('piet@bakkerij.example')).catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'ECONFIG' });
    expect((failure as Error).message).toMatch(/SMTP thread stopped/);
    expect(sink.messages).toHaveLength(0);
  });

  it('should fail a message it cannot hand to the thread as not sent (ECONFIG), and still stop the idle thread', async () => {
    const smtp = thread({ url: sink.url }, { idleMs: 100, closeDrainMs: 5_000 });
    const uncloneable = { ...mail('piet@bakkerij.example'), headers: { 'X-Made-By': () => 'a function' } };

    const failure = await smtp.send(uncloneable as never).catch((error: unknown) => error);
    for (let waited = 0; smtp.liveThreads > 0 && waited < 5_000; waited += 20) await sleep(20);

    expect(failure).toMatchObject({ code: 'ECONFIG' });
    expect((failure as Error).message).toMatch(/could not be handed to the SMTP thread/);
    expect(smtp.liveThreads).toBe(0);
  });

  it('should refuse a message as not sent (ECONFIG) and start no thread once closed', async () => {
    const smtp = thread({ url: sink.url });
    await smtp.send(mail('piet@bakkerij.example'));
    await smtp.close();

    const refusal = await smtp.send(mail('klaas@bakkerij.example')).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ code: 'ECONFIG' });
    expect(smtp.liveThreads).toBe(0);
    expect(sink.messages.map((message) => message.envelope.rcptTo)).toEqual([['piet@bakkerij.example']]);
  });

  it('should end every close only once the thread has ended, when two callers close at once', async () => {
    const smtp = thread({ url: sink.url });
    await smtp.send(mail('piet@bakkerij.example'));

    const first = smtp.close();
    const second = smtp.close();
    await second;

    expect(second).toBe(first);
    expect(smtp.liveThreads).toBe(0);
  });

  it('should wait in close for a thread that is still stopping after it went idle', async () => {
    const smtp = thread({ url: sink.url }, { idleMs: 0, closeDrainMs: 5_000 });
    const posted = jest.spyOn(Worker.prototype, 'postMessage');
    await smtp.send(mail('piet@bakkerij.example'));
    const askedToStop = () => posted.mock.calls.some(([message]) => (message as { type?: string }).type === 'close');
    // Until the idle timer (0 ms) has asked the thread to stop; it ends only after closing its SMTP connection.
    for (let turns = 0; !askedToStop() && turns < 10_000; turns++)
      await new Promise((resolve) => setImmediate(resolve));
    const stopRequested = askedToStop();
    posted.mockRestore();
    expect(stopRequested).toBe(true);
    expect(smtp.liveThreads).toBe(1);

    await smtp.close();

    expect(smtp.liveThreads).toBe(0);
  });

  it('should fail a message in flight without a code (so it counts as unknown) when the thread stops during its send', async () => {
    const smtp = thread({ url: sink.url }, { idleMs: 60_000, closeDrainMs: 50 });
    await smtp.send(mail('piet@bakkerij.example'));

    const inFlight = smtp.send(mail('slow@bakkerij.example')).catch((error: unknown) => error);
    await sleep(300); // the message is at the sink, which holds its answer for 2 s
    await smtp.close();
    const failure = await inFlight;

    expect(smtp.liveThreads).toBe(0);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as { code?: string }).code).toBeUndefined();
    expect((failure as Error).message).toMatch(/SMTP thread stopped during the send/);
  });
});
