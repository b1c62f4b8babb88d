// `check --daemon` (cli/daemonClient.ts, cli/daemonServe.ts) answers what `check` without it answers — document,
// exit code and warnings — for the whole root, `--files`, `--base`, `--mode` and unused suppressions, after random
// edits made between checks (the oracle "daemon == fresh run"); one daemon per root serves every check, a socket left
// by a killed one is replaced, what is not a request is refused, an idle daemon exits, and a socket folder others may
// enter is never used. The first check of a root answers in its own process while it starts the daemon, whose load
// waits until that check is done (`--load-after-stdin`) or a check asks.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import {
  ALICE_REGISTRY,
  CLI,
  brokenTree,
  cleanTree,
  entry,
  runCli,
  withoutActivatedEnvironment,
  writeTree,
} from './helpers';
import { installed, PROJECT, SITE } from './installedCursus';
import {
  SOCKETS,
  alive,
  both,
  daemonHooks,
  daemonOracle,
  daemonPid,
  daemonStatus,
  gone,
  sameAsFresh,
  uid,
} from './daemonHarness';
import { DISK_EXAMPLES } from '../engine/randomEdits';

/** Random edits per example here; `npm run test:soak` runs the longer sequences (test/soak/diskOracles.test.ts). */
const SHORT_STEPS = 3;

/** The one socket under the test's socket folder. */
function theSocket(): string {
  const folder = join(SOCKETS, `registry-lens-${uid}`);
  const socks = readdirSync(folder).filter((f) => f.endsWith('.sock'));
  assert.equal(socks.length, 1, socks.join(', '));
  return join(folder, socks[0] as string);
}

/** Runs git in `root` (its commits by a fixed author); a failure fails the test. */
function gitIn(root: string): (...args: string[]) => void {
  return (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  };
}

/** Sends a raw line to a socket: the answer as parsed. */
function raw(path: string, line: string): Promise<{ ok: boolean; error?: string }> {
  return new Promise((done, fail) => {
    const c = connect(path);
    let got = '';
    c.once('connect', () => c.end(line));
    c.on('data', (d: Buffer) => (got += d.toString('utf8')));
    c.once('error', fail);
    c.once('close', () => done(JSON.parse(got) as { ok: boolean; error?: string }));
  });
}

describe('check --daemon', function () {
  this.timeout(300000);
  const served = daemonHooks();
  withoutActivatedEnvironment();

  it('answers as check does, from one daemon per root that keeps serving', async () => {
    const root = served(writeTree(brokenTree()));
    assert.equal(daemonPid(root), null, 'none before the first check');
    await sameAsFresh(root, [], 'the first check, which starts the daemon');
    const pid = daemonPid(root);
    assert.ok(pid !== null && alive(pid), 'a daemon serves the root');
    await sameAsFresh(root, [], 'the second check');
    await sameAsFresh(root, ['--files', ALICE_REGISTRY], '--files');
    await sameAsFresh(root, ['--files', ALICE_REGISTRY, join(root, '..', 'outside.py')], '--files, one outside');
    await sameAsFresh(root, ['--mode', 'hybrid'], '--mode hybrid');
    await sameAsFresh(root, ['--report-unused-suppressions'], 'unused suppressions');
    await sameAsFresh(root, ['--fail-on', 'never', '--format', 'sarif'], 'sarif');
    await sameAsFresh(root, [], 'after checks with other settings');
    assert.equal(daemonPid(root), pid, 'the same daemon answered every check');
    const stop = runCli(['daemon', '--stop'], root);
    assert.match(stop.stdout, new RegExp(`stopped the daemon .* \\(pid ${pid}\\)`));
    await gone(pid as number);
    assert.equal(daemonPid(root), null);
    assert.deepEqual(readdirSync(join(SOCKETS, `registry-lens-${uid}`)), [], 'its socket removed');
  });

  it("sees cursus installed in, then uninstalled from, its environment (the root's .venv) as check does", async () => {
    const root = served(writeTree({ ...PROJECT, '.venv/pyvenv.cfg': '', [`.venv/${SITE}/six.py`]: '' }));
    await sameAsFresh(root, [], 'the first check, which starts the daemon');
    await sameAsFresh(root, [], 'the daemon, with no cursus installed');
    const pid = daemonPid(root);
    for (const [rel, text] of Object.entries(installed('.venv/'))) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    const [daemon, fresh] = await both(root);
    assert.equal(daemon, fresh, 'cursus installed');
    assert.match(daemon, /RL039/);
    rmSync(join(root, '.venv', SITE, 'cursus-2.9.32.dist-info'), { recursive: true });
    await sameAsFresh(root, [], 'cursus uninstalled');
    assert.equal(daemonPid(root), pid, 'the same daemon answered every check');
  });

  it('check --daemon --base REV --files: what the staged change brings, as without the daemon', async () => {
    const root = served(writeTree(cleanTree()));
    const git = gitIn(root);
    git('init', '--quiet');
    await sameAsFresh(root, ['--base', 'HEAD', '--files', ALICE_REGISTRY], 'before the first commit');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'clean');
    writeFileSync(
      join(root, ALICE_REGISTRY),
      `WORKSPACE_STEPS = {\n${entry('XGBoostTraining', 'Training')}${entry('XGBoostTraining', 'Training')}}\n`,
    );
    const [daemon] = await both(root, ['--base', 'HEAD', '--files', ALICE_REGISTRY]);
    assert.match(daemon, /"code": "RL/, 'the change brings diagnostics');
    await sameAsFresh(root, ['--base', 'HEAD', '--files', ALICE_REGISTRY], 'a staged change');
    await sameAsFresh(root, [], 'the whole root after --base (analysed at HEAD and back)');
  });

  it("the hook's first call (--base HEAD --files) answers as check does, in its own process; the daemon the next", async () => {
    const root = served(writeTree(cleanTree()));
    const git = gitIn(root);
    git('init', '--quiet');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'clean');
    const hook = ['--base', 'HEAD', '--files', ALICE_REGISTRY];
    const staged = (n: number): void =>
      writeFileSync(
        join(root, ALICE_REGISTRY),
        `WORKSPACE_STEPS = {\n${entry('XGBoostTraining', 'Training')}${entry('XGBoostTraining', 'Training')}}\n# ${n}\n`,
      );
    staged(1);
    assert.equal(daemonStatus(root), null, 'none before the first commit');
    const [first, fresh] = await both(root, hook);
    assert.equal(first, fresh, 'the first call, which starts the daemon');
    assert.match(first, /"code": "RL/, 'the change brings diagnostics');
    const started = daemonStatus(root);
    assert.ok(started !== null, `a daemon serves the root`);
    assert.equal(started.answered, 0, 'the first call was answered in its own process');
    assert.ok(started.text.startsWith(`a daemon serves ${root} (pid ${started.pid})\n`), started.text);
    assert.match(started.text, /^ {2}up \d+ [a-z0-9 ]+; exits after 15 minutes without a check$/m);
    staged(2);
    await sameAsFresh(root, hook, 'the second call');
    const after = daemonStatus(root);
    assert.deepEqual(
      [after?.pid, after?.answered, after?.analysis],
      [started.pid, 1, 'done'],
      'the daemon answered the second call, once loaded',
    );
  });

  // the oracle: random edits (files changed, added, removed, renamed; settings changed) made between checks
  for (const [i, [example, edits]] of DISK_EXAMPLES.entries()) {
    const seed = i + 1;
    it(`daemon == fresh run across ${SHORT_STEPS} random edits on ${example}, seed ${seed}`, () =>
      daemonOracle(served, example, edits, seed, SHORT_STEPS));
  }

  it('a socket left by a killed daemon is replaced; what is not a request is refused, and the daemon goes on', async () => {
    const root = served(writeTree(cleanTree()));
    await sameAsFresh(root, [], 'first');
    const pid = daemonPid(root) as number;
    const socket = theSocket();
    for (const [line, error] of [
      ['not json\n', /not JSON/],
      ['[1]\n', /not an object/],
      ['{"kind":"run"}\n', /kind is not check, status or stop/],
      ['{"kind":"check","reportUnusedSuppressions":false,"files":["C:/outside.py"]}\n', /root-relative paths/],
      ['{"kind":"check","reportUnusedSuppressions":false,"files":["/etc/passwd"]}\n', /root-relative paths/],
      ['{"kind":"check","reportUnusedSuppressions":"yes"}\n', /not a boolean/],
      ['{"kind":"check","reportUnusedSuppressions":false,"base":null}\n', /base needs files/],
      ['{"kind":"check","reportUnusedSuppressions":false,"mode":"everything"}\n', /isolated or hybrid/],
    ] as const) {
      const a = await raw(socket, line);
      assert.equal(a.ok, false, line);
      assert.match(a.error ?? '', error, line);
    }
    await sameAsFresh(root, [], 'after the refusals');
    assert.equal(daemonPid(root), pid, 'the same daemon');
    process.kill(pid, 'SIGKILL');
    await gone(pid);
    assert.ok(existsSync(socket), 'the killed daemon left its socket');
    await sameAsFresh(root, [], 'after the kill: a new daemon');
    const next = daemonPid(root);
    assert.ok(next !== null && next !== pid, 'another daemon serves');
  });

  it('--load-after-stdin: a daemon whose input is still open answers its first check, as check does', async () => {
    const root = served(writeTree(brokenTree()));
    // As `check --daemon` starts it: the input held open (the starting check's own analysis is not done).
    const child = spawn(process.execPath, [CLI, 'daemon', root, '--load-after-stdin'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    try {
      await new Promise<void>((done) => child.stdout.once('data', () => done()));
      await sameAsFresh(root, [], 'the first check loads it');
      assert.equal(daemonPid(root), child.pid, 'the started daemon answered');
    } finally {
      child.stdin.end();
    }
  });

  it('exits once idle for --idle minutes, and removes its socket', async () => {
    const root = served(writeTree(cleanTree()));
    const child = spawn(process.execPath, [CLI, 'daemon', root, '--idle', '0.002'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    assert.equal(code, 0);
    assert.match(out, /^serving .*\n$/);
    assert.equal(daemonPid(root), null);
    assert.deepEqual(readdirSync(join(SOCKETS, `registry-lens-${uid}`)), []);
  });

  it('never uses a socket folder others may enter; bad options are usage errors', async () => {
    const root = served(writeTree(cleanTree()));
    const folder = join(SOCKETS, `registry-lens-${uid}`);
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o755);
    try {
      const [daemon, fresh] = await both(root);
      const said = JSON.parse(daemon) as { stderr: string };
      assert.match(said.stderr, /not a folder only this user may enter; checking here/);
      assert.equal(
        JSON.stringify({ ...JSON.parse(daemon), stderr: '' }),
        JSON.stringify({ ...JSON.parse(fresh), stderr: '' }),
      );
      assert.equal(runCli(['daemon', root]).code, 2, 'nor serves there');
    } finally {
      chmodSync(folder, 0o700);
    }
    for (const [args, message] of [
      [['check', root, '--daemon', '--cache'], /--daemon and --cache .* give one/],
      [['daemon', root, '--idle', '0'], /--idle must be a number of minutes above 0/],
      [['daemon', root, '--idle', 'soon'], /--idle must be a number of minutes above 0/],
      [['daemon', root, '--stop', '--status'], /--stop or --status, not both/],
      [['daemon', root, '--stop', '--idle', '5'], /--idle is for serving/],
      [['daemon', root, '--status', '--load-after-stdin'], /--load-after-stdin is for serving/],
      [['daemon', join(root, 'nowhere')], /not a directory/],
    ] as const) {
      const r = runCli([...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });
});
