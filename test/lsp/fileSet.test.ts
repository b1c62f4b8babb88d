// The server's file set is the walk's (issue 55): a file read from a watched event and then gone with its
// directory (deleted or renamed before the next analysis) leaves the server; a document opened through a
// link to a directory (VS Code opens files through linked folders) is no file of the folder, whether the
// link leads inside (the walk lists the directory under its own name) or out of it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
import { feedOptions } from '../../server/src/host/openRoot';
import { readSettings } from '../../server/src/host/readSettings';
import { Folder } from '../../server/src/lsp/folder';
import { wasm } from '../engine/helpers';
import { TestClient } from './client';
import { againstFresh } from './fresh';

const REGISTRY = 'src/pkg/registry/step_names.py';
const CORE = `STEP_NAMES = {
    "Alpha": {
        "config_class": "AlphaConfig", "builder_step_name": "AlphaStepBuilder", "spec_type": "Alpha",
        "sagemaker_step_type": "Processing", "description": "a",
    },
}
`;
const FILES = new Map([
  [REGISTRY, CORE],
  ['src/pkg/steps/builders/builder_alpha_step.py', 'class AlphaStepBuilder:\n    pass\n'],
  ['src/pkg/steps/configs/config_other_step.py', 'class Other:\n    pass\n'],
]);

const lines = (e: RegistryEngine): string[] =>
  e
    .allDiagnostics()
    .map((d) => `${d.file} ${d.code} ${d.message}`)
    .sort();

/** Every diagnostic of a fresh analysis of `root`. */
async function fresh(root: string): Promise<string[]> {
  const folder = readSettings(root, () => {});
  const engine = await RegistryEngine.create(wasm, folder.engine);
  await Feeder.wholeRoot(
    engine,
    root,
    feedOptions(folder, () => {}),
  ).feedRoot();
  return lines(engine);
}

/** Runs the folder's analysis until nothing is left to analyse (what the queue does between changes). */
async function settle(folder: Folder): Promise<void> {
  for (let i = 0; i < 100 && folder.dirty; i++) {
    const ahead = folder.feeder.readAhead();
    if (ahead !== undefined) {
      await ahead;
      continue;
    }
    await folder.feeder.flush().more;
  }
  assert.ok(!folder.dirty, 'the analysis settles');
}

describe("lsp: the server's file set is the walk's", () => {
  let root: string | undefined;
  let c: TestClient | undefined;
  afterEach(async () => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
    await c?.stop();
    c = undefined;
  });

  for (const how of ['deleted', 'renamed'] as const) {
    it(`forgets a file read from a watched event whose directory is ${how} before the next analysis`, async () => {
      const dir = (root = mkdtempSync(join(tmpdir(), 'registry-lens-fileset-')));
      for (const [rel, text] of FILES) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      const folder = new Folder(
        pathToFileURL(dir).href,
        'fixture',
        (code) => `docs/diagnostics.md#${code.toLowerCase()}`,
      );
      await folder.load({ wasm, settings: readSettings(dir, () => {}), nested: [], opened: [], progress: () => {} });
      await settle(folder);
      const configs = 'src/pkg/steps/configs';
      writeFileSync(join(dir, configs, 'config_alpha_step.py'), 'class AlphaConfig:\n    pass\n');
      await folder.feeder.created(`${configs}/config_alpha_step.py`);
      // Gone before the analysis the file's event made due.
      if (how === 'deleted') rmSync(join(dir, configs), { recursive: true });
      else renameSync(join(dir, configs), join(dir, 'src/pkg/steps/old_configs'));
      await folder.feeder.deleted(configs);
      if (how === 'renamed') await folder.feeder.created('src/pkg/steps/old_configs');
      await settle(folder);
      const want = await fresh(dir);
      assert.ok(
        want.some((d) => d.includes('RL006')),
        `AlphaConfig is nowhere: ${want.join('\n')}`,
      );
      assert.deepEqual(lines(folder.engine), want);
    });
  }

  for (const [link, where] of [
    ['lnk', 'inside the folder'],
    ['out', 'out of the folder'],
  ] as const) {
    it(`does not analyse a document opened through a link to a directory ${where}`, async () => {
      const outside = (root = mkdtempSync(join(tmpdir(), 'registry-lens-outside-')));
      mkdirSync(join(outside, 'pkg/registry'), { recursive: true });
      writeFileSync(join(outside, 'pkg/registry/step_names.py'), CORE);
      const client = (c = await TestClient.start(FILES, link === 'lnk' ? { links: { lnk: 'src' } } : {}));
      if (link === 'out') symlinkSync(outside, client.abs('out'));
      await client.loaded();
      const created = { changes: [{ uri: client.uri('out'), type: 1 }] };
      if (link === 'out') await client.notify('workspace/didChangeWatchedFiles', created);
      const rel = `${link}/pkg/registry/step_names.py`;
      await client.open(rel, CORE);
      await client.request('registryLens/contexts', {});
      const { server, fresh: want } = againstFresh(client);
      assert.deepEqual(server, want, 'one core registry, as a fresh analysis has');
      assert.deepEqual(client.diagnostics.get(client.uri(rel)) ?? [], [], "nothing published at the link's path");
    });
  }
});
