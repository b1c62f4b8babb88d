// Settings are data (issue 55): .vscode/settings.json and the client's answer are copied into objects
// without prototypes and bounded in depth before anything recurses or looks a name up (R19, R21, R34).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '../../server/src/host/readSettings';
import { toFolderSettings } from '../../server/src/host/folderSettings';
import { jsonNestingPast } from '../../server/src/host/jsonNesting';
import { MAX_CONFIG_DEPTH } from '../../server/src/engine/util/configData';

function withSettings(text: string): { settings: ReturnType<typeof readSettings>; warnings: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'registry-lens-settings-'));
  try {
    mkdirSync(join(root, '.vscode'));
    writeFileSync(join(root, '.vscode', 'settings.json'), text);
    const warnings: string[] = [];
    return { settings: readSettings(root, (w) => warnings.push(w)), warnings };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A value nested `n` levels deep (built without recursion). */
function deep(n: number): unknown {
  let v: unknown = '1.0.0';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

describe('host: settings are data', () => {
  it('a settings file nested 20,000 deep is ignored with a warning naming it, before the parser recurses (R19)', () => {
    const n = 20_000;
    const { settings, warnings } = withSettings(
      `{ "registryLens.exclude": ${'['.repeat(n)}${']'.repeat(n)}, "registryLens.maxFileSizeMB": 1 }`,
    );
    assert.deepEqual(settings.exclude, []);
    assert.equal(settings.maxFileBytes, 2 * 1024 * 1024);
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0] ?? '',
      /^ignoring \.vscode\/settings\.json: nesting deeper than 512 levels at offset 537$/,
    );
  });

  it('brackets in strings and comments are no nesting', () => {
    const text = `// [[[[\n/* {{{{ */ { "a": "[[[[\\"[[[[", "b": [[1]] }`;
    assert.equal(jsonNestingPast(text, 3), null);
    assert.equal(jsonNestingPast(text, 2), text.indexOf('[[1') + 1);
  });

  it('prototype keys, dotted or nested, are refused with one warning; no prototype changes; the rest applies (R21)', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).join();
    const { settings, warnings } = withSettings(
      JSON.stringify({
        '__proto__.exclude': ['**'],
        'registryLens.constructor.prototype.x': 1,
        'registryLens.exclude': ['docs/**'],
        'files.exclude': { constructor: true, 'build/**': true },
        'registryLens.onex.pins': { toString: '1.0.0' },
      }).replace('{', '{"__proto__": {"exclude": ["**"]}, '),
    );
    assert.equal(Object.getOwnPropertyNames(Object.prototype).join(), before);
    assert.equal(({} as Record<string, unknown>)['exclude'], undefined);
    assert.deepEqual(settings.exclude, ['build/**', 'docs/**']);
    assert.deepEqual(settings.engine['onexPins'], Object.assign(Object.create(null), { toString: '1.0.0' }));
    assert.deepEqual(warnings, [
      ".vscode/settings.json: ignoring the key __proto__ and 3 more (a name of JavaScript's prototypes is never a setting)",
    ]);
  });

  it('a client value nested 50,000 deep is dropped with a warning naming its key; the other settings of the change apply (R34)', () => {
    const settings = toFolderSettings(
      { diagnostics: { severity: { RL005: 'off' } }, onex: { pins: deep(50_000) } },
      undefined,
      "the folder's settings",
    );
    assert.deepEqual(settings.engine['severity'], { RL005: 'off' });
    assert.equal(JSON.stringify(settings).length < 10_000, true);
    assert.match(
      settings.warnings[0] ?? '',
      new RegExp(
        `^the folder's settings: ignoring the value at registryLens\\.onex\\.pins(\\.a)+ \\(nested deeper than ${MAX_CONFIG_DEPTH} levels\\)$`,
      ),
    );
  });
});

describe('host: globs the glob door refuses are named, setting by setting (R22, R32)', () => {
  it('one warning per setting, naming its first refused glob and why', () => {
    const settings = toFolderSettings(
      {
        components: { dirs: { builder: ['@(a|b)', 'x/*'] } },
        core: { files: ['!x', 'a/b.py'] },
        exclude: ['{1..3}', 'kept/**'],
      },
      Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`d${i}/*`, true])),
      'S',
    );
    assert.deepEqual(settings.warnings, [
      'S: files.exclude and registryLens.exclude: ignoring the glob "d256/*" and 45 more: more than 256 globs with wildcards',
      'S: registryLens.core.files: ignoring the glob "!x": negations and extended globs (`!…`, `@(…)`) are not supported',
      'S: registryLens.components.dirs: ignoring the glob "@(a|b)": negations and extended globs (`!…`, `@(…)`) are not supported',
    ]);
  });
});
