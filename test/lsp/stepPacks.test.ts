// A step pack at a project's root over the server's watched-file events: which folders are packs depends
// on other folders (`<project>/interfaces/` with interfaces, `<project>/step_pack/interfaces/` taking its
// place), so an interface or a `step_pack/` appearing or going makes the folder read what became a pack's
// (its configs and scripts, found by walking again) and end where a fresh analysis of the tree is.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
import { feedOptions } from '../../server/src/host/openRoot';
import { readSettings } from '../../server/src/host/readSettings';
import { Folder } from '../../server/src/lsp/folder';
import { wasm } from '../engine/helpers';

const iface = (step: string, script: string): string =>
  `step_type: ${step}\nregistry:\n  sagemaker_step_type: Processing\n` +
  `  description: d\ncontract:\n  entry_point: ${script}\nspec: {}\n`;

const FILES = new Map([
  ['src/cursus/registry/interface_registry_loader.py', '_EXTRAS = {}\n'],
  ['src/cursus/steps/interfaces/tabular_preprocessing.step.yaml', iface('TabularPreprocessing', 'null')],
  ['src/cursus/steps/configs/config_tabular_preprocessing_step.py', 'class TabularPreprocessingConfig:\n    pass\n'],
  ['projects/p/configs/config_fraud_score_step.py', 'class FraudScoreConfig:\n    pass\n'],
  ['projects/p/scripts/fraud_score.py', 'def main():\n    pass\n'],
]);

const lines = (e: RegistryEngine): string[] =>
  e
    .allDiagnostics()
    .map((d) => `${d.file} ${d.code} ${d.message}`)
    .sort();

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

describe("lsp: a step pack at a project's root follows the folders that make it one", () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('an interface makes the project a pack; a step_pack/interfaces/ takes its place; gone, it is back', async () => {
    const dir = (root = mkdtempSync(join(tmpdir(), 'registry-lens-packs-')));
    const write = (rel: string, text: string): void => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    for (const [rel, text] of FILES) write(rel, text);
    const docs = (code: string): string => `docs/diagnostics.md#${code.toLowerCase()}`;
    const folder = new Folder(pathToFileURL(dir).href, 'fixture', docs);
    await folder.load({ wasm, settings: readSettings(dir, () => {}), nested: [], opened: [], progress: () => {} });
    await settle(folder);

    write('projects/p/interfaces/fraud_score.step.yaml', iface('FraudScore', 'fraud_score.py'));
    await folder.feeder.created('projects/p/interfaces');
    await settle(folder);
    assert.ok(folder.engine.stepNames().includes('FraudScore'));
    // its config and script were read when the project became a pack: no RL006, no RL017
    assert.deepEqual(
      lines(folder.engine).filter((l) => l.startsWith('projects/')),
      [],
    );
    assert.deepEqual(lines(folder.engine), await fresh(dir));

    write('projects/p/step_pack/interfaces/README.md', 'Our steps go here.\n');
    await folder.feeder.created('projects/p/step_pack');
    await settle(folder);
    assert.ok(!folder.engine.stepNames().includes('FraudScore'));
    assert.deepEqual(lines(folder.engine), await fresh(dir));

    rmSync(join(dir, 'projects/p/step_pack'), { recursive: true });
    await folder.feeder.deleted('projects/p/step_pack');
    await settle(folder);
    assert.ok(folder.engine.stepNames().includes('FraudScore'));
    assert.deepEqual(lines(folder.engine), await fresh(dir));
  });
});
