// Stage 1, scan: extension roots (settings, apcore.yaml, the `extensions/` default), the skip rules and
// depth limit, module ids with namespaces, and the id checks RL009, RL024, RL025, RL028; links the
// host reports (loops, links leaving a root).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { isScanCandidate, invalidId } from '../../../server/src/engine/families/apcore/scan';
import { assertAt, moduleClass } from './snippets';

const ids = (engine: { list(): { name: string; source: string }[] }): string[] =>
  engine
    .list()
    .filter((r) => r.source === 'module')
    .map((r) => r.name);

describe('pipeline 1: scan', () => {
  it('skip rules: dot and underscore names, __pycache__, node_modules, .d.ts, tests; depth (the root is depth 1) at most 8', () => {
    for (const yes of ['a.py', 'x/y.ts', 'x/y.js', 'a/b/c/d/e/f/g/h.py']) assert.ok(isScanCandidate(yes, 8), yes);
    for (const no of [
      '_a.py',
      '.a.py',
      '_x/a.py',
      '__pycache__/a.py',
      'node_modules/a.js',
      'a.d.ts',
      'a.test.ts',
      'a.spec.js',
      'a.pyc',
      'a.yaml',
      'a/b/c/d/e/f/g/h/i.py',
    ])
      assert.ok(!isScanCandidate(no, 8), no);
  });

  it('the default root extensions/ is active only when it holds a meta file; ids are paths with dots', async () => {
    const files = `
      //- /extensions/email/send.py
      ${moduleClass('Send')}
      //- /extensions/_private/x.py
      ${moduleClass('X')}
    `;
    assert.deepEqual(ids((await analyze(files)).engine), []);
    const { engine } = await analyze(`${files}
      //- /extensions/email/send_meta.yaml
      description: sends
    `);
    assert.deepEqual(ids(engine), ['email.send']);
    assert.deepEqual(engine.allDiagnostics(), []);
  });

  it('roots from apcore.yaml and the settings; several roots prefix ids with their namespace', async () => {
    const { engine } = await analyze(
      `
      //- /apcore.yaml
      extensions:
        roots:
          - ./mods
          - {path: ./plugins, namespace: plug}
      //- /mods/a.py
      ${moduleClass('A')}
      //- /plugins/b/c.py
      ${moduleClass('C')}
      //- /lib/d.py
      ${moduleClass('D')}
    `,
      { apcoreRoots: ['lib'] },
    );
    assert.deepEqual(ids(engine), ['lib.d', 'mods.a', 'plug.b.c']);
    assert.equal(engine.interest().wants('plugins/x.py'), true);
    // (Every Python module is read for the pipeline DAGs it may build: a JavaScript one shows the roots alone.)
    assert.equal(engine.interest().wants('other/x.js'), false);
  });

  it('RL028 on the namespace node of a root whose namespace is taken; that root is not scanned', async () => {
    await checkDiagnostics(`
      //- /apcore.yaml
      extensions:
        roots:
          - {path: ./a, namespace: ns}
          - {path: ./b, namespace: ns}
      #                            ^^ RL028 Namespace 'ns' of root 'b' is already used by root 'a'
      //- /a/x.py
      ${moduleClass('X')}
      //- /b/y.py
      ${moduleClass('Y')}
    `);
  });

  it('RL009 invalid ids: upper case, reserved first segment, longer than 192', async () => {
    assert.match(invalidId('Email.send') ?? '', /lower-case/);
    assert.match(invalidId('core.tools') ?? '', /reserved segment 'core'/);
    assert.match(invalidId(`a${'.b'.repeat(100)}`) ?? '', /at most 192/);
    assert.equal(invalidId('email.send_v2'), null);
    const { engine } = await analyze(`
      //- /extensions/Mail.py
      ${moduleClass('Mail')}
      //- /extensions/system/x.py
      ${moduleClass('X')}
      //- /extensions/x_meta.yaml
      description: x
    `);
    assertAt(engine, 'extensions/Mail.py', '0:0-0:0', 'RL009', "'Mail'");
    assertAt(engine, 'extensions/system/x.py', '0:0-0:0', 'RL009', "reserved segment 'system'");
  });

  it('RL024 on every later file with the same id (sorted paths, the first is registered); RL025 for case-only differences', async () => {
    const { engine } = await analyze(`
      //- /extensions/mail/send.py
      ${moduleClass('SendPy')}
      //- /extensions/mail/send.ts
      export class SendTs {}
      //- /extensions/mail.send.py
      ${moduleClass('SendDots')}
      //- /extensions/mail/send_meta.yaml
      description: s
      //- /extensions/Mail/send.py
      ${moduleClass('Upper')}
    `);
    assertAt(
      engine,
      'extensions/mail/send.py',
      '0:0-0:0',
      'RL024',
      "'mail.send': extensions/mail.send.py already has it",
    );
    assertAt(engine, 'extensions/mail/send.ts', '0:0-0:0', 'RL024');
    assertAt(engine, 'extensions/mail.send.py', '0:0-0:0', 'RL025', "differs only by case from 'Mail.send'");
    assert.deepEqual(ids(engine), ['Mail.send', 'mail.send']);
    assert.equal(engine.explain({ step: 'mail.send' }).winner?.file, 'extensions/mail.send.py');
  });

  it('links from the host: a loop is reported, a link leaving its root is not followed', async () => {
    const { engine } = await analyze(`
      //- /extensions/a/m.py
      ${moduleClass('M')}
      //- /extensions/a/m_meta.yaml
      description: m
      //- /extensions/out/n.py
      ${moduleClass('N')}
    `);
    engine.setTree({
      links: [
        { path: 'extensions/a/loop', target: 'extensions/a', loop: true },
        { path: 'extensions/out', target: 'lib/out', loop: false },
        { path: 'lib/elsewhere', target: null, loop: false },
      ],
    });
    engine.update();
    assertAt(engine, 'extensions/a/loop', '0:0-0:0', 'RL030', 'Symbolic link loop');
    assertAt(engine, 'extensions/out', '0:0-0:0', 'RL030', 'leaves the extension root');
    assert.deepEqual(ids(engine), ['a.m']);
    assert.equal(engine.allDiagnostics().filter((d) => d.file.startsWith('lib/')).length, 0);
  });

  it('links from the host: a meta file read through a link is not reported (apcore reads it there too), one out of the folder is', async () => {
    const { engine } = await analyze(`
      //- /extensions/a/m.py
      ${moduleClass('M')}
      //- /extensions/a/m_meta.yaml
      description: m
      //- /extensions/b/n.py
      ${moduleClass('N')}
      //- /lib/shared_meta.yaml
      description: n
    `);
    engine.setTree({
      links: [
        { path: 'extensions/a/m_meta.yaml', target: 'lib/shared_meta.yaml', loop: false },
        { path: 'extensions/b/n_meta.yaml', target: null, loop: false },
      ],
    });
    engine.update();
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL030')
        .map((d) => d.file),
      ['extensions/b/n_meta.yaml'],
    );
    assertAt(engine, 'extensions/b/n_meta.yaml', '0:0-0:0', 'RL030', 'symbolic link out of the folder or to nothing');
    assert.deepEqual(ids(engine), ['a.m', 'b.n']);
  });

  it('interest().walk moves when apcore.yaml names other roots, so hosts walk again', async () => {
    const { engine } = await analyze(`
      //- /extensions/a.py
      ${moduleClass('A')}
    `);
    const v = engine.interest().walk;
    assert.equal(engine.interest().wants('mods/b.js'), false);
    engine.setFile('apcore.yaml', 'extensions:\n  root: ./mods\n');
    engine.update();
    assert.notEqual(engine.interest().walk, v);
    assert.equal(engine.interest().wants('mods/b.js'), true);
    assert.equal(engine.interest().wants('extensions/a.js'), false);
    const again = engine.interest().walk;
    engine.setFile('apcore.yaml', 'extensions:\n  root: ./mods  # same roots\n');
    engine.update();
    assert.equal(engine.interest().walk, again, 'an edit that keeps the roots needs no new walk');
  });
});
