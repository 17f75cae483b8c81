// A lean SMTP sink in a process of its own (so it never shares a CPU thread with the sender it
// measures): accepts every message, counts bytes and recipients, and answers the parent over IPC.
import { SMTPServer } from 'smtp-server';

const perRecipient = new Map();
let messages = 0;
let firstAt = 0;
let lastAt = 0;
const server = new SMTPServer({
  logger: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  closeTimeout: 200,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      const now = Date.now();
      if (!firstAt) firstAt = now;
      lastAt = now;
      messages += 1;
      for (const { address } of session.envelope.rcptTo) {
        const key = address.toLowerCase();
        perRecipient.set(key, (perRecipient.get(key) ?? 0) + 1);
      }
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.server.address().port }));
process.on('message', (message) => {
  if (message.type === 'reset') {
    perRecipient.clear();
    messages = 0;
    firstAt = 0;
    lastAt = 0;
    process.send({ type: 'reset', id: message.id });
  } else if (message.type === 'stats') {
    let duplicates = 0;
    let matching = 0;
    for (const [address, count] of perRecipient) {
      if (message.domain && !address.endsWith(`@${message.domain}`)) continue;
      matching += 1;
      if (count > 1) duplicates += 1;
    }
    process.send({ type: 'stats', id: message.id, messages, recipients: matching, duplicates, firstAt, lastAt });
  } else if (message.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
