// Hostile Python environments and write locks, a short seeded phase of `npm run fuzz`. A cloned project ships its
// `.venv`, whose files the host reads (host/pythonEnv.ts, host/installedFrameworks.ts): one of them — `pyvenv.cfg`,
// METADATA, RECORD, the editable install's `.pth`, setuptools' finder module, the package folder, `.venv` itself —
// is made huge, deep, a link out of the root, a link loop, a link to /dev/zero, a FIFO or a folder, or is filled to
// its size cap with the shapes that once cost quadratic time (a RECORD listing its `.pth` thousands of times, a `.pth`
// importing one finder module on every line, `MAPPING={` never closed). `check` must answer within its time, never
// crash, and give what it gives with the genuine environment or with none. Then locks (host/lockedWrite.ts): an entry
// of each of those kinds at a file's lock path, or where a repository could plant one beside the file, must never
// keep a write from being applied at once, never be read whole and never be written through.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockOf, replaceFile, withFileLocks } from '../../server/src/host/lockedWrite';
import { CLI, EXAMPLES, type CacheTally } from './cacheCorruption';
import type { Random } from './mutate';

/** Environments per run of the phase: short, as each costs a check. */
const ROUNDS = 10;
/** A check of the small project takes about a second; one that takes this long hangs. */
const CHECK_MS = 20_000;
/** A write takes milliseconds; one that waits for a lock nobody holds takes 10 s. */
const WRITE_MS = 2_000;
const SITE = '.venv/lib/python3.11/site-packages';
const INFO = `${SITE}/cursus-2.9.32.dist-info`;
const PTH = `${SITE}/__editable__.cursus-2.9.32.pth`;
const FINDER = `${SITE}/__editable___cursus_finder.py`;
/** The files of the environment a shape is put in place of (root-relative). */
const TARGETS = ['.venv', '.venv/pyvenv.cfg', `${INFO}/METADATA`, `${INFO}/RECORD`, PTH, FINDER, SITE] as const;
const SHAPES = ['huge', 'deep', 'outside', 'loop', 'zero', 'fifo', 'folder', 'at-cap'] as const;
type Shape = (typeof SHAPES)[number];

/**
 * The project's diagnostics as `check` gives them but RL081, and whether RL081 was among them (null: it crashed, hung
 * or said an internal error).
 */
function diagnostics(root: string): { rest: string; rl081: boolean } | null {
  const r = spawnSync(process.execPath, [CLI, 'check', root, '--format', 'json', '--fail-on', 'never'], {
    encoding: 'utf8',
    timeout: CHECK_MS,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    input: '',
  });
  if (r.status !== 0 || r.stderr.includes('internal error')) return null;
  const all = (JSON.parse(r.stdout) as { diagnostics: { code: string; related?: unknown }[] }).diagnostics;
  // RL079's related line names the environment searched and why it holds no cursus (none found, or a `.venv` whose
  // cursus is unreadable): a hostile file may rightly change that line, while the answer stays the one with no cursus.
  const rest = all
    .filter((d) => d.code !== 'RL081')
    .map((d) => (d.code === 'RL079' ? { ...d, related: undefined } : d));
  return { rest: JSON.stringify(rest), rl081: all.some((d) => d.code === 'RL081') };
}

/**
 * An editable cursus in `root`'s `.venv`: its package folder moved to `source` (outside the root), named by the
 * finder module its `.pth` imports.
 */
function editable(root: string, source: string): void {
  execFileSync(process.execPath, [join(EXAMPLES, 'cursus-project', 'make-venv.mjs'), root]);
  mkdirSync(source, { recursive: true });
  renameSync(join(root, SITE, 'cursus'), join(source, 'cursus'));
  writeFileSync(join(root, INFO, 'RECORD'), '__editable__.cursus-2.9.32.pth,,\n');
  writeFileSync(join(root, PTH), 'import __editable___cursus_finder\n');
  writeFileSync(join(root, FINDER), `MAPPING: dict[str, str] = {'cursus': '${join(source, 'cursus')}'}\n`);
}

/** The text of `target` filled to about 250 KB with what once cost quadratic time, the genuine text last. */
function atCap(target: string, genuine: string): string {
  if (target.endsWith('RECORD')) return '__editable__.cursus-2.9.32.pth,,\n'.repeat(7_500) + genuine;
  if (target.endsWith('.pth')) return 'import __editable___cursus_finder\n'.repeat(7_000) + genuine;
  if (target.endsWith('.py')) return 'MAPPING={'.repeat(14_000) + 'MAPPING: x '.repeat(7_000) + `\n${genuine}`;
  return `${genuine}${' '.repeat(250_000)}\n`;
}

/** Puts `shape` at `abs` in place of what is there (its text `genuine`, when a file); `outside`: a folder elsewhere. */
function place(abs: string, shape: Shape, genuine: string | null, outside: string): void {
  rmSync(abs, { recursive: true, force: true });
  switch (shape) {
    case 'huge':
      writeFileSync(abs, `${genuine ?? ''}${'x'.repeat(3 * 1024 * 1024)}\n`);
      break;
    case 'deep': {
      const deep = join(abs, ...Array.from({ length: 200 }, () => 'd'));
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'f'), genuine ?? '');
      break;
    }
    case 'outside':
      symlinkSync(outside, abs);
      break;
    case 'loop':
      symlinkSync(`${abs}.b`, abs);
      symlinkSync(abs, `${abs}.b`);
      break;
    case 'zero':
      symlinkSync('/dev/zero', abs);
      break;
    case 'fifo':
      execFileSync('mkfifo', [abs]);
      break;
    case 'folder':
      mkdirSync(join(abs, 'keep'), { recursive: true });
      break;
    case 'at-cap':
      writeFileSync(abs, atCap(abs, genuine ?? ''));
  }
}

/** Checks of the project with one environment file made hostile: the genuine answer or the one with no environment. */
function environments(r: Random, temp: string, t: CacheTally, failure: Failure): void {
  const project = join(temp, 'project');
  cpSync(join(EXAMPLES, 'cursus-project'), project, {
    recursive: true,
    filter: (src) => !src.includes('.venv'),
  });
  const outside = join(temp, 'elsewhere');
  execFileSync(process.execPath, [join(EXAMPLES, 'cursus-project', 'make-venv.mjs'), outside]);
  const none = diagnostics(project);
  const root = join(temp, 'root');
  cpSync(project, root, { recursive: true });
  editable(root, join(temp, 'src'));
  const genuine = diagnostics(root);
  if (none === null || genuine === null || none.rest === genuine.rest) {
    t.runs++;
    t.failures++;
    failure('hostile-environment', 'the genuine project failed, or checks as with no environment', new Map());
    return;
  }
  for (let i = 0; i < ROUNDS; i++) {
    const target = TARGETS[Math.floor(r() * TARGETS.length)] as (typeof TARGETS)[number];
    const shape = SHAPES[Math.floor(r() * SHAPES.length)] as Shape;
    const abs = join(root, target);
    const text = target === '.venv' || target === SITE ? null : readFileSync(abs, 'utf8');
    const kept = join(temp, 'kept');
    rmSync(kept, { recursive: true, force: true });
    cpSync(abs, kept, { recursive: true, verbatimSymlinks: true });
    const linkedOut = target === '.venv' && shape === 'outside';
    place(abs, shape, text, linkedOut ? join(outside, '.venv') : join(outside, '.venv', 'pyvenv.cfg'));
    const started = Date.now();
    const got = diagnostics(root);
    t.runs++;
    // A `.venv` linking out of the root is never read (its cursus would give the genuine answer) and is said.
    const expected = linkedOut ? [none.rest] : [genuine.rest, none.rest];
    if (got !== null && got.rl081 === linkedOut && expected.includes(got.rest)) {
      rmSync(abs, { recursive: true, force: true });
      rmSync(`${abs}.b`, { force: true });
      cpSync(kept, abs, { recursive: true, verbatimSymlinks: true });
      continue;
    }
    t.failures++;
    const what = got === null ? `crashed or hung (${Date.now() - started} ms)` : 'gave another answer';
    failure('hostile-environment', `check with ${target} as ${shape} ${what}`, new Map());
    return;
  }
}

/** Writes under a lock with an entry of each kind planted at the lock path or beside the file. */
function locks(r: Random, temp: string, t: CacheTally, failure: Failure): void {
  const root = join(temp, 'locks');
  mkdirSync(root);
  const file = join(root, 'registry.py');
  const secret = join(temp, 'secret.txt');
  writeFileSync(secret, 'secret\n');
  const entries: Record<string, (at: string) => void> = {
    folder: (at) => mkdirSync(at),
    'link out': (at) => symlinkSync(secret, at),
    'link to /dev/zero': (at) => symlinkSync('/dev/zero', at),
    'link loop': (at) => symlinkSync(at, at),
    'dangling link': (at) => symlinkSync(join(temp, 'gone'), at),
    FIFO: (at) => execFileSync('mkfifo', [at]),
    'dated ahead, pid 1': (at) => {
      writeFileSync(at, '1 0 planted');
      utimesSync(at, new Date('2035-01-01'), new Date('2035-01-01'));
    },
    '300 MB, pid 1': (at) => {
      writeFileSync(at, '1 ');
      truncateSync(at, 300 * 1024 * 1024);
    },
    empty: (at) => writeFileSync(at, ''),
  };
  const names = Object.keys(entries);
  for (let i = 0; i < ROUNDS; i++) {
    const name = names[Math.floor(r() * names.length)] as string;
    writeFileSync(file, `STEPS = {}  # ${i}\n`);
    const at = r() < 0.5 ? lockOf(file) : join(root, '.registry.py.registry-lens-lock');
    entries[name]?.(at);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    let problem: string | null = null;
    try {
      withFileLocks([file], () => replaceFile(file, `STEPS = {}  # written ${i}\n`));
      if (readFileSync(file, 'utf8') !== `STEPS = {}  # written ${i}\n`) problem = 'the text is not the one written';
      else if (Date.now() - started > WRITE_MS) problem = `it took ${Date.now() - started} ms`;
      else if (process.memoryUsage().rss - rss > 100 * 1024 * 1024) problem = 'it read the lock whole';
      else if (readFileSync(secret, 'utf8') !== 'secret\n') problem = 'it wrote through the link';
    } catch (e) {
      problem = `refused: ${e instanceof Error ? e.message : String(e)}`;
    }
    rmSync(at, { recursive: true, force: true });
    t.runs++;
    if (problem === null) continue;
    t.failures++;
    failure('hostile-lock', `a write with ${name} at ${at}: ${problem}`, new Map());
  }
}

type Failure = (kind: string, detail: string, files: Map<string, string>) => void;

/** Runs both halves once: ROUNDS hostile environments, then ROUNDS planted locks. */
export function hostileEnvironmentPhase(r: Random, failure: Failure): CacheTally {
  const t: CacheTally = { runs: 0, failures: 0 };
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-fuzz-env-'));
  try {
    environments(r, temp, t, failure);
    locks(r, temp, t, failure);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return t;
}
