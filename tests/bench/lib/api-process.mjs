// The built api (dist/apps/api/main.js) as a user runs it: its own process, database and queue prefix,
// WORKERS=inline so the launch, import and send processors run in it too.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { freePort, REDIS_URL, ROOT, sleep } from './harness.mjs';

/**
 * V8's heap and collector settings as in package.json's start scripts (which the soak test reads itself:
 * startScript in tests/support/built-process.ts) and the Dockerfile's NODE_OPTIONS: one
 * collector thread beside the main thread instead of Node's four (docs/benchmarks.md, e).
 */
export const PRODUCTION_HEAP_ARGS = ['--max-semi-space-size=4', '--max-old-space-size=512', '--v8-pool-size=1'];
/** As `npm run start:http` and the api service of docker/compose.yml: an api that only serves HTTP (WORKERS=off). */
export const HTTP_HEAP_ARGS = ['--max-semi-space-size=16', '--max-old-space-size=512', '--v8-pool-size=1'];

export const ADMIN = { email: 'bench@bench.example', password: 'bench-admin-password-2025' };

/** What the api and the standalone worker share: one database, one queue prefix, one secret, no inbound SMTP. */
function baseEnv({ databaseUrl, queuePrefix }) {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NO_COLOR: '1',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
    INBOUND_SMTP_PORT: '0',
  };
}

export async function startApi({ databaseUrl, queuePrefix, smtpUrl, env = {}, heapArgs = PRODUCTION_HEAP_ARGS }) {
  const entry = fileURLToPath(new URL('dist/apps/api/main.js', ROOT));
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const port = await freePort();
  // The heap settings of `npm start` and the Docker image (docs/benchmarks.md "Memory"), so the bench measures what
  // users run; e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the api during a run.
  const nodeArgs = [...heapArgs, ...(process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: fileURLToPath(ROOT),
    env: {
      ...baseEnv({ databaseUrl, queuePrefix }),
      PORT: String(port),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WORKERS: 'inline',
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Seen as it arrives: the output keeps only its last 20 KB, and the start's log lines can follow the URL by more.
  let started = false;
  child.stdout.on('data', (chunk) => {
    const text = String(chunk);
    // With the end of what came before: the URL line may arrive split over two chunks.
    started ||= /URL: /.test(output.slice(-5) + text);
    output = (output + text).slice(-20_000);
  });
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  // Two minutes: loading some 3,500 modules takes 5-10 s on an idle machine, and far longer on a busy one.
  const deadline = Date.now() + 120_000;
  while (!started) {
    if (child.exitCode !== null) throw new Error(`api exited at start:\n${output}`);
    if (Date.now() > deadline) {
      // Not left running: the bench would wait for it for ever.
      child.kill('SIGKILL');
      throw new Error(`api did not start:\n${output.slice(-2_000)}`);
    }
    await sleep(100);
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  const agent = new Agent({ keepAlive: true });
  return {
    pid: child.pid,
    base,
    token: accessToken,
    output: () => output,
    async request(method, path, body, extraHeaders = {}) {
      // Multipart uploads go through fetch (FormData); everything else through node:http on kept-alive sockets,
      // which costs the bench process about a millisecond less per request than fetch, time that is the
      // client's, not the api's (measured 2026-11-29: 9.4 against 10.6 ms for one segment preview).
      if (body instanceof FormData) {
        const response = await fetch(`${base}${path}`, { method, headers: { ...headers, ...extraHeaders }, body });
        return answer(response.status, await response.text());
      }
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          `${base}${path}`,
          {
            method,
            agent,
            headers: {
              ...headers,
              ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
              ...extraHeaders,
            },
          },
          (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve(answer(res.statusCode, Buffer.concat(chunks).toString('utf8'))));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    },
    async stop() {
      agent.destroy();
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The built standalone worker (dist/apps/worker/main.js, `npm run start:worker`) as production runs it beside an
 * api with WORKERS=off, with the same heap settings; resolves once it logged that it is ready.
 */
export async function startWorker({ databaseUrl, queuePrefix, smtpUrl }) {
  const entry = fileURLToPath(new URL('dist/apps/worker/main.js', ROOT));
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [...PRODUCTION_HEAP_ARGS, entry], {
    cwd: fileURLToPath(ROOT),
    env: { ...baseEnv({ databaseUrl, queuePrefix }), SMTP_URL: smtpUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => (output = (output + chunk).slice(-20_000));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 120_000;
  while (!/Worker ready/.test(output)) {
    if (child.exitCode !== null) throw new Error(`worker exited at start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`worker did not start:\n${output.slice(-2_000)}`);
    }
    await sleep(100);
  }
  return {
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** An answer as the benchmarks read it: status, the body parsed when it is JSON, and the text. */
function answer(status, text) {
  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status, body, text };
}
