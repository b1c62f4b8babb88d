// The walk's rule for paths it did not vouch for (watched-file events, re-reads, the CLI's settings
// file; shared/repro R12, R14): resolved inside the root, regular files only, the size checked before a
// byte is read; links judged as the walk judges them; and scaffolds written only inside the root (R11, R15).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostLink } from '../../server/src/engine/engine';
import { readInRoot, rereader } from '../../server/src/host/readText';
import { linkAt, listFiles } from '../../server/src/host/scan';
import { writeScaffold } from '../../server/src/host/writeScaffold';

describe("host: reads and writes under the walk's rule", () => {
  let tmp = '';
  let root = '';
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'rl-inroot-'));
    root = join(tmp, 'repo');
    mkdirSync(join(root, 'ws', 'alice'), { recursive: true });
    mkdirSync(join(tmp, 'outside'));
    writeFileSync(join(root, 'ws', 'alice', 'reg.py'), 'X = 1\n');
    writeFileSync(join(tmp, 'outside', 'secret.py'), 'SECRET = 1\n');
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const why = (rel: string, maxBytes?: number): [unknown, string[]] => {
    const said: string[] = [];
    return [readInRoot(root, rel, maxBytes, (w) => said.push(w)), said];
  };

  it('reads a regular file inside the root, through an in-root link too; a missing one is no file, silently', () => {
    symlinkSync(join(root, 'ws', 'alice', 'reg.py'), join(root, 'alias.py'));
    assert.deepEqual(why('ws/alice/reg.py'), [{ text: 'X = 1\n' }, []]);
    assert.deepEqual(why('alias.py'), [{ text: 'X = 1\n' }, []]);
    assert.deepEqual(why('ws/missing.py'), [null, []]);
  });

  it('gives no file for a link out of the root, a dangling link, /dev/zero, a FIFO or a directory, and says why', () => {
    symlinkSync(join(tmp, 'outside', 'secret.py'), join(root, 'out.py'));
    symlinkSync(join(tmp, 'outside', 'gone.py'), join(root, 'dangling.py'));
    symlinkSync('/dev/zero', join(root, 'zero.py'));
    symlinkSync(join(tmp, 'outside'), join(root, 'ws', 'bob'));
    execFileSync('mkfifo', [join(root, 'pipe.py')]);
    for (const [rel, reason] of [
      ['out.py', /outside the root/],
      ['dangling.py', /dangling/],
      ['zero.py', /outside the root/],
      ['ws/bob/secret.py', /outside the root/],
      ['pipe.py', /not a regular file/],
      ['ws', /not a regular file/],
      ['../outside/secret.py', /outside the root/],
    ] as const) {
      const [read, said] = why(rel);
      assert.equal(read, null, rel);
      assert.match(said.join(), reason, rel);
    }
    assert.equal(rereader(root, () => 1024)('out.py'), undefined);
    assert.equal(rereader(root, () => 1024)('ws/alice/reg.py'), 'X = 1\n');
  });

  it('checks the size before reading: a file over the limit is skipped unread', () => {
    writeFileSync(join(root, 'big.py'), 'x'.repeat(5000));
    assert.match((why('big.py', 1000)[0] as { skipped: string }).skipped, /it is 4.9 KB, over the limit of 1 KB/);
  });

  it('judges a link met by an event as the walk judges it', async () => {
    symlinkSync(join(tmp, 'outside'), join(root, 'ws', 'bob'));
    symlinkSync('/dev/zero', join(root, 'zero.py'));
    symlinkSync(join(root, 'ws'), join(root, 'ws', 'alice', 'loop'));
    symlinkSync(join(root, 'ws', 'alice', 'reg.py'), join(root, 'alias.py'));
    symlinkSync(join(tmp, 'nowhere'), join(root, 'dangling'));
    const walked: HostLink[] = [];
    await listFiles(root, { skip: () => false, accept: () => true, link: (l) => walked.push(l) });
    for (const l of walked) assert.deepEqual(linkAt(root, l.path)?.link, l, l.path);
    assert.deepEqual(walked.map((l) => [l.path, linkAt(root, l.path)?.kind]).sort(), [
      ['alias.py', 'file'],
      ['dangling', null],
      ['ws/alice/loop', null],
      ['ws/bob', null],
      ['zero.py', null],
    ]);
    assert.equal(linkAt(root, 'ws/alice/reg.py'), null, 'not a link');
    assert.deepEqual(
      linkAt(root, 'ws/bob/elsewhere'),
      null,
      'below a link out of the root: nothing the walk could meet',
    );
  });

  it("lists a directory that appeared under the root's rule, paths relative to the root, nothing through a link out", async () => {
    symlinkSync(join(tmp, 'outside'), join(root, 'ws', 'bob'));
    const accept = { skip: () => false, accept: () => true };
    assert.deepEqual(await listFiles(root, accept, 'ws/alice'), ['ws/alice/reg.py']);
    assert.deepEqual(await listFiles(root, accept, 'ws/bob'), []);
    assert.deepEqual(await listFiles(root, accept, '../outside'), []);
  });

  it('writes a scaffold inside the root, and nothing at all when any of its paths leads out (a linked workspace or developers directory)', async () => {
    const scaffold = (dir: string) => ({
      dir,
      dirs: [`${dir}/src/pkg`],
      files: [
        { file: `${dir}/README.md`, text: 'r' },
        { file: `${dir}/src/pkg/__init__.py`, text: '' },
      ],
    });
    assert.deepEqual(await writeScaffold(root, scaffold('ws/carol')), {
      created: ['ws/carol/README.md', 'ws/carol/src/pkg/__init__.py'],
      kept: [],
    });
    symlinkSync(join(tmp, 'outside'), join(root, 'ws', 'evil4'));
    const linkedDir = await writeScaffold(root, scaffold('ws/evil4'));
    assert.match(
      'refused' in linkedDir ? linkedDir.refused : '',
      /nothing written: "ws\/evil4" leads outside the root through a symbolic link/,
    );
    rmSync(join(root, 'ws'), { recursive: true });
    symlinkSync(join(tmp, 'outside'), join(root, 'ws'));
    assert.ok('refused' in (await writeScaffold(root, scaffold('ws/evil5'))));
    assert.ok('refused' in (await writeScaffold(root, scaffold('../outside/evil1'))));
    // One path refused refuses all: not even the paths inside the root are written.
    mkdirSync(join(root, 'fine'));
    const mixed = {
      dir: 'fine/w',
      dirs: ['fine/w/a'],
      files: [
        { file: 'fine/w/a/x.py', text: '' },
        { file: '../outside/y.py', text: '' },
      ],
    };
    assert.ok('refused' in (await writeScaffold(root, mixed)));
    assert.ok(!existsSync(join(root, 'fine', 'w')));
    assert.deepEqual(readdirSync(join(tmp, 'outside')), ['secret.py']);
  });
});
