// What the `check --daemon` tests share with the soak's long sequences: the daemons' socket folder under a temporary
// folder of the test's own (each test's daemons stopped after it), a check with and without `--daemon`, and the
// oracle "daemon == fresh run" over random edits on disk, whose length the caller gives.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, removeTrees, runCli, runCliAsync, type CliRun } from './helpers';
import { changeOnDisk, rng, type Edit } from '../engine/randomEdits';

const TEMP = mkdtempSync(join(tmpdir(), 'registry-lens-daemon-'));
/** The daemons' sockets live under the temporary folder of the processes that start them: this test's own. */
export const SOCKETS = join(TEMP, 'tmp');
export const uid = process.getuid?.() ?? 0;

/** The run's document without its timing, its exit code and what it said on stderr. */
function answer(r: CliRun): string {
  const doc = JSON.parse(r.stdout) as { summary?: Record<string, unknown> };
  delete doc.summary?.['ms'];
  return JSON.stringify({ doc, code: r.code, stderr: r.stderr }, null, 1);
}

/**
 * `check` in `root` (files are root-relative, as pre-commit gives them) with and without `--daemon`, side by side (two
 * processes on two cores: the pair costs the longer of the two).
 */
export async function both(root: string, args: string[] = []): Promise<[string, string]> {
  const run = (extra: string[]): Promise<string> =>
    runCliAsync(['check', ...(args.includes('--format') ? [] : ['--format', 'json']), ...args, ...extra], root).then(
      answer,
    );
  const pair = await Promise.all([run(['--daemon']), run([])]);
  // A first check starts the daemon as it exits: the next check, and the hooks that stop it, find it listening.
  if (!/no daemon: /.test(pair[0])) await daemonUp(root);
  return pair;
}

export async function sameAsFresh(root: string, args: string[], what: string): Promise<void> {
  const [daemon, fresh] = await both(root, args);
  assert.equal(daemon, fresh, what);
}

/** The pid of the root's daemon, or null when none serves it. */
export function daemonPid(root: string): number | null {
  return daemonStatus(root)?.pid ?? null;
}

/** What `daemon --status` says of the root's daemon once one listens (asked again at each turn of the event loop). */
export async function daemonUp(root: string): Promise<DaemonStatus> {
  for (;;) {
    const status = daemonStatus(root);
    if (status !== null) return status;
    await new Promise((r) => setImmediate(r));
  }
}

interface DaemonStatus {
  pid: number;
  answered: number;
  analysis: string;
  text: string;
}

/** What `daemon --status` says of the root's daemon, or null when none serves it. */
export function daemonStatus(root: string): DaemonStatus | null {
  const r = runCli(['daemon', '--status'], root);
  if (r.code === 1) return null;
  assert.equal(r.code, 0, r.stderr);
  const field = (re: RegExp): string => {
    const m = re.exec(r.stdout)?.[1];
    assert.ok(m !== undefined, `${String(re)} in ${r.stdout}`);
    return m;
  };
  return {
    pid: Number(field(/\(pid (\d+)\)/)),
    answered: Number(field(/^ {2}checks answered: (\d+)$/m)),
    analysis: field(/^ {2}analysis: (.*)$/m),
    text: r.stdout,
  };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves once the process is gone (asked again at each turn of the event loop). */
export async function gone(pid: number): Promise<void> {
  while (alive(pid)) await new Promise((r) => setImmediate(r));
}

/**
 * Registers, in the calling `describe`, the hooks that point the daemons' sockets at SOCKETS and stop each test's
 * daemons after it; returns `served`, which names a root whose daemon is stopped so.
 */
export function daemonHooks(): (root: string) => string {
  const roots: string[] = [];
  let tmp: string | undefined;
  before(() => {
    mkdirSync(SOCKETS);
    tmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = SOCKETS;
  });
  // Each test's daemons are stopped after it: a test finds only its own sockets.
  afterEach(async () => {
    for (const root of roots.splice(0)) {
      const pid = existsSync(root) ? daemonPid(root) : null;
      if (pid === null) continue;
      runCli(['daemon', '--stop'], root);
      await gone(pid);
    }
  });
  after(() => {
    if (tmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = tmp;
    removeTrees();
    rmSync(TEMP, { recursive: true, force: true });
  });
  return (root: string): string => {
    roots.push(root);
    return root;
  };
}

/**
 * The oracle "daemon == fresh run": a copy of the example checked with and without the daemon, then `steps` random
 * edits (files changed, added, removed, renamed; settings changed) each followed by a check of the whole root and one
 * of a file of it picked at random.
 */
export async function daemonOracle(
  served: (root: string) => string,
  example: string,
  edits: readonly Edit[],
  seed: number,
  steps: number,
): Promise<void> {
  const root = served(join(TEMP, `${example}-${seed}-${steps}`));
  cpSync(join(REPO, 'examples', example), root, { recursive: true });
  const random = rng(seed);
  await sameAsFresh(root, [], 'first run');
  for (let step = 0; step < steps; step++) {
    const kind = changeOnDisk(root, random, edits);
    await sameAsFresh(root, [], `step ${step} (${kind})`);
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    const one = files[Math.floor(random() * files.length)];
    if (one !== undefined) {
      const rel = join(one.parentPath, one.name).slice(root.length + 1);
      await sameAsFresh(root, ['--files', rel], `step ${step} (${kind}), --files ${rel}`);
    }
  }
}
