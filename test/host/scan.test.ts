// The server's file discovery: pruned directories, symbolic links that leave the root or loop, and
// files that cannot be registry sources.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { HostLink } from '../../server/src/engine/engine';
import { DEFAULT_MAX_BYTES, readText, readTexts } from '../../server/src/host/readText';
import { absolutePaths, listFiles } from '../../server/src/host/scan';

describe('host: scanning a root', () => {
  let base: string;
  let root: string;
  const write = (rel: string, text = 'X = 1\n'): void => {
    mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    writeFileSync(path.join(base, rel), text);
  };

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'registry-lens-scan-'));
    root = path.join(base, 'root');
    write('root/src/registry/step_names.py');
    write('root/src/registry/notes.txt');
    write('root/node_modules/pkg/registry/step_names.py');
    write('root/.git/hooks/x.py');
    write('root/build/gen.py');
    write('outside/registry/step_names.py');
    symlinkSync(root, path.join(root, 'src', 'loop'));
    symlinkSync(path.join(base, 'outside'), path.join(root, 'escape'));
    symlinkSync(path.join(base, 'outside', 'registry', 'step_names.py'), path.join(root, 'escaped.py'));
    symlinkSync(path.join(root, 'src', 'registry', 'step_names.py'), path.join(root, 'alias.py'));
    symlinkSync(path.join(base, 'nowhere'), path.join(root, 'dangling.py'));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('lists accepted files once, never leaving the root nor looping, and prunes skipped directories', async () => {
    const links: HostLink[] = [];
    const files = await listFiles(root, {
      skip: (rel) => rel === 'build',
      accept: (rel) => rel.endsWith('.py'),
      link: (l) => links.push(l),
    });
    assert.deepEqual(files, ['alias.py', 'src/registry/step_names.py']);
    assert.deepEqual(
      links.sort((a, b) => a.path.localeCompare(b.path)),
      [
        { path: 'alias.py', target: 'src/registry/step_names.py', loop: false },
        { path: 'dangling.py', target: null, loop: false },
        { path: 'escape', target: null, loop: false },
        { path: 'escaped.py', target: null, loop: false },
        { path: 'src/loop', target: '', loop: true },
      ],
    );
  });

  it("gives the listed files' absolute paths as path.join does, from a root written with or without a trailing separator", async () => {
    const files = await listFiles(root, { skip: () => false, accept: (rel) => rel.endsWith('.py') });
    assert.ok(files.length >= 3);
    for (const given of [root, root + path.sep, path.join(root, 'src', '..')]) {
      assert.deepEqual(
        absolutePaths(given, files),
        files.map((rel) => path.join(root, rel)),
      );
    }
    assert.deepEqual(readText(absolutePaths(root, ['src/registry/step_names.py'])[0] as string), { text: 'X = 1\n' });
  });

  it('knows real paths without resolving each directory: a root reached through a link, a directory listed once under two names, a loop deep down', async () => {
    symlinkSync(root, path.join(base, 'via'));
    symlinkSync(path.join(root, 'src', 'registry'), path.join(root, 'src', 'mirror'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'src', 'registry', 'up'));
    const links: HostLink[] = [];
    const dirs: string[] = [];
    const followed: string[] = [];
    const files = await listFiles(path.join(base, 'via'), {
      skip: (rel) => rel === 'build',
      accept: (rel) => rel.endsWith('.py'),
      link: (l) => links.push(l),
      directory: (d) => dirs.push(d),
      followed: (l) => followed.push(l),
    });
    // src/mirror and src/registry are one directory: its file is listed once, under its own name
    // whichever the disk lists first (`mirror` sorts first, and is made after it).
    assert.equal(files.filter((f) => f.endsWith('step_names.py')).length, 1);
    assert.ok(files.includes('src/registry/step_names.py'), files.join());
    assert.deepEqual(followed, []);
    assert.deepEqual(
      links.filter((l) => l.path.endsWith('/up')).map((l) => ({ target: l.target, loop: l.loop })),
      [{ target: 'src', loop: true }],
    );
    assert.deepEqual(
      links.find((l) => l.path === 'src/mirror'),
      { path: 'src/mirror', target: 'src/registry', loop: false },
    );
    assert.ok(!dirs.some((d) => d.endsWith('/up')), 'a loop is not listed as a directory');
  });

  it('lists a directory through a link only when no other name reaches it (a skipped one), the first link in path order', async () => {
    write('root/build/lib/gen_registry.py');
    symlinkSync(path.join(root, 'build', 'lib'), path.join(root, 'src', 'z_lib'));
    symlinkSync(path.join(root, 'build', 'lib'), path.join(root, 'a_lib'));
    symlinkSync(path.join(root, 'src'), path.join(root, 'b_src'));
    const followed: string[] = [];
    const files = await listFiles(root, {
      skip: (rel) => rel === 'build',
      accept: (rel) => rel.endsWith('.py'),
      followed: (l) => followed.push(l),
    });
    assert.deepEqual(files, ['a_lib/gen_registry.py', 'alias.py', 'src/registry/step_names.py']);
    assert.deepEqual(followed, ['a_lib']);
  });

  it('reads text (without a BOM), but not binary or oversized files, and says why', async () => {
    write('root/bin.py', 'a\u0000b');
    write('root/huge.py', 'x'.repeat(DEFAULT_MAX_BYTES + 1));
    write('root/bom.py', '\uFEFFX = 1\n');
    assert.deepEqual(readText(path.join(root, 'src/registry/step_names.py')), { text: 'X = 1\n' });
    assert.deepEqual(readText(path.join(root, 'bom.py')), { text: 'X = 1\n' });
    assert.match((readText(path.join(root, 'bin.py')) as { skipped: string }).skipped, /binary/);
    assert.match(
      (readText(path.join(root, 'huge.py')) as { skipped: string }).skipped,
      /over the limit of 2 MB \(setting registryLens.maxFileSizeMB\)/,
    );
    assert.deepEqual(readText(path.join(root, 'huge.py'), 4 * 1024 * 1024), {
      text: 'x'.repeat(DEFAULT_MAX_BYTES + 1),
    });
    assert.equal(readText(path.join(root, 'missing.py')), null);
  });

  it("gives no file, without blocking, for what is not one (a FIFO, a directory, a device), and reads an empty file and files around the scratch buffer's size whole", () => {
    write('root/empty.py', '');
    execFileSync('mkfifo', [path.join(root, 'pipe.py')]);
    symlinkSync('/dev/zero', path.join(root, 'zero.py'));
    assert.deepEqual(readText(path.join(root, 'empty.py')), { text: '' });
    assert.equal(readText(path.join(root, 'pipe.py')), null);
    assert.equal(readText(path.join(root, 'src')), null);
    assert.equal(readText(path.join(root, 'zero.py')), null);
    // Exactly the scratch buffer's size, and one byte more: read to the end either way.
    write('root/edge.py', 'e'.repeat(64 * 1024));
    write('root/edge1.py', 'e'.repeat(64 * 1024 + 1));
    assert.deepEqual(readText(path.join(root, 'edge.py')), { text: 'e'.repeat(64 * 1024) });
    assert.deepEqual(readText(path.join(root, 'edge1.py')), { text: 'e'.repeat(64 * 1024 + 1) });
    assert.match(
      (readText(path.join(root, 'edge1.py'), 1000) as { skipped: string }).skipped,
      /it is 64 KB, over the limit of 1 KB/,
    );
  });

  it('reads small files through one buffer without one text changing another, nor a longer file leaving bytes behind', async () => {
    write('root/long.py', `LONG = "${'y'.repeat(4000)}"\n`);
    write('root/short.py', 'S = 2\n');
    write('root/large.py', `L = "${'z'.repeat(100_000)}"\n`);
    const reads = readTexts(['long.py', 'short.py', 'large.py', 'short.py'].map((f) => path.join(root, f)));
    const [a, b, c, d] = (await reads).map((r) => (r as { text: string }).text);
    assert.equal(a, `LONG = "${'y'.repeat(4000)}"\n`);
    assert.equal(b, 'S = 2\n');
    assert.equal(c, `L = "${'z'.repeat(100_000)}"\n`);
    assert.equal(d, 'S = 2\n');
  });

  it('says which names are not UTF-8 (a directory, a wanted file; not an unwanted one)', async () => {
    const latin1 = (name: string): Buffer => Buffer.concat([Buffer.from(`${root}/`), Buffer.from(name, 'latin1')]);
    mkdirSync(latin1('src/caf\xe9'));
    writeFileSync(Buffer.concat([latin1('src/caf\xe9'), Buffer.from('/registry.py')]), 'X = 1\n');
    writeFileSync(latin1('src/registry/builder_\xe9.py'), 'X = 1\n');
    writeFileSync(latin1('src/registry/notes_\xe9.txt'), 'x\n');
    mkdirSync(path.join(root, 'src', 'line\nbreak'));
    writeFileSync(path.join(root, 'src', 'line\nbreak', 'ok.py'), 'X = 1\n');
    writeFileSync(path.join(root, 'src', 'registry', 'caf\u00e9.py'), 'X = 1\n');
    const unreadable: string[] = [];
    const files = await listFiles(root, {
      skip: (rel) => rel === 'build',
      accept: (rel) => rel.endsWith('.py'),
      unreadable: (rel, reason, file) => unreadable.push(`${rel} ${file ? 'file' : 'dir'}: ${reason}`),
    });
    assert.deepEqual(unreadable, [
      'src/caf\uFFFD dir: its name is not valid UTF-8 (rename it), nothing under it is read',
      'src/registry/builder_\uFFFD.py file: its name is not valid UTF-8 (rename it): it is not read',
    ]);
    const utf8 = ['alias.py', 'src/line\nbreak/ok.py', 'src/registry/caf\u00e9.py', 'src/registry/step_names.py'];
    assert.deepEqual(files, utf8, 'UTF-8 names, a line break included');
  });

  it('lists no Python environment (by its marker, any name) nor site-packages tree, and says which it met', async () => {
    write('root/.venv/pyvenv.cfg', 'home = /usr/bin\n');
    write('root/.venv/lib/python3.11/site-packages/cursus/registry/step_names.py');
    write('root/tools/conda-meta/history', '');
    write('root/tools/cursus/registry/step_names.py');
    write('root/bare/lib/python3.12/site-packages/cursus/registry/step_names.py');
    write('root/bare/Lib/site-packages/cursus/registry/step_names.py');
    const met: string[] = [];
    const filter = {
      skip: () => false,
      accept: (rel: string) => rel.endsWith('.py'),
      environment: (rel: string) => met.push(rel),
    };
    const files = await listFiles(root, filter);
    assert.deepEqual(
      files.filter((f) => f.includes('cursus')),
      [],
    );
    assert.deepEqual(met.sort(), ['.venv', 'tools']);
    // A directory that appeared inside one (a watched event) is not listed either.
    met.length = 0;
    assert.deepEqual(await listFiles(root, filter, '.venv/lib'), []);
    assert.deepEqual(await listFiles(root, filter, 'bare/lib/python3.12/site-packages/cursus'), []);
    assert.deepEqual(met, ['.venv', 'bare/lib/python3.12/site-packages/cursus']);
  });
});
