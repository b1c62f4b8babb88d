// The one containment rule: reads and writes are admitted only when the path resolves inside the root.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInRoot } from '../../server/src/host/containment';

describe('host: containment', () => {
  let tmp = '';
  let root = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'rl-contain-'));
    root = join(tmp, 'repo');
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    mkdirSync(join(tmp, 'outside'));
    writeFileSync(join(root, 'a', 'f.py'), 'x');
    writeFileSync(join(tmp, 'outside', 'secret.py'), 'x');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const refused = (r: ReturnType<typeof resolveInRoot>): string => ('refused' in r ? r.refused : '');

  it('admits existing and new paths inside the root, relative or absolute', () => {
    assert.deepEqual(resolveInRoot(root, 'a/f.py', 'read'), { abs: join(root, 'a', 'f.py'), rel: 'a/f.py' });
    assert.deepEqual(resolveInRoot(root, join(root, 'a', 'f.py'), 'read'), {
      abs: join(root, 'a', 'f.py'),
      rel: 'a/f.py',
    });
    assert.deepEqual(resolveInRoot(root, 'a/new/deeper/x.py', 'create'), {
      abs: join(root, 'a', 'new', 'deeper', 'x.py'),
      rel: 'a/new/deeper/x.py',
    });
    assert.deepEqual(resolveInRoot(root, 'a/../a/b', 'create'), { abs: join(root, 'a', 'b'), rel: 'a/b' });
  });

  it('refuses paths that leave the root lexically', () => {
    assert.match(
      refused(resolveInRoot(root, '../outside/evil', 'create')),
      /"\.\.\/outside\/evil" is outside the root/,
    );
    assert.match(refused(resolveInRoot(root, join(tmp, 'outside', 'secret.py'), 'read')), /outside the root/);
    assert.match(refused(resolveInRoot(root, '/etc/passwd', 'read')), /outside the root/);
    assert.match(refused(resolveInRoot(root, 'a\0b', 'read')), /NUL/);
  });

  it('refuses links out of the root, for reads and for writes below them', () => {
    symlinkSync(join(tmp, 'outside', 'secret.py'), join(root, 'a', 'link.py'));
    symlinkSync(join(tmp, 'outside'), join(root, 'a', 'dirlink'));
    symlinkSync('/dev/zero', join(root, 'zero'));
    assert.match(refused(resolveInRoot(root, 'a/link.py', 'read')), /symbolic link/);
    assert.match(refused(resolveInRoot(root, 'a/dirlink/secret.py', 'read')), /symbolic link/);
    assert.match(refused(resolveInRoot(root, 'a/dirlink/evil/new.py', 'create')), /symbolic link/);
    assert.match(refused(resolveInRoot(root, 'zero', 'read')), /symbolic link/);
  });

  it('refuses writes through a dangling link, which would create its target', () => {
    symlinkSync(join(tmp, 'outside', 'not-yet'), join(root, 'dangling'));
    assert.match(refused(resolveInRoot(root, 'dangling/x.py', 'create')), /dangling/);
  });

  it('admits links that stay inside the root', () => {
    symlinkSync(join(root, 'a', 'b'), join(root, 'inner'));
    assert.deepEqual(resolveInRoot(root, 'inner/new.py', 'create'), {
      abs: join(root, 'inner', 'new.py'),
      rel: 'inner/new.py',
    });
  });

  it('resolves a root reached through a link', () => {
    const alias = join(tmp, 'alias');
    symlinkSync(root, alias);
    assert.deepEqual(resolveInRoot(alias, 'a/f.py', 'read'), { abs: join(alias, 'a', 'f.py'), rel: 'a/f.py' });
  });
});
