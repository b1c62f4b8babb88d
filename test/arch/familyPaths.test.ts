// The front ends register the files the families declare (`Family.paths`): the server watches their
// names (lsp/watch.ts builds its glob from them), and what the client cannot import — its document
// selector (client/src/documentSelector.ts) and package.json's activation events — must equal the families'
// declarations.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSelector } from '../../client/src/documentSelector';
import { PATHS } from '../../server/src/engine/engine';
import { FAMILIES } from '../../server/src/engine/families';
import { PIN_FILE_NAMES } from '../../server/src/engine/python/pinFiles';

const ROOT = join(__dirname, '../..');

describe("architecture: the families' paths reach every front end", () => {
  it("package.json activates on the families' markers and languages, and once started (client/src/startWhenWanted.ts)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] };
    assert.deepEqual(pkg.activationEvents, [...PATHS.activationEvents, 'onStartupFinished']);
  });

  it("the clients' document selector follows the families' languages", () => {
    const selector = documentSelector('file');
    assert.deepEqual(
      selector.filter((e) => e.pattern === undefined).map((e) => e.language),
      PATHS.languages,
    );
    // a language followed only under a name pattern (a DAG's JSON) is never followed whole
    assert.deepEqual(
      selector.filter((e) => e.pattern !== undefined).map((e) => ({ language: e.language, pattern: e.pattern })),
      PATHS.documents,
    );
    assert.ok(selector.every((e) => e.scheme === 'file'));
    // the Node client reads files on disk; the web client's folders are on any scheme
    assert.match(readFileSync(join(ROOT, 'client/src/languageClient.ts'), 'utf8'), /documentSelector\('file'\)/);
    assert.match(readFileSync(join(ROOT, 'client/src/browserExtension.ts'), 'utf8'), /documentSelector\(\)/);
    assert.ok(documentSelector().every((e) => !('scheme' in e)));
  });

  it('every language of the selector exists in an editor without extensions (VS Code ships no TOML)', () => {
    type Language = { id: string; filenames?: string[] };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { languages: Language[] };
    };
    const contributed = new Map(pkg.contributes.languages.map((l) => [l.id, l.filenames ?? []]));
    // languages VS Code itself defines (extensions/python, extensions/yaml); any other one is ours to declare
    const builtIn = new Set(['python', 'yaml']);
    assert.deepEqual(
      PATHS.languages.filter((l) => !builtIn.has(l) && !contributed.has(l)),
      [],
    );
    // the onex-contracts family reads pyproject.toml: without a TOML extension it would be plain text, unserved
    assert.deepEqual(contributed.get('toml'), ['pyproject.toml']);
  });

  it("the server watches the families' file names", () => {
    assert.match(
      readFileSync(join(ROOT, 'server/src/lsp/watch.ts'), 'utf8'),
      /globPattern: `\*\*\/\{\$\{PATHS\.names\.join\(','\)\}\}`/,
    );
    // every name a family declares, and the root's pin files (which say the frameworks' versions), once
    assert.deepEqual(
      [...PATHS.names].sort(),
      [...new Set([...FAMILIES.flatMap((f) => f.paths?.names ?? []), ...PIN_FILE_NAMES])].sort(),
    );
  });
});
