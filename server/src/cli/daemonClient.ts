// `check --daemon` and `daemon --stop|--status`: asks the root's daemon (cli/daemonServe.ts). When none listens, the
// check runs here and then starts one for the next check (which loads once this one has exited), so the first check
// costs what a check without `--daemon` costs. A daemon that cannot be reached, or that fails to answer, is said on
// stderr and the check runs here instead, so `--daemon` never changes a result, only where it is computed.
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { daemonSocket } from '../host/daemonSocket';
import type { CheckAnswer } from './checkAnswer';
import type { DaemonAnswer, DaemonRequest } from './daemonProtocol';

/** Sends one request; the answer, or null when nothing listens there (or it closed without answering). */
export function ask(path: string, request: DaemonRequest): Promise<DaemonAnswer | null> {
  return new Promise((done) => {
    const conn = connect(path);
    const parts: Buffer[] = [];
    conn.once('connect', () => conn.end(`${JSON.stringify(request)}\n`));
    conn.on('data', (chunk: Buffer) => parts.push(chunk));
    conn.once('error', () => done(null));
    conn.once('close', () => {
      try {
        done(JSON.parse(Buffer.concat(parts).toString('utf8')) as DaemonAnswer);
      } catch {
        done(null);
      }
    });
  });
}

/**
 * Starts the root's daemon in the background (its own process group, no terminal, outliving this process), once this
 * process has its answer: its start (loading the bundle) and its load never share the CPU with the check answered
 * here. It loads the root once this process has exited (its standard input, a pipe from here, closes then) or a check
 * asks. Resolves once it is started (null), or with why it could not be.
 */
export function startDaemon(dir: string, environment: string | null): Promise<string | null> {
  const child = spawn(
    process.execPath,
    [
      __filename,
      'daemon',
      `--root=${dir}`,
      '--load-after-stdin',
      ...(environment !== null ? [`--python-env=${environment}`] : []),
    ],
    { detached: true, stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true },
  );
  // Its input is never written nor ended here: this process's exit closes it. It does not keep this process alive.
  (child.stdin as unknown as Socket).unref();
  child.stdin.on('error', () => undefined); // a daemon gone first (another serves the root): nothing to tell
  return new Promise((done) => {
    child.once('spawn', () => {
      child.unref();
      done(null);
    });
    child.once('error', (e) => done(e.message));
  });
}

/**
 * `check --daemon`: the answer of the root's daemon with what it said while analysing; `none` when none listens (the
 * caller checks here, then calls `startDaemon`); null when there is none to ask, after saying why on `warn` (the
 * caller then checks here).
 */
export async function checkByDaemon(
  dir: string,
  version: string,
  request: Extract<DaemonRequest, { kind: 'check' }>,
  warn: (message: string) => void,
  environment: string | null,
): Promise<{ answer: CheckAnswer } | 'none' | null> {
  const socket = daemonSocket(dir, version, environment);
  if ('error' in socket) {
    warn(`no daemon: ${socket.error}; checking here`);
    return null;
  }
  const answer = await ask(socket.path, request);
  if (answer === null) return 'none';
  if (!answer.ok || answer.check === undefined) {
    warn(`the daemon did not answer${answer.ok ? '' : `: ${answer.error}`}; checking here`);
    return null;
  }
  for (const w of answer.warnings ?? []) warn(w);
  return { answer: answer.check };
}
