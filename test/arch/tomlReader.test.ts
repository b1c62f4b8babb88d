// TOML is read in one place: every family and the pin reader share text/toml.ts, so a TOML file reads the same
// (TOML 1.0, the same errors) wherever it is read, and a parser change is made once.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'server', 'src');

describe('the TOML reader', () => {
  it('is the one module of the server that loads smol-toml', () => {
    const loaders = readdirSync(SRC, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && /['"]smol-toml['"]/.test(readFileSync(path.join(SRC, f), 'utf8')))
      .map((f) => f.split(path.sep).join('/'));
    assert.deepEqual(loaders, ['engine/text/toml.ts']);
  });
});
