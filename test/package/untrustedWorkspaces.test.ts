// Restricted Mode: a repository opened without trust must not set any setting that names a path or a
// size limit (package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`), and
// docs/settings.md says which settings those are. A new setting of either kind fails here until it is declared.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_GROUPS } from '../../server/src/engine/engine';
import { declarations } from '../../server/src/engine/settings';

const REPO = join(__dirname, '..', '..');

interface Manifest {
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
  };
  contributes: {
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> };
  };
}

describe('package: untrusted workspaces', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;
  const trust = manifest.capabilities.untrustedWorkspaces;
  const restricted = [...(trust.restrictedConfigurations ?? [])].sort();

  it('declares limited support with a description (VS Code reads restrictedConfigurations only then)', () => {
    assert.equal(trust.supported, 'limited');
    assert.ok((trust.description ?? '').length > 0);
  });

  it('restricts exactly the settings that name paths (files, directories, globs) or a size limit', () => {
    const properties = manifest.contributes.configuration.properties;
    const namesPathOrSize = Object.entries(properties)
      .filter(
        ([key, p]) =>
          /glob|relative to the workspace folder|\bpath|director|folder/i.test(
            p.markdownDescription ?? p.description ?? '',
          ) || /size|MB\b|bytes/i.test(key),
      )
      .map(([key]) => key)
      .sort();
    assert.deepEqual(restricted, namesPathOrSize);
    for (const key of restricted) assert.ok(key in properties, `${key} is not a contributed setting`);
    // Every setting whose paths the engine judges (and ignores when they leave the folder) is among them.
    const judged = SETTING_GROUPS.flatMap(declarations)
      .filter(([, d]) => d.leaving !== undefined)
      .map(([, d]) => `registryLens.${d.key}`);
    assert.ok(judged.length > 0);
    for (const key of judged) assert.ok(restricted.includes(key), key);
  });

  it('docs/settings.md names every restricted setting in its Restricted Mode paragraph', () => {
    const doc = readFileSync(join(REPO, 'docs/settings.md'), 'utf8');
    const paragraph = doc.slice(doc.indexOf('**Restricted Mode**'));
    assert.ok(paragraph.length < doc.length, 'docs/settings.md has no **Restricted Mode** paragraph');
    const end = paragraph.indexOf('\n\n');
    for (const key of restricted) assert.ok(paragraph.slice(0, end).includes(`\`${key}\``), key);
  });
});
