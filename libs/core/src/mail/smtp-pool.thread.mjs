// The SMTP pool's own thread (smtp-pool-thread.ts starts it): nodemailer builds and sends each message here,
// so MIME building and the socket writes of DATA no longer share the main thread with the database and queue
// work (docs/benchmarks.md, b). Plain JavaScript: a worker thread loads it as it is, from sources and from dist.
import { parentPort, workerData } from 'node:worker_threads';
import nodemailer from 'nodemailer';

// No stack traces in this thread. Node's stream.pipeline, which nodemailer runs per message part, aborts a signal
// when it finishes, and the abort's DOMException captured a stack each time: about 8% of this thread's time.
// Errors here go to the main thread as code, response and message (plainError); a stack of nodemailer's
// internals says nothing the send path uses.
Error.stackTraceLimit = 0;

const transport = nodemailer.createTransport(workerData.transportOptions);
// Before this, a failed thread cannot have sent anything (smtp-pool-thread.ts tells the two cases apart).
parentPort.postMessage({ type: 'ready' });

/** What an error carries across the thread: structured clone would keep only its message and stack. */
function plainError(error) {
  const plain = { name: error?.name ?? 'Error', message: error?.message ?? String(error), stack: error?.stack };
  for (const [key, value] of Object.entries(error ?? {})) {
    if (['string', 'number', 'boolean'].includes(typeof value)) plain[key] = value;
  }
  return plain;
}

const addressOf = (entry) => (typeof entry === 'string' ? entry : entry.address);

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    transport.close();
    parentPort.close();
    return;
  }
  transport.sendMail(message.options).then(
    (info) =>
      parentPort.postMessage({
        id: message.id,
        sent: {
          messageId: info.messageId,
          accepted: info.accepted.map(addressOf),
          rejected: info.rejected.map(addressOf),
          response: info.response,
        },
      }),
    (error) => parentPort.postMessage({ id: message.id, error: plainError(error) }),
  );
});
