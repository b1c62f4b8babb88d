// The globs each family reports for `registry-lens check`'s "no registry found … looked for …" are
// the files its classifier really takes: a path made from every glob is wanted by the engine, under
// the default settings and under settings that move every configurable place.
import { strict as assert } from 'node:assert';
import { analyze } from './helpers';
import type { SettingsInput } from '../../server/src/engine/types';

/** One concrete path a glob matches: `**` two folders deep, `*` a name, `{a,b}` its first choice. */
function instance(glob: string): string {
  return glob
    .replace(/\{([^,}]+)[^}]*\}/g, '$1')
    .replace(/\*\*\//g, 'a/b/')
    .replace(/\*/g, 'x');
}

async function globsOf(settings: SettingsInput): Promise<{ globs: string[]; wants: (p: string) => boolean }> {
  const { engine } = await analyze('', settings);
  return { globs: engine.registryGlobs(), wants: (p) => engine.interest().wants(p) };
}

describe('registry globs', () => {
  it("name every family's registries under the default settings, each wanted by the engine", async () => {
    const { globs, wants } = await globsOf({});
    assert.deepEqual(globs, [
      '**/registry/step_names.py',
      '**/registry/step_names_original.py',
      '**/steps/registry/step_names.py',
      '**/registry/step_names.yaml',
      'developer_workspaces/developers/*/src/cursus_dev/registry/workspace_registry.py',
      '**/registry/interface_registry_loader.py',
      '**/steps/interfaces/*.step.yaml',
      'developer_workspaces/developers/*/src/cursus_dev/steps/interfaces/*.step.yaml',
      'apcore.yaml',
      'apcore.yml',
      '**/*.binding.yaml',
      'extensions/**/*.{py,ts,js}',
      '**/registry/registry.yaml',
      '**/pyproject.toml',
      '**/*_meta.yaml',
    ]);
    for (const g of globs) assert.ok(wants(instance(g)), `${g}: ${instance(g)} is not read`);
  });

  it('follow the settings: core files, workspace roots and apcore roots', async () => {
    const { globs, wants } = await globsOf({
      coreFiles: ['lib/steps.py'],
      coreYamlFiles: ['lib/steps.yaml'],
      workspacesRoots: ['teams'],
      apcoreRoots: ['mods'],
    });
    for (const g of [
      'lib/steps.py',
      'lib/steps.yaml',
      'teams/*/src/cursus_dev/registry/workspace_registry.py',
      'mods/**/*.{py,ts,js}',
    ])
      assert.ok(globs.includes(g), g);
    assert.ok(
      !globs.some((g) => g.startsWith('developer_workspaces/') || g.startsWith('extensions/')),
      globs.join('\n'),
    );
    for (const g of globs) assert.ok(wants(instance(g)), `${g}: ${instance(g)} is not read`);
  });
});
