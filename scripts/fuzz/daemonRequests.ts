// The daemon-request phase of `npm run fuzz`: the check daemon (`registry-lens daemon`, cli/daemonServe.ts) of an
// example root is sent random request lines — a valid check request mutated (fields of the wrong type, paths that
// are absolute or hold a NUL, JSON nested deep, bytes flipped, cut mid-line) and random bytes — each on a connection
// of its own. It must answer each with an error or a check (never crash, never hang), and afterwards a `check
// --daemon` must print what a run without it prints.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, EXAMPLES, type CacheTally } from './cacheCorruption';
import type { Random } from './mutate';

/** Requests per run of the phase: each is one connection. */
const ROUNDS = 60;

const VALID = {
  kind: 'check',
  reportUnusedSuppressions: false,
  files: ['src/cursus/registry/step_names.py'],
  base: [['src/cursus/registry/step_names.py', 'STEP_NAMES = {}\n']],
};

/** A request line: a valid one damaged, or noise. */
function requestLine(r: Random): Buffer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const weird: unknown[] = [
    null,
    0,
    -1,
    1e308,
    '',
    '\0',
    '/etc/passwd',
    'C:/x',
    '..',
    [],
    {},
    [[]],
    true,
    'x'.repeat(5000),
  ];
  const value = (): unknown => pick(weird);
  const request: Record<string, unknown> = structuredClone(VALID);
  switch (Math.floor(r() * 7)) {
    case 0:
      request[pick(['kind', 'reportUnusedSuppressions', 'files', 'base', 'mode', 'extra'])] = value();
      break;
    case 1:
      request['files'] = Array.from({ length: 1 + Math.floor(r() * 4) }, value);
      break;
    case 2:
      request['base'] = [[pick(['src/x.py', '/abs.py', 'a\0b']), value()]];
      break;
    case 3: {
      // nested deeper than a recursive parser's stack (written out: stringifying it would overflow ours)
      const depth = 10_000 + Math.floor(r() * 50_000);
      const { files: _, ...rest } = request;
      return Buffer.from(`${JSON.stringify(rest).slice(0, -1)},"files":${'['.repeat(depth)}1${']'.repeat(depth)}}\n`);
    }
    case 4: {
      const b = Buffer.from(`${JSON.stringify(request)}\n`);
      for (let i = 0; i < 1 + Math.floor(r() * 6); i++) {
        const j = Math.floor(r() * (b.length - 1));
        b[j] = (b[j] as number) ^ (1 << Math.floor(r() * 8));
      }
      return b;
    }
    case 5:
      return Buffer.from(JSON.stringify(request).slice(0, Math.floor(r() * 60)));
    default:
      return Buffer.from(Array.from({ length: Math.floor(r() * 400) }, () => Math.floor(r() * 256)));
  }
  return Buffer.from(`${JSON.stringify(request)}\n`);
}

/** Sends bytes on a connection of their own: what came back (the daemon closes once it answered or gave up). */
function send(socket: string, bytes: Buffer): Promise<string> {
  return new Promise((done) => {
    const c = connect(socket);
    let got = '';
    c.once('connect', () => c.end(bytes));
    c.on('data', (d: Buffer) => (got += d.toString('utf8')));
    c.once('error', () => done(got));
    c.once('close', () => done(got));
  });
}

/** `check` of a root (with `--daemon` or not): document without timing, exit code, stderr. */
function check(root: string, env: NodeJS.ProcessEnv, daemon: boolean): string {
  const args = [CLI, 'check', root, '--format', 'json', ...(daemon ? ['--daemon'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, timeout: 60_000 });
  return `${r.status} ${r.stdout.replace(/"ms": ?\d+/, '')} ${r.stderr}`;
}

export async function daemonRequestPhase(
  r: Random,
  roots: string[],
  failure: (kind: string, detail: string, files: Map<string, string>) => void,
): Promise<CacheTally> {
  const t: CacheTally = { runs: 0, failures: 0 };
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-fuzz-daemon-'));
  const env = { ...process.env, TMPDIR: join(temp, 'tmp') };
  mkdirSync(env.TMPDIR);
  const name = roots[Math.floor(r() * roots.length)] as string;
  const root = join(temp, 'root');
  cpSync(join(EXAMPLES, name), root, { recursive: true });
  const daemon = spawn(process.execPath, [CLI, 'daemon', root, '--idle', '5'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  daemon.once('exit', () => (exited = true));
  try {
    await new Promise<void>((ready) => daemon.stdout.once('data', () => ready()));
    const folder = join(env.TMPDIR, readdirSync(env.TMPDIR)[0] as string);
    const socket = join(folder, readdirSync(folder)[0] as string);
    for (let i = 0; i < ROUNDS && !exited; i++) {
      const line = requestLine(r);
      const got = await send(socket, line);
      t.runs++;
      // A whole line gets an answer; a cut one may get none. Either way the daemon lives on.
      const answered = got === '' ? line.includes(10) === false : /^\{"ok":(true|false),"pid":\d+/.test(got);
      if (answered && !exited) continue;
      t.failures++;
      failure(
        'daemon',
        `daemon of ${name}: request ${i} (${line.length} bytes) answered '${got.slice(0, 80)}'`,
        new Map(),
      );
    }
    if (exited) return t;
    const fresh = check(root, env, false);
    if (check(root, env, true) !== fresh) {
      t.failures++;
      failure('daemon', `daemon of ${name}: check --daemon differs from check after the requests`, new Map());
    }
  } finally {
    if (exited) {
      t.failures++;
      failure('daemon', `daemon of ${name} exited during the requests`, new Map());
    }
    daemon.kill();
    rmSync(temp, { recursive: true, force: true });
  }
  return t;
}
