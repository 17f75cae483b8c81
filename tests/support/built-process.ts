import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { projectPath } from '@app/core';

const ROOT = projectPath('.');

export interface BuiltProcess {
  child: ChildProcess;
  /** stdout and stderr so far, without colour codes. */
  output(): string;
  stderr(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** For clean-up: SIGTERM (so the embedded servers stop too), SIGKILL if it hangs. */
  shutdown(): Promise<void>;
}

/** Fails with a clear message when `npm run build` has not produced the entry point. */
export function builtEntry(relative: string): string {
  const file = path.join(ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first (npm test does)`);
  return file;
}

/** How one of package.json's start scripts runs node: its environment prefix, node flags and dist/ entry point. */
export interface StartScript {
  env: Record<string, string>;
  nodeArgs: string[];
  /** Relative to dist/, as runBuilt takes it. */
  entry: string;
}

/**
 * One of package.json's start scripts, read from the script itself so a test that runs the product "as
 * started" cannot drift from it: `WORKERS=off node --max-semi-space-size=16 … dist/apps/api/main.js` gives
 * `{ env: { WORKERS: 'off' }, nodeArgs: ['--max-semi-space-size=16', …], entry: 'apps/api/main.js' }`.
 * Plain words only (no quotes), as the scripts are written.
 */
export function startScript(script: 'start' | 'start:http' | 'start:worker'): StartScript {
  const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = scripts[script];
  if (!command) throw new Error(`package.json has no "${script}" script`);
  const words = command.trim().split(/\s+/);
  const node = words.indexOf('node');
  const entry = words.findIndex((word) => word.startsWith('dist/'));
  // The entry point last: arguments after it would be silently dropped.
  if (node < 0 || entry < node || entry !== words.length - 1) {
    throw new Error(`"${script}" is not "[VAR=value …] node [flags …] dist/<entry>": ${command}`);
  }
  const prefix = words.slice(0, node);
  if (!prefix.every((word) => /^[A-Z_]+=\S*$/.test(word))) throw new Error(`"${script}": unexpected words before node`);
  return {
    env: Object.fromEntries(prefix.map((word) => word.split(/=(.*)/s).slice(0, 2))),
    nodeArgs: words.slice(node + 1, entry),
    entry: words[entry].slice('dist/'.length),
  };
}

/**
 * Runs a built entry point (dist/…) the way a user would, with only the given environment plus
 * PATH and HOME, so nothing from the developer's shell leaks in. The inbound SMTP receiver takes a
 * free port (INBOUND_SMTP_PORT=0) unless the test passes its own, so parallel tests never fight over 2525.
 * `nodeArgs` go before the entry point (e.g. `startScript('start:http').nodeArgs`).
 */
export function runBuilt(relative: string, env: Record<string, string>, nodeArgs: string[] = []): BuiltProcess {
  const child = spawn(process.execPath, [...nodeArgs, builtEntry(relative)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? ROOT,
      NO_COLOR: '1',
      INBOUND_SMTP_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  child.stdout!.on('data', (chunk: Buffer) => ((out += plain(chunk)), changed()));
  child.stderr!.on('data', (chunk: Buffer) => ((err += plain(chunk)), changed()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => (changed(), resolve({ code, signal }))),
  );
  const output = () => out + err;
  return {
    child,
    output,
    stderr: () => err,
    exited,
    waitFor: (pattern, timeoutMs = 45_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = output().match(pattern);
          if (match) return done(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null)
            return done(() => reject(new Error(`exited before ${pattern}:\n${output()}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output()}`))),
          timeoutMs,
        );
        const done = (finish: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          finish();
        };
        listeners.add(check);
        check();
      }),
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    shutdown: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function plain(chunk: Buffer): string {
  return chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
}

/** Whether anything accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * The TCP ports a process listens on, read from /proc (Linux): its socket inodes matched against
 * the kernel's table of listening sockets. Undefined where /proc is not available.
 */
export function listeningPorts(pid: number): number[] | undefined {
  if (!existsSync(`/proc/${pid}/fd`)) return undefined;
  const listening = new Map<string, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields: sl local_address rem_address st … inode; st 0A = LISTEN
      if (fields[3] === '0A') listening.set(fields[9], parseInt(fields[1].split(':')[1], 16));
    }
  }
  const ports: number[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target = '';
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode && listening.has(inode)) ports.push(listening.get(inode)!);
  }
  return ports;
}
