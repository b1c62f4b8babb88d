// The settings the families declare (`Family.settings`) are the ones package.json contributes: each
// declared setting under its key with the same default, and no contributed `registryLens.*` setting
// that neither a family nor the core declares. A family's setting also resolves its own default to it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTING_GROUPS } from '../../server/src/engine/engine';
import { CORE_SETTINGS, declarations } from '../../server/src/engine/settings';

const ROOT = join(__dirname, '../..');

describe("architecture: the families' settings are package.json's", () => {
  const contributed = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    }
  ).contributes.configuration.properties;
  const declared = [...SETTING_GROUPS.flatMap(declarations).map(([, d]) => d), ...CORE_SETTINGS];

  it('contributes every declared setting with its declared default', () => {
    for (const d of declared) {
      const p = contributed[`registryLens.${d.key}`];
      assert.ok(p, `registryLens.${d.key} is declared but not contributed`);
      assert.deepEqual(p.default, d.default, `registryLens.${d.key}'s default`);
    }
  });

  it('contributes no registryLens.* setting that nobody declares, and declares each key once', () => {
    const keys = declared.map((d) => `registryLens.${d.key}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(
      Object.keys(contributed).filter((k) => k.startsWith('registryLens.') && !keys.includes(k)),
      [],
    );
  });

  it('each family setting resolves its unset value to its default, and names it once across families', () => {
    const names = SETTING_GROUPS.flatMap(declarations).map(([name]) => name);
    assert.equal(new Set(names).size, names.length);
    // A map from names (ONEX pins) is contributed as an object.
    const asContributed = (v: unknown): unknown => (v instanceof Map ? Object.fromEntries(v) : v);
    for (const [name, d] of SETTING_GROUPS.flatMap(declarations))
      assert.deepEqual(asContributed(d.resolve(undefined)), d.default, name);
  });
});
