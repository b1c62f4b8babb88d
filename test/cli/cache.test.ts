// `check --cache` (host/checkCache.ts) answers what a run without it answers — document, exit code and
// warnings — after each kind of change made while the tool was not running, and after random edits of
// the example workspaces (the oracle "cached run == fresh run"); a damaged, foreign or unwritable cache
// is ignored or reported, never trusted. An unchanged root is answered from the cache: its file is not
// rewritten.
import { strict as assert } from 'node:assert';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { CLI, REPO, ALICE_REGISTRY, CORE_REGISTRY, cleanTree, entry, runCli, writeTree } from './helpers';
import { TEMP, USER_CACHE, answer, cacheFile, cacheHooks, cacheOracle, sameAsFresh } from './cacheHarness';
import { cacheSpec, trusted } from '../../server/src/host/checkCache';
import { CACHE_FORMAT, readCacheFile, writeCacheFile, type CacheSpec } from '../../server/src/host/cacheFile';
import { version } from '../../package.json';
import { DISK_EXAMPLES, rng } from '../engine/randomEdits';

/** Random edits per example here; `npm run test:soak` runs the longer sequences (test/soak/diskOracles.test.ts). */
const SHORT_STEPS = 3;

/** The run's document without its timing, its exit code and what it said on stderr. */
function check(root: string, extra: string[] = [], cli = CLI): string {
  return answer(runCli(['check', root, '--format', 'json', ...extra], REPO, cli));
}

/** `check`'s answer without what it said about the cache itself. */
function withoutCacheNotes(answer: string): string {
  const a = JSON.parse(answer) as { stderr: string };
  const notes = /^registry-lens: (ignored the cache|cache not written).*\n/gm;
  return JSON.stringify({ ...a, stderr: a.stderr.replace(notes, '') });
}

/** The cache with another format version in its header. */
function foreign(good: Buffer): Buffer {
  const text = good.toString('latin1');
  const header = `"format":${CACHE_FORMAT}`;
  assert.ok(text.includes(header), 'the header names the format');
  return Buffer.from(text.replace(header, `"format":${CACHE_FORMAT + 1}`), 'latin1');
}

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** The spec the CLI makes for `root` and the cache folder `folder` (this user's key; the bundle's identity). */
function specOf(root: string, folder: string): CacheSpec {
  const spec = cacheSpec(root, folder, version, (m) => assert.fail(m));
  assert.ok(spec !== null);
  const written = readdirSync(folder).find((f) => f.endsWith('.bin'));
  const head = written === undefined ? '' : readFileSync(join(folder, written), 'latin1');
  return { ...spec, engine: /"engine":"([^"]+)"/.exec(head)?.[1] ?? spec.engine };
}

describe('check --cache', function () {
  this.timeout(300000);
  cacheHooks();
  let n = 0;
  const folder = (): string => join(TEMP, `c${n++}`);

  it('an unchanged root is answered from the cache; each kind of change is seen', async () => {
    const root = writeTree(cleanTree());
    const c = folder();
    assert.ok(await sameAsFresh(root, c, 'first run'));
    assert.ok(!(await sameAsFresh(root, c, 'nothing changed')), 'an unchanged root rewrites nothing');
    const changes: [string, () => void][] = [
      ['a registry changed', () => write(root, CORE_REGISTRY, `STEP_NAMES = {\n${entry('Orphan', 'Processing')}}\n`)],
      ['a file added', () => write(root, 'src/cursus/steps/builders/builder_orphan_step.py', 'class Orphan:\n  x\n')],
      ['a file removed', () => rmSync(join(root, 'src/cursus/steps/builders/builder_orphan_step.py'))],
      ['a registry renamed', () => renameSync(join(root, ALICE_REGISTRY), join(root, `${ALICE_REGISTRY}.bak`))],
      ['renamed back', () => renameSync(join(root, `${ALICE_REGISTRY}.bak`), join(root, ALICE_REGISTRY))],
      ['an empty directory added', () => mkdirSync(join(root, 'developer_workspaces/developers/bob'))],
      ['settings changed', () => write(root, '.vscode/settings.json', '{"registryLens.resolution.mode": "hybrid"}')],
      ['severity changed', () => write(root, '.vscode/settings.json', '{"registryLens.diagnostics.severity": {}}')],
      ['a file too large', () => write(root, '.vscode/settings.json', '{"registryLens.maxFileSizeMB": 0.00001}')],
      ['settings removed', () => rmSync(join(root, '.vscode'), { recursive: true })],
    ];
    for (const [what, change] of changes) {
      change();
      assert.ok(await sameAsFresh(root, c, what), `${what}: the result is recomputed`);
      assert.ok(!(await sameAsFresh(root, c, `${what}, then unchanged`)), `${what}, then unchanged: from the cache`);
    }
    // the flags that change the analysis keep their own results
    assert.equal(
      check(root, ['--cache', '--cache-location', c, '--mode', 'hybrid']),
      check(root, ['--mode', 'hybrid']),
    );
  });

  it('files older than the run are taken by their stamps; a rewrite that keeps size and mtime is still seen', async () => {
    const root = writeTree(cleanTree());
    const past = new Date(Date.now() - 3_600_000);
    const age = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) age(join(dir, e.name));
        utimesSync(join(dir, e.name), past, past);
      }
    };
    age(root);
    const c = folder();
    assert.ok(await sameAsFresh(root, c, 'first run'));
    assert.ok(!(await sameAsFresh(root, c, 'nothing changed')), 'answered from the cache');
    // Same length, same mtime: only the change time (which no one can set back) tells the rewrite.
    const text = readFileSync(join(root, ALICE_REGISTRY), 'utf8');
    writeFileSync(join(root, ALICE_REGISTRY), text.replace('"Processing"', '"Processinf"'));
    utimesSync(join(root, ALICE_REGISTRY), past, past);
    assert.ok(await sameAsFresh(root, c, 'rewritten in place, mtime kept'), 'the change is analysed and cached');
  });

  it('a stamp stands for a content only when equal and older than the run by the slack', () => {
    const started = 1_000_000;
    const stamp = (mtime: number, ctime = mtime): string => `10:${mtime}:${ctime}:7`;
    assert.equal(trusted(stamp(990_000), stamp(990_000), started), true);
    assert.equal(trusted(stamp(990_000), stamp(990_001), started), false, 'another stamp');
    assert.equal(trusted('', '', started), false, 'no file');
    assert.equal(trusted(stamp(999_000), stamp(999_000), started), false, 'changed within the slack');
    assert.equal(trusted(stamp(990_000, 999_500), stamp(990_000, 999_500), started), false, 'its change time counts');
    assert.equal(trusted(stamp(990_000), undefined, started), false);
  });

  it('a damaged, foreign or unwritable cache is ignored and rebuilt, never trusted', () => {
    const root = join(TEMP, 'damaged-demo');
    cpSync(join(REPO, 'examples', 'demo-workspace'), root, { recursive: true });
    const c = folder();
    const fresh = check(root);
    check(root, ['--cache', '--cache-location', c]);
    const good = readFileSync(cacheFile(c));
    const damaged: [string, Buffer][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['cut in the header', good.subarray(0, 12)],
      ['empty', Buffer.alloc(0)],
      ['not a cache', Buffer.from('hello\n')],
      ['foreign version', foreign(good)],
    ];
    // a letter of a message: it decodes to another message, which only the checksum tells
    const message = Buffer.from(good);
    const letter = good.lastIndexOf('Builder class');
    assert.ok(letter > 0, 'a message in the cache');
    message[letter] = (message[letter] as number) ^ 1;
    damaged.push(['a letter of a message flipped', message]);
    const random = rng(7);
    const flips: [string, Buffer][] = [];
    for (let i = 0; i < 32; i++) {
      const flipped = Buffer.from(good);
      const at = Math.floor(random() * flipped.length);
      flipped[at] = (flipped[at] as number) ^ (1 << (i % 8));
      flips.push([`byte ${at} flipped`, flipped]);
    }
    // Every flip reads as no cache (the bundle's identity is the header's; the CLI is run on a few of them).
    const spec = specOf(root, c);
    const name = basename(cacheFile(c));
    assert.notEqual(
      readCacheFile(spec, name, () => undefined),
      undefined,
      'the good file reads',
    );
    for (const [what, bytes] of flips) {
      writeFileSync(cacheFile(c), bytes);
      assert.equal(
        readCacheFile(spec, name, () => undefined),
        undefined,
        what,
      );
    }
    damaged.push(...flips.slice(0, 4));
    for (const [what, bytes] of damaged) {
      writeFileSync(cacheFile(c), bytes);
      const got = check(root, ['--cache', '--cache-location', c]);
      assert.equal(withoutCacheNotes(got), fresh, what);
      // Rebuilt (it holds the run's start time, so not byte for byte the first): the next run answers from it.
      const rebuilt = readFileSync(cacheFile(c));
      assert.ok(!rebuilt.equals(bytes), `${what}: rewritten`);
      assert.equal(check(root, ['--cache', '--cache-location', c]), fresh, `${what}: read back`);
      assert.ok(readFileSync(cacheFile(c)).equals(rebuilt), `${what}: rebuilt, answered from`);
    }
    // a file in place of the cache folder: said, and the result is the fresh one
    const blocked = join(TEMP, 'blocked');
    writeFileSync(blocked, '');
    const got = check(root, ['--cache', '--cache-location', join(blocked, 'sub')]);
    assert.match(got, /cache not written to /);
    assert.equal(withoutCacheNotes(got), fresh);
  });

  it('another engine build does not read the cache', () => {
    const root = writeTree(cleanTree());
    const c = folder();
    const other = join(TEMP, 'other-build');
    mkdirSync(other);
    for (const f of readdirSync(dirname(CLI)).filter((f) => f.endsWith('.wasm')))
      copyFileSync(join(dirname(CLI), f), join(other, f));
    writeFileSync(join(other, 'cli.js'), `${readFileSync(CLI, 'utf8')}\n// another build\n`);
    check(root, ['--cache', '--cache-location', c]);
    const before = readFileSync(cacheFile(c));
    const cached = check(root, ['--cache', '--cache-location', c], join(other, 'cli.js'));
    assert.equal(cached, check(root, [], join(other, 'cli.js')));
    assert.ok(!before.equals(readFileSync(cacheFile(c))), "not answered from the other build's file: rewritten");
  });

  it("the default folder is the user's cache folder, never inside the root, node_modules or not", () => {
    const root = writeTree({ ...cleanTree(), 'node_modules/.keep': '' });
    assert.equal(check(root, ['--cache']), check(root));
    assert.ok(!existsSync(join(root, 'node_modules/.cache')), 'nothing written in the root');
    const user = join(USER_CACHE, 'registry-lens');
    assert.ok(
      readdirSync(user).some((f) => /^check-[0-9a-f]{16}\.bin$/.test(f)),
      'the cache is in the user folder',
    );
    assert.equal(readFileSync(join(user, 'key')).length, 32, "the user's key beside it");
    if (process.platform !== 'win32') {
      assert.equal(statSync(user).mode & 0o777, 0o700);
      assert.equal(statSync(join(user, 'key')).mode & 0o777, 0o600);
    }
    const r = runCli(['check', root, '--cache-location', join(TEMP, 'x')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--cache-location DIR moves the cache of --cache: give --cache/);
    const mcp = runCli(['mcp', root, '--cache-location', join(TEMP, 'x')]);
    assert.equal(mcp.code, 2, 'mcp takes the same options');
    assert.match(mcp.stderr, /--cache-location DIR moves the cache of --cache: give --cache/);
  });

  /** A root with two errors whose cache folder lies inside it (as a repository can ship one), cached once. */
  function shipped(): { root: string; c: string; fresh: string; file: string } {
    const root = join(TEMP, `shipped-${n++}`);
    write(root, 'src/pkg/registry/step_names.py', `STEP_NAMES = {\n${entry('Bad Name!', 'Procesing')}}\n`);
    const c = join(root, 'node_modules/.cache/registry-lens');
    const fresh = check(root);
    assert.equal(JSON.parse(fresh).code, 1, 'the fresh check fails');
    check(root, ['--cache', '--cache-location', c]);
    return { root, c, fresh, file: cacheFile(c) };
  }

  it("a cache not signed with this user's key (one a repository ships) is ignored and rebuilt", () => {
    const { root, c, fresh, file } = shipped();
    const spec = specOf(root, c);
    const parts = readCacheFile(spec, basename(file), assert.fail) as unknown[];
    const head = parts[0] as {
      result: { diagnostics: unknown[]; summary: Record<string, number> };
      warnings: string[];
    };
    head.result.diagnostics = [];
    for (const k of ['errors', 'warnings', 'information', 'hints']) head.result.summary[k] = 0;
    // The forged entry, with an empty list of files to verify, signed with another key (a repository's author's).
    const other = { ...spec, key: Buffer.alloc(32, 7), folder: join(TEMP, `forger-${n++}`) };
    writeCacheFile(other, basename(file), [head], assert.fail);
    copyFileSync(join(other.folder, basename(file)), file);
    const got = check(root, ['--cache', '--cache-location', c]);
    assert.match(got, /ignored the cache .*not written by this user/);
    assert.equal(withoutCacheNotes(got), fresh, 'the fresh result and exit code');
    assert.equal(check(root, ['--cache', '--cache-location', c]), fresh, 'rebuilt, then answered from');
  });

  it('a signed entry that names a path outside the root, or a field of another type, is foreign: ignored, rebuilt', () => {
    const { root, c, fresh, file } = shipped();
    writeFileSync(join(root, '..', 'secret.txt'), 's3cret\n');
    const spec = specOf(root, c);
    const name = basename(file);
    const genuine = readCacheFile(spec, name, assert.fail) as unknown[];
    type Head = { result: { diagnostics: unknown[] }; tree: string };
    const forged: [string, (parts: unknown[]) => unknown[]][] = [
      ['../secret.txt in the list', ([h]) => [h, [['../secret.txt'], ['x'], ['1:1:1:1']]]],
      ['an absolute path', ([h]) => [h, [['/etc/passwd'], ['x'], ['1:1:1:1']]]],
      ['a backslash path', ([h]) => [h, [['src\\..\\..\\x'], ['x'], ['1:1:1:1']]]],
      ['a list of numbers', ([h]) => [h, [[1], ['x'], ['1:1:1:1']]]],
      [
        'a diagnostic null',
        ([h, ...rest]) => [{ ...(h as Head), result: { ...(h as Head).result, diagnostics: [null] } }, ...rest],
      ],
      [
        'a diagnostic outside the root',
        ([h, ...rest]) => {
          const d = ((h as Head).result.diagnostics[0] ?? {}) as Record<string, unknown>;
          return [
            { ...(h as Head), result: { ...(h as Head).result, diagnostics: [{ ...d, file: '../x.py' }] } },
            ...rest,
          ];
        },
      ],
      ['a head of another type', () => ['head']],
    ];
    for (const [what, forge] of forged) {
      writeCacheFile(spec, name, forge(structuredClone(genuine)), assert.fail);
      const got = check(root, ['--cache', '--cache-location', c]);
      assert.equal(withoutCacheNotes(got), fresh, what);
      assert.match(got, /ignored the cache .*(does not write|walk does not list)/, what);
    }
  });

  it('links in the cache path are never followed: a folder, a file, a device or a FIFO', function () {
    if (process.platform === 'win32') this.skip();
    const { root, c, fresh, file } = shipped();
    const outside = join(TEMP, `outside-${n++}`);
    mkdirSync(outside);
    writeFileSync(join(outside, 'mine.txt'), "the user's file\n");
    // The cache file a link: to the user's file, to /dev/zero, to /dev/stdin; a FIFO: ignored with a warning, at once.
    execFileSync('mkfifo', [join(outside, 'fifo')]);
    for (const target of [join(outside, 'mine.txt'), '/dev/zero', '/dev/stdin', join(outside, 'fifo')]) {
      rmSync(file, { force: true });
      symlinkSync(target, file);
      const got = check(root, ['--cache', '--cache-location', c]);
      assert.match(got, /ignored the cache .*: it is a symbolic link/, target);
      assert.equal(withoutCacheNotes(got), fresh, target);
    }
    assert.equal(readFileSync(join(outside, 'mine.txt'), 'utf8'), "the user's file\n", 'not written through');
    // A folder on the way that is a link (node_modules shipped as one): refused, nothing written there.
    rmSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(outside, join(root, 'node_modules'));
    const got = check(root, ['--cache', '--cache-location', c]);
    assert.match(got, /cache not written to .*is a symbolic link/);
    assert.equal(withoutCacheNotes(got), fresh);
    assert.deepEqual(readdirSync(outside).sort(), ['fifo', 'mine.txt'], 'nothing written outside');
    // The cache folder itself a link, outside any root.
    const linked = join(TEMP, `linked-${n++}`);
    symlinkSync(outside, linked);
    assert.match(check(root, ['--cache', '--cache-location', linked]), /cache not written to .*is a symbolic link/);
    assert.deepEqual(readdirSync(outside).sort(), ['fifo', 'mine.txt'], 'nothing written outside');
  });

  // the oracle: random edits (files changed, added, removed, renamed; settings changed) made between runs
  for (const [i, [example, edits]] of DISK_EXAMPLES.entries()) {
    const seed = i + 1;
    it(`cached run == fresh run across ${SHORT_STEPS} random edits on ${example}, seed ${seed}`, () =>
      cacheOracle(example, edits, seed, SHORT_STEPS));
  }
});
