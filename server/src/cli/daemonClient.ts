// `check --daemon` and `daemon --stop|--status`: asks the root's daemon (cli/daemonServe.ts), starting one when none
// listens. A daemon that cannot be started or reached, or that fails to answer, is said on stderr and the check runs
// here instead, so `--daemon` never changes a result, only where it is computed.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
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
 * Starts the root's daemon in the background (its own process group, no terminal, outliving this process) and
 * resolves once it listens — or once it said why not (null then, with what it said).
 */
function startDaemon(dir: string, environment: string | null): Promise<string | null> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [__filename, 'daemon', `--root=${dir}`, ...(environment !== null ? [`--python-env=${environment}`] : [])],
      // Its one line on stdout says it listens; it writes nothing after, so no pipe outlives this process.
      { detached: true, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true },
    );
    let out = '';
    let finished = false;
    const finish = (failure: string | null): void => {
      if (finished) return;
      finished = true;
      child.stdout.destroy();
      child.unref();
      done(failure);
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('\n')) finish(null);
    });
    child.once('error', (e) => finish(e.message));
    child.once('exit', (code) =>
      finish(`it exited with code ${code ?? 'none'} (\`registry-lens daemon ${dir}\` says why)`),
    );
  });
}

/**
 * `check --daemon`: the answer of the root's daemon (started when none listens), with what it said while analysing;
 * null when there is none to ask, after saying why on `warn` (the caller then checks here).
 */
export async function checkByDaemon(
  dir: string,
  version: string,
  request: Extract<DaemonRequest, { kind: 'check' }>,
  warn: (message: string) => void,
  environment: string | null,
): Promise<CheckAnswer | null> {
  const socket = daemonSocket(dir, version, environment);
  if ('error' in socket) {
    warn(`no daemon: ${socket.error}; checking here`);
    return null;
  }
  let answer = await ask(socket.path, request);
  if (answer === null) {
    const failure = await startDaemon(dir, environment);
    if (failure !== null) {
      warn(`the daemon did not start: ${failure}; checking here`);
      return null;
    }
    answer = await ask(socket.path, request);
  }
  if (answer === null || !answer.ok || answer.check === undefined) {
    warn(`the daemon did not answer${answer && !answer.ok ? `: ${answer.error}` : ''}; checking here`);
    return null;
  }
  for (const w of answer.warnings ?? []) warn(w);
  return answer.check;
}
