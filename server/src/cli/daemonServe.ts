// `registry-lens daemon ROOT`: keeps ROOT analysed between checks (as mypy's dmypy and eslint_d do), so a check
// after an edit costs what the edit reaches instead of a whole analysis. It is the MCP server's live root
// (host/liveRoot.ts: walked again before each answer, what changed fed, so an answer is what a fresh `check` gives)
// behind a socket only this user can reach (host/daemonSocket.ts); it reads nothing outside the root, writes nothing
// in it, runs no workspace code, and exits once idle for `--idle` minutes or when asked (`--stop`).
import { createServer, connect, type Server, type Socket } from 'node:net';
import { unlinkSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { daemonSocket } from '../host/daemonSocket';
import { findEnvironment } from '../host/pythonEnv';
import { LiveRoot } from '../host/liveRoot';
import { OFF_UNLESS_ASKED, withOverrides } from '../host/openRoot';
import { checkAnswer, type CheckAnswer } from './checkAnswer';
import { MAX_LINE, parseRequest, type DaemonAnswer, type DaemonRequest, type DaemonStatus } from './daemonProtocol';
import { UsageError } from './usage';

/** How long a connection may take to send its request line. */
const REQUEST_TIMEOUT_MS = 30_000;

/** How long a daemon waits for a request before it exits, by default (minutes). */
export const DEFAULT_IDLE_MINUTES = 15;

/**
 * Serves `dir` (an absolute directory) until idle for `idleMinutes` or stopped; `ready` is called once it listens (or
 * once it found another daemon of the root listening, which it leaves answering). The root loads at once, or, given
 * `loadAfter`, once that settles or the first request comes, whichever is first. The exit code.
 */
export async function serveDaemon(
  dir: string,
  version: string,
  idleMinutes: number,
  ready: (message: string) => void,
  loadAfter: Promise<void> | undefined,
  environment: string | null,
): Promise<number> {
  const socket = daemonSocket(dir, version, environment);
  if ('error' in socket) throw new UsageError(`no daemon: ${socket.error}`);
  // Half-open: a client ends its side once it sent its request, and waits for the answer on the other.
  const server = createServer({ allowHalfOpen: true });
  if (!(await listen(server, socket.path))) {
    ready(`a daemon already serves ${dir}`);
    return 0;
  }
  // What the analysis says (skipped files, unreadable folders) goes to the check that is answered next.
  let said: string[] = [];
  let live: LiveRoot | undefined;
  // The environment the client found (its folder names the daemon): its frameworks are fed as library code. Found
  // again as the client found it (activated, the root's own) when it is that one, so RL079 says why it was taken.
  const own = findEnvironment(dir, undefined, process.env);
  const env =
    environment === null
      ? null
      : own !== null && !('error' in own) && own.dir === environment
        ? own
        : findEnvironment(dir, environment, {});
  const python = env === null || 'error' in env ? null : env;
  const root = (): LiveRoot => (live ??= new LiveRoot(dir, (m) => said.push(m), undefined, python));
  const started = performance.now();
  let answered = 0;
  const status = (): DaemonStatus => ({
    root: dir,
    uptimeMs: Math.round(performance.now() - started),
    answered,
    analysis: live === undefined ? 'waiting' : live.isLoaded ? 'loaded' : 'loading',
    idleMinutes,
  });
  if (loadAfter === undefined) root();
  else void loadAfter.then(() => server.listening && root());
  let idle: NodeJS.Timeout | undefined;
  let open = 0;
  const done = new Promise<void>((end) => {
    const stop = (): void => {
      clearTimeout(idle);
      server.close();
      void (live?.close() ?? Promise.resolve()).then(end);
    };
    const rest = (): void => {
      clearTimeout(idle);
      if (server.listening) idle = setTimeout(stop, idleMinutes * 60_000);
    };
    rest();
    server.on('connection', (conn) => {
      open++;
      clearTimeout(idle);
      conn.on('error', () => undefined); // a client gone before its answer: nothing to tell
      void answer(conn, async (request) => {
        if (request.kind === 'stop') setImmediate(stop);
        if (request.kind === 'status') return { status: status() };
        if (request.kind !== 'check') return {};
        const overrides = { mode: request.mode, off: request.reportUnusedSuppressions ? [] : OFF_UNLESS_ASKED };
        const base = request.base === undefined ? undefined : request.base && new Map(request.base);
        return root().run((_, opened) => {
          const warnings = said;
          said = [];
          const check = withOverrides(opened, overrides, (e) => checkAnswer(e, request.files, base));
          answered++;
          return { check, warnings };
        });
      }).finally(() => {
        if (--open === 0) rest();
      });
    });
  });
  ready(`serving ${dir}`);
  await done;
  return 0;
}

/**
 * Listens on the socket; false when another daemon of the root answers there. A socket file nobody listens on (a
 * daemon that was killed) is removed first.
 */
async function listen(server: Server, path: string): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const error = await new Promise<NodeJS.ErrnoException | null>((done) => {
      server.once('error', done);
      server.listen(path, () => {
        server.off('error', done);
        done(null);
      });
    });
    if (error === null) return true;
    if (error.code !== 'EADDRINUSE' || attempt > 2) throw error;
    if (await answers(path)) return false;
    try {
      unlinkSync(path);
    } catch {
      // another daemon removed it first; listen again
    }
  }
}

/** Whether something answers on the socket. */
function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const c = connect(path);
    c.once('connect', () => {
      c.destroy();
      done(true);
    });
    c.once('error', () => done(false));
  });
}

/** What a request is answered with besides `ok` and `pid`. */
interface Answered {
  check?: CheckAnswer;
  warnings?: string[];
  status?: DaemonStatus;
}

/** Reads one request line from a connection and writes the answer to it. */
async function answer(conn: Socket, work: (request: DaemonRequest) => Promise<Answered>): Promise<void> {
  const reply = (a: DaemonAnswer): void => {
    conn.end(`${JSON.stringify(a)}\n`);
  };
  const line = await readLine(conn);
  if (line === null) return void conn.destroy();
  const request = parseRequest(line);
  if ('error' in request) return reply({ ok: false, pid: process.pid, error: request.error });
  try {
    reply({ ok: true, pid: process.pid, ...(await work(request)) });
  } catch (e) {
    reply({ ok: false, pid: process.pid, error: e instanceof Error ? e.message : String(e) });
  }
}

/** The connection's first line (null: it closed first or sent more than `MAX_LINE` bytes without one). */
function readLine(conn: Socket): Promise<string | null> {
  return new Promise((done) => {
    const parts: Buffer[] = [];
    let size = 0;
    const finish = (line: string | null): void => {
      conn.off('data', onData);
      // Whatever follows the line is dropped, and its end read, so the connection closes once answered.
      conn.resume();
      conn.setTimeout(0);
      done(line);
    };
    // A connection that never sends its line would keep the daemon from ever idling out.
    conn.setTimeout(REQUEST_TIMEOUT_MS, () => finish(null));
    const onData = (chunk: Buffer): void => {
      const at = chunk.indexOf(10);
      if (at >= 0) return finish(Buffer.concat([...parts, chunk.subarray(0, at)]).toString('utf8'));
      parts.push(chunk);
      size += chunk.length;
      if (size > MAX_LINE) finish(null);
    };
    conn.on('data', onData);
    conn.once('end', () => finish(null));
    conn.once('error', () => finish(null));
  });
}
