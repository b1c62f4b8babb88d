// The server never reads or writes outside its folder (shared/repro R11, R12, R17): a workspaces root
// outside it is ignored with a warning and New Developer Workspace writes inside (and validates as the
// CLI does); a watched-file event for a link out of the root, to /dev/zero, dangling or looping reads
// nothing and leaves the server where a fresh analysis of the same tree is; one URI naming no local
// path does not drop the rest of its batch, and requests carrying it answer an empty result.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FolderContexts, FolderOverview, NewWorkspaceResult } from '../../server/src/lsp/protocol';
import { TestClient } from './client';
import { againstFresh } from './fresh';

const DEV = 'developer_workspaces/developers';
const reg = (id: string): string => `${DEV}/${id}/src/cursus_dev/registry/workspace_registry.py`;
const ALICE =
  'LOCAL_STEPS = {\n    "AliceStep": {"sagemaker_step_type": "Processing", "description": "d"},\n}\nWORKSPACE_METADATA = {"developer_id": "alice"}\n';
const SECRET =
  'LOCAL_STEPS = {\n    "OutsideSecretStep": {"sagemaker_step_type": "Processing", "description": "s"},\n    "bad name": {},\n}\nWORKSPACE_METADATA = {"developer_id": "mallory"}\n';
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;

describe('lsp: nothing outside the folder', () => {
  let c: TestClient;
  let outside = '';
  beforeEach(() => {
    outside = mkdtempSync(join(tmpdir(), 'rl-outside-'));
  });
  afterEach(async () => {
    await c.stop();
    rmSync(outside, { recursive: true, force: true });
  });

  it('ignores a workspaces root outside the folder with a warning; newWorkspace writes inside and refuses what the CLI refuses (R11)', async () => {
    c = await TestClient.start(new Map([[reg('alice'), ALICE]]), {
      settings: { workspaces: { roots: ['../outside'] } },
    });
    await c.waitFor('the warning', () =>
      c.notifications.find(
        (n) =>
          n.method === 'window/showMessage' &&
          /registryLens\.workspaces\.roots: ignoring "\.\.\/outside"/.test((n.params as { message: string }).message),
      ),
    );
    const r = await c.request<NewWorkspaceResult>('registryLens/newWorkspace', { id: 'evil2', template: 'minimal' });
    assert.equal(r.error, undefined);
    assert.ok(
      r.created.every((u) => u.startsWith(c.uri(`${DEV}/evil2/`))),
      r.created.join(),
    );
    assert.ok(!existsSync(join(c.root, '..', 'outside', 'evil2')));
    const bogus = await c.request<NewWorkspaceResult>('registryLens/newWorkspace', { id: 'evil3', template: 'bogus' });
    assert.match(bogus.error ?? '', /Unknown template 'bogus': use one of minimal, standard, advanced/);
    assert.ok(!existsSync(c.abs(`${DEV}/evil3`)));
  });

  it('refuses newWorkspace through a linked developers directory, writing nothing (R15)', async () => {
    c = await TestClient.start(new Map([['src/cursus/registry/step_names.py', 'STEP_NAMES = {}\n']]));
    await c.request('registryLens/contexts', {});
    mkdirSync(c.abs('developer_workspaces'));
    symlinkSync(outside, c.abs(DEV));
    const r = await c.request<NewWorkspaceResult>('registryLens/newWorkspace', { id: 'evil5', template: 'standard' });
    assert.match(r.error ?? '', /nothing written: .* leads outside the root through a symbolic link/);
    assert.deepEqual(r.created, []);
    assert.ok(!existsSync(join(outside, 'evil5')));
  });

  it('reads nothing through watched links that leave the root, dangle or loop, and agrees with a fresh analysis (R12)', async () => {
    writeFileSync(join(outside, 'secret_registry.py'), SECRET);
    mkdirSync(join(outside, 'ws', 'src', 'cursus_dev', 'registry'), { recursive: true });
    writeFileSync(join(outside, 'ws', 'src', 'cursus_dev', 'registry', 'workspace_registry.py'), SECRET);
    // A large limit: were /dev/zero read, the server would read 500 MB.
    c = await TestClient.start(new Map([[reg('alice'), ALICE]]), { settings: { maxFileSizeMB: 500 } });
    await c.request('registryLens/contexts', {});
    const links: [string, string][] = [
      [reg('mallory'), join(outside, 'secret_registry.py')],
      [reg('zero'), '/dev/zero'],
      [reg('dangling'), join(outside, 'gone.py')],
      [`${DEV}/linked`, join(outside, 'ws')],
      [`${DEV}/alice/src/loop`, c.abs(DEV)],
    ];
    for (const [rel, target] of links) {
      mkdirSync(join(c.abs(rel), '..'), { recursive: true });
      symlinkSync(target, c.abs(rel));
    }
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: links.map(([rel]) => ({ uri: c.uri(rel), type: CREATED })),
    });
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(reg('mallory')), type: CHANGED }] });
    const [o] = await c.request<FolderOverview[]>('registryLens/overview', {});
    assert.deepEqual(
      o?.contexts.map((x) => x.id),
      ['core', 'alice'],
    );
    assert.ok(!JSON.stringify(o).includes('OutsideSecretStep'));
    const { server, fresh } = againstFresh(c);
    assert.deepEqual(server, fresh);
  });

  it('keeps a watched in-root link to a file where a fresh analysis has it when its target is rewritten, then replaced by a link out (issue 42)', async () => {
    const B = 'src/cursus/steps/builders';
    const meta = 'description: d\nversion: 1.0.0\n';
    c = await TestClient.start(
      new Map([
        ['src/cursus/registry/step_names.py', 'STEP_NAMES = {}\n'],
        [`${B}/builder_a_step.py`, 'class A:\n    pass\n'],
        [`${B}/builder_a_step_meta.yaml`, meta],
      ]),
    );
    await c.request('registryLens/contexts', {});
    // A new directory holding a link to the meta file (the fuzzer's `inside` shape), announced directory first.
    mkdirSync(c.abs(`${B}/h3`));
    symlinkSync(c.abs(`${B}/builder_a_step_meta.yaml`), c.abs(`${B}/h3/builder_b_step_meta.yaml`));
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: c.uri(`${B}/h3`), type: CREATED },
        { uri: c.uri(`${B}/h3/builder_b_step_meta.yaml`), type: CREATED },
      ],
    });
    await c.diagnosticsOf(`${B}/h3/builder_b_step_meta.yaml`, 'RL021 through the link', (ds) =>
      ds.some((d) => d.code === 'RL021'),
    );
    // Its target rewritten, announced at the target alone: the link's path reads the new text too.
    writeFileSync(c.abs(`${B}/builder_a_step_meta.yaml`), `${meta}dependencies:\n  - module_id: NoSuchStep\n`);
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: c.uri(`${B}/builder_a_step_meta.yaml`), type: CHANGED }],
    });
    await c.request('registryLens/contexts', {});
    const rewritten = againstFresh(c);
    assert.deepEqual(rewritten.server, rewritten.fresh);
    assert.ok(
      (rewritten.fresh[`${B}/h3/builder_b_step_meta.yaml`] ?? []).some((d) => d.includes('NoSuchStep')),
      JSON.stringify(rewritten.fresh),
    );
    // Its target becomes a link to /dev/zero: the link at h3 now leads out of the root, with no event of its own.
    rmSync(c.abs(`${B}/builder_a_step_meta.yaml`));
    symlinkSync('/dev/zero', c.abs(`${B}/builder_a_step_meta.yaml`));
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: c.uri(`${B}/builder_a_step_meta.yaml`), type: DELETED },
        { uri: c.uri(`${B}/builder_a_step_meta.yaml`), type: CREATED },
      ],
    });
    await c.request('registryLens/contexts', {});
    const { server, fresh } = againstFresh(c);
    assert.deepEqual(server, fresh);
  });

  it('re-reads an in-root link to a meta file when its target is replaced (saved anew, then a FIFO), as a fresh analysis reads it (issue 42, fuzz finding)', async () => {
    // The fuzzer's finding on apcore-extensions: notify_meta.yaml became a link to render_meta.yaml,
    // which then became a FIFO; the server kept the text it had read through the link.
    const module = (name: string): string =>
      `class ${name}:\n    description = "d"\n    input_schema = dict\n    output_schema = dict\n\n    def execute(self, inputs, context):\n        return {}\n`;
    const render = 'extensions/text/render_meta.yaml';
    const notify = 'plugins/slack/notify_meta.yaml';
    c = await TestClient.start(
      new Map([
        [
          'apcore.yaml',
          'extensions:\n  roots:\n    - root: ./extensions\n      namespace: ext\n    - root: ./plugins\n      namespace: plug\n',
        ],
        ['extensions/text/render.py', module('RenderTemplate')],
        [render, 'description: r\ndependencies:\n  - module_id: plug.slack.unknown_one\n'],
        ['plugins/slack/notify.py', module('NotifySlack')],
        [notify, 'description: n\n'],
      ]),
    );
    await c.request('registryLens/contexts', {});
    const replaced = async (rel: string): Promise<void> => {
      await c.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: c.uri(rel), type: DELETED },
          { uri: c.uri(rel), type: CREATED },
        ],
      });
      await c.request('registryLens/contexts', {});
    };
    rmSync(c.abs(notify));
    symlinkSync(c.abs(render), c.abs(notify));
    await replaced(notify);
    const linked = againstFresh(c);
    assert.deepEqual(linked.server, linked.fresh);
    assert.ok(
      (linked.fresh[notify] ?? []).some((d) => d.includes('unknown_one')),
      JSON.stringify(linked.fresh),
    );
    // The target saved anew (deleted and created, as an editor's atomic save): the link reads the new text.
    rmSync(c.abs(render));
    writeFileSync(c.abs(render), 'description: r\ndependencies:\n  - module_id: plug.slack.unknown_two\n');
    await replaced(render);
    const saved = againstFresh(c);
    assert.deepEqual(saved.server, saved.fresh);
    assert.ok(
      (saved.fresh[notify] ?? []).some((d) => d.includes('unknown_two')),
      JSON.stringify(saved.fresh),
    );
    // The target becomes a FIFO: neither path is a file any more.
    rmSync(c.abs(render));
    execFileSync('mkfifo', [c.abs(render)]);
    await replaced(render);
    const fifo = againstFresh(c);
    assert.deepEqual(fifo.server, fifo.fresh);
    assert.equal(
      fifo.fresh[notify],
      undefined,
      'apcore reads a meta file through a link inside the folder: no RL030 for it',
    );
  });

  it('holds the files of a directory linked inside the folder under one name, as a fresh analysis does, when the link is created, its target changes and the link goes (issue 42)', async () => {
    const B = 'src/cursus/steps/builders';
    c = await TestClient.start(
      new Map([
        ['src/cursus/registry/step_names.py', 'STEP_NAMES = {}\n'],
        [`${B}/target/builder_x_step_meta.yaml`, 'description: x\n'],
      ]),
    );
    await c.request('registryLens/contexts', {});
    const events = async (...changes: [string, number][]): Promise<void> => {
      await c.notify('workspace/didChangeWatchedFiles', {
        changes: changes.map(([rel, type]) => ({ uri: c.uri(rel), type })),
      });
      await c.request('registryLens/contexts', {});
      const { server, fresh } = againstFresh(c);
      assert.deepEqual(server, fresh);
      assert.ok(
        !Object.keys(fresh).some((f) => f.startsWith(`${B}/alias/`)),
        `the directory's own name wins: ${JSON.stringify(fresh)}`,
      );
    };
    symlinkSync(c.abs(`${B}/target`), c.abs(`${B}/alias`));
    await events([`${B}/alias`, CREATED]);
    // A file created there, named through the link too (as an editor's watcher may name it).
    writeFileSync(c.abs(`${B}/target/builder_z_step_meta.yaml`), 'description: z\n');
    await events(
      [`${B}/alias/builder_z_step_meta.yaml`, CREATED],
      [`${B}/target/builder_z_step_meta.yaml`, CREATED],
      [`${B}/alias/builder_z_step_meta.yaml`, CHANGED],
    );
    writeFileSync(c.abs(`${B}/target/builder_y_step_meta.yaml`), 'description: y\n');
    await events([`${B}/target/builder_y_step_meta.yaml`, CREATED]);
    writeFileSync(
      c.abs(`${B}/target/builder_x_step_meta.yaml`),
      'description: x\ndependencies:\n  - module_id: NoSuchStep\n',
    );
    await events([`${B}/target/builder_x_step_meta.yaml`, CHANGED]);
    // A new directory holding a link to the target: the link is not followed there either.
    mkdirSync(c.abs(`${B}/more`));
    symlinkSync(c.abs(`${B}/target`), c.abs(`${B}/more/alias`));
    await events([`${B}/more`, CREATED], [`${B}/more/alias`, CREATED]);
    rmSync(c.abs(`${B}/alias`));
    await events([`${B}/alias`, DELETED]);
  });

  it("follows a link to an excluded directory as a fresh analysis does: the files behind it change, appear and go under the link's name (issue 42)", async () => {
    const B = 'src/cursus/steps/builders';
    const exclude = ['vendor', 'vendor/**'];
    c = await TestClient.start(
      new Map([
        ['.vscode/settings.json', JSON.stringify({ 'registryLens.exclude': exclude })],
        ['src/cursus/registry/step_names.py', 'STEP_NAMES = {}\n'],
        ['vendor/kit/builder_x_step_meta.yaml', 'description: x\n'],
      ]),
      { settings: { exclude }, links: { [`${B}/kit`]: 'vendor/kit' } },
    );
    await c.request('registryLens/contexts', {});
    const events = async (...changes: [string, number][]): Promise<Record<string, string[]>> => {
      await c.notify('workspace/didChangeWatchedFiles', {
        changes: changes.map(([rel, type]) => ({ uri: c.uri(rel), type })),
      });
      await c.request('registryLens/contexts', {});
      const { server, fresh } = againstFresh(c);
      assert.deepEqual(server, fresh);
      return fresh;
    };
    writeFileSync(
      c.abs('vendor/kit/builder_x_step_meta.yaml'),
      'description: x\ndependencies:\n  - module_id: NoSuchStep\n',
    );
    const changed = await events(['vendor/kit/builder_x_step_meta.yaml', CHANGED]);
    assert.ok(
      (changed[`${B}/kit/builder_x_step_meta.yaml`] ?? []).some((d) => d.includes('NoSuchStep')),
      JSON.stringify(changed),
    );
    writeFileSync(c.abs('vendor/kit/builder_y_step_meta.yaml'), 'description: y\n');
    const created = await events(['vendor/kit/builder_y_step_meta.yaml', CREATED]);
    assert.ok(created[`${B}/kit/builder_y_step_meta.yaml`] !== undefined, JSON.stringify(created));
    rmSync(c.abs(`${B}/kit`));
    const gone = await events([`${B}/kit`, DELETED]);
    assert.deepEqual(
      Object.keys(gone).filter((f) => f.startsWith(`${B}/kit/`)),
      [],
    );
  });

  for (const [link, dir] of [
    ['a_alias', 'z_target'],
    ['z_alias', 'a_target'],
  ]) {
    it(`holds the files of a directory linked at startup (${link} -> ${dir}) under its own name, as a fresh analysis does, when a file there changes (issue 42)`, async () => {
      const B = 'src/cursus/steps/builders';
      c = await TestClient.start(
        new Map([
          ['src/cursus/registry/step_names.py', 'STEP_NAMES = {}\n'],
          [`${B}/${dir}/builder_x_step_meta.yaml`, 'description: x\n'],
        ]),
        { links: { [`${B}/${link}`]: `${B}/${dir}` } },
      );
      await c.request('registryLens/contexts', {});
      const before = againstFresh(c);
      assert.deepEqual(before.server, before.fresh);
      assert.ok(before.fresh[`${B}/${dir}/builder_x_step_meta.yaml`] !== undefined, JSON.stringify(before.fresh));
      writeFileSync(
        c.abs(`${B}/${dir}/builder_x_step_meta.yaml`),
        'description: x\ndependencies:\n  - module_id: NoSuchStep\n',
      );
      await c.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: c.uri(`${B}/${dir}/builder_x_step_meta.yaml`), type: CHANGED }],
      });
      await c.request('registryLens/contexts', {});
      const { server, fresh } = againstFresh(c);
      assert.deepEqual(server, fresh);
      assert.ok(
        (fresh[`${B}/${dir}/builder_x_step_meta.yaml`] ?? []).some((d) => d.includes('NoSuchStep')),
        JSON.stringify(fresh),
      );
    });
  }

  it('applies the rest of a watched batch after a URI naming no local path; requests with one answer empty (R17)', async () => {
    c = await TestClient.start(new Map([[reg('alice'), ALICE.replace('"Processing"', '"Procesing"')]]));
    await c.diagnosticsOf(reg('alice'), 'RL010', (ds) => ds.some((d) => d.code === 'RL010'));
    writeFileSync(
      c.abs(reg('alice')),
      'LOCAL_STEPS = {"bad name": {}}\nWORKSPACE_METADATA = {"developer_id": "alice"}\n',
    );
    await c.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: 'file://otherhost/share/x.py', type: CHANGED },
        { uri: c.uri(reg('alice')), type: CHANGED },
      ],
    });
    const ds = await c.diagnosticsOf(reg('alice'), 'the rewrite', (d) => d.some((x) => x.code === 'RL009'));
    assert.deepEqual(ds.map((d) => d.code).sort(), ['RL005', 'RL008', 'RL009']);
    assert.equal(
      await c.request('textDocument/hover', {
        textDocument: { uri: 'file://otherhost/share/x.py' },
        position: { line: 0, character: 0 },
      }),
      null,
    );
    assert.deepEqual(
      await c.request('textDocument/documentSymbol', { textDocument: { uri: 'file://otherhost/share/x.py' } }),
      [],
    );
    // A workspace folder on another host is skipped, and the folders after it are added.
    mkdirSync(c.abs('nested'));
    await c.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: 'file://otherhost/share', name: 'foreign' }, c.folder('nested')], removed: [] },
    });
    const folders = await c.request<FolderContexts[]>('registryLens/contexts', {});
    assert.deepEqual(folders.map((f) => f.name).sort(), ['fixture', 'nested']);
  });
});
