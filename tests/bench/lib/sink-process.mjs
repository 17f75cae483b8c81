import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Starts sink.child.mjs; `stats(domain)` → { messages, recipients (distinct, in domain), duplicates, firstAt, lastAt }. */
export async function startSinkProcess() {
  const child = fork(fileURLToPath(new URL('./sink.child.mjs', import.meta.url)), [], { stdio: 'inherit' });
  const port = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => resolve(message.port));
  });
  let next = 0;
  const ask = (message) =>
    new Promise((resolve) => {
      const id = ++next;
      const listener = (reply) => {
        if (reply.id !== id) return;
        child.off('message', listener);
        resolve(reply);
      };
      child.on('message', listener);
      child.send({ ...message, id });
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    reset: () => ask({ type: 'reset' }),
    stats: (domain) => ask({ type: 'stats', domain }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
