// Every declared code links to the line of its own heading in the diagnostics reference shipped beside
// the server (a file URI VS Code opens offline), and the package ships that reference.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES } from '../../server/src/engine/engine';
import { CODES_DOC } from '../../server/src/engine/codes';
import { codeDocLinks } from '../../server/src/host/codeDocs';

const ROOT = join(__dirname, '../..');

describe('host: links of the codes to the shipped reference', () => {
  it('each code opens the reference at its heading', () => {
    const doc = join(ROOT, CODES_DOC);
    const lines = readFileSync(doc, 'utf8').split('\n');
    const href = codeDocLinks(doc);
    for (const { code } of CODES) {
      const url = new URL(href(code));
      assert.equal(fileURLToPath(url), doc);
      const line = Number(/^#L(\d+)$/.exec(url.hash)?.[1]);
      assert.ok(
        lines[line - 1]?.startsWith(`## ${code} — `),
        `${code}: line ${line} is ${JSON.stringify(lines[line - 1])}`,
      );
    }
  });

  it('without the reference, a link names the file', () => {
    const doc = join(ROOT, 'no-such-dir', 'diagnostics.md');
    assert.equal(fileURLToPath(codeDocLinks(doc)('RL004')), doc);
  });

  it('the package ships the reference the server links to (dist/../docs/diagnostics.md)', () => {
    const files = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files;
    assert.ok(files.includes(CODES_DOC), JSON.stringify(files));
  });
});
