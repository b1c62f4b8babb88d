// V8 keeps a script's source in memory for as long as it runs, one byte per character only when every
// character is Latin-1; a single dash in a comment of the 2.3 MB server bundle doubled it. The Node and
// web worker bundles are ASCII (scripts/bundleOptions.mjs).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');
const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/browserServer.js', 'action/dist/cli.js'];

describe('the bundles the servers and the CLI run', () => {
  for (const bundle of BUNDLES) {
    it(`${bundle} is ASCII`, () => {
      const text = readFileSync(join(REPO, bundle), 'utf8');
      const at = text.search(/[\u0080-\uffff]/);
      assert.equal(at, -1, `non-ASCII at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    });
  }
});
