// The globs each family reports for `registry-lens check`'s "no registry found … looked for …" are
// the files its classifier really takes, read from the families' own declarations (a family added
// edits nothing here): a path made from every glob is taken by the family that declares it and wanted
// by the engine, under the default settings and under settings that move every configurable place,
// and each family's examples hold a registry its globs name.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from './helpers';
import { FAMILIES } from '../../server/src/engine/families';
import { SETTING_GROUPS } from '../../server/src/engine/engine';
import { resolveSettings } from '../../server/src/engine/settings';
import { compileGlobs } from '../../server/src/engine/util/globs';
import type { SettingsInput } from '../../server/src/engine/types';
import type { Family } from '../../server/src/engine/analysis/family';

const EXAMPLES = join(__dirname, '../../examples');

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

/** Each family's globs as it declares them in an empty root under these settings, and what its classifier takes. */
function declared(input: SettingsInput): { family: Family; globs: string[]; takes: (p: string) => boolean }[] {
  const settings = resolveSettings(SETTING_GROUPS, input);
  const reads = { settings, text: () => undefined, links: [], directories: () => new Set<string>(), filesIn: () => [] };
  return FAMILIES.map((family) => {
    const env = { settings, layout: family.layout ? family.layout(reads) : null };
    const classify = family.classifier(env);
    return { family, globs: family.registryGlobs?.(env) ?? [], takes: (p) => classify(p) !== null };
  });
}

/** The engine reports the families' globs in family order, each once; each names files of its family the engine reads. */
async function checkGlobs(settings: SettingsInput): Promise<string[]> {
  const { globs, wants } = await globsOf(settings);
  const own = declared(settings);
  assert.deepEqual(globs, [...new Set(own.flatMap((d) => d.globs))]);
  for (const { family, globs: its, takes } of own)
    for (const g of its) {
      assert.ok(takes(instance(g)), `${family.name}: ${g}: ${instance(g)} is not its file`);
      assert.ok(wants(instance(g)), `${family.name}: ${g}: ${instance(g)} is not read`);
    }
  return globs;
}

function filesUnder(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? filesUnder(root, p) : [p];
  });
}

describe('registry globs', () => {
  it("are every family's own under the default settings, each naming files it takes and the engine reads", async () => {
    const globs = await checkGlobs({});
    assert.ok(globs.length > 0);
  });

  it("name a registry of each of a family's examples, among its own globs when it declares some", () => {
    const own = declared({});
    const all = compileGlobs(own.flatMap((d) => d.globs));
    for (const { family, globs } of own)
      for (const { dir } of family.examples ?? []) {
        const match = globs.length > 0 ? compileGlobs(globs) : all;
        assert.ok(filesUnder(join(EXAMPLES, dir)).some(match.matches), `${family.name}: examples/${dir}`);
      }
  });

  it('follow the settings: core files, workspace roots and apcore roots', async () => {
    const globs = await checkGlobs({
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
  });
});
