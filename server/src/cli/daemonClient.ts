// `check --daemon` and `daemon --stop|--status`: asks the root's daemon (cli/daemonServe.ts). When none listens, the
// check runs here while one starts for the next check (its load waits for this one's end), so the first check costs
// what a check without `--daemon` costs. A daemon that cannot be reached, or that fails to answer, is said on stderr
// and the check runs here instead, so `--daemon` never changes a result, only where it is computed.
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

/** A daemon started for the checks after this one, which this process answers itself meanwhile. */
export interface StartingDaemon {
  /** Lets it load the root; resolves once it listens (null), or with why it did not start. */
  go(): Promise<string | null>;
}

/**
 * Starts the root's daemon in the background (its own process group, no terminal, outliving this process). It
 * listens at once but loads only once `go` ends its standard input (or this process exits, or a check asks it): the
 * check answered here and the daemon's load never share the CPU, and the daemon is started while this process
 * analyses.
 */
function startDaemon(dir: string, environment: string | null): StartingDaemon {
  const child = spawn(
    process.execPath,
    [
      __filename,
      'daemon',
      `--root=${dir}`,
      '--load-after-stdin',
      ...(environment !== null ? [`--python-env=${environment}`] : []),
    ],
    // Its one line on stdout says it listens; it writes nothing after, so no pipe outlives this process.
    { detached: true, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true },
  );
  // Neither pipe keeps this process alive: if it exits first, its end of the input closes and the daemon loads.
  (child.stdin as unknown as Socket).unref();
  (child.stdout as unknown as Socket).unref();
  child.stdin.on('error', () => undefined); // a daemon gone first: `listening` says why
  const listening = new Promise<string | null>((done) => {
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
  return {
    go: () => {
      child.stdin.end();
      return listening;
    },
  };
}

/**
 * `check --daemon`: the answer of the root's daemon with what it said while analysing; when none listens, one being
 * started (the caller checks here meanwhile, then calls `go`); null when there is none to ask, after saying why on
 * `warn` (the caller then checks here).
 */
export async function checkByDaemon(
  dir: string,
  version: string,
  request: Extract<DaemonRequest, { kind: 'check' }>,
  warn: (message: string) => void,
  environment: string | null,
): Promise<{ answer: CheckAnswer } | { starting: StartingDaemon } | null> {
  const socket = daemonSocket(dir, version, environment);
  if ('error' in socket) {
    warn(`no daemon: ${socket.error}; checking here`);
    return null;
  }
  const answer = await ask(socket.path, request);
  if (answer === null) return { starting: startDaemon(dir, environment) };
  if (!answer.ok || answer.check === undefined) {
    warn(`the daemon did not answer${answer.ok ? '' : `: ${answer.error}`}; checking here`);
    return null;
  }
  for (const w of answer.warnings ?? []) warn(w);
  return { answer: answer.check };
}
