// Every diagnostic code is declared once (the core's, the step model's and each family's `codes.ts`),
// docs/diagnostics.md documents exactly the declared codes — a section `<a id="rlNNN">` per code, none
// for a code nobody declares — and each code's anchor is right before its heading, where the link every
// diagnostic carries (LSP `codeDescription.href`) and SARIF's help send the reader.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../server/src/engine/engine';
import { CODES_DOC, catalogue, codeAnchor } from '../../server/src/engine/codes';
import { anchorsOf } from '../arch/markdownAnchors';

const ROOT = join(__dirname, '../..');
const DOC = readFileSync(join(ROOT, CODES_DOC), 'utf8');

describe('engine: diagnostic codes', () => {
  it('docs/diagnostics.md has a section for every declared code and for no other', () => {
    const documented = [...DOC.matchAll(/<a id="(rl\d+)"><\/a>/g)].map((m) => (m[1] as string).toUpperCase()).sort();
    const declared: string[] = CODES.map((c) => c.code);
    assert.deepEqual(
      declared.filter((c) => !documented.includes(c)),
      [],
      'declared codes without a section',
    );
    assert.deepEqual(
      documented.filter((c) => !declared.includes(c)),
      [],
      'sections of codes nobody declares',
    );
    assert.equal(new Set(documented).size, documented.length, 'a section twice');
  });

  it("every code's anchor is in docs/diagnostics.md, right before its heading", () => {
    const anchors = anchorsOf(DOC);
    for (const { code } of CODES) {
      const anchor = codeAnchor(code);
      assert.equal(anchor, code.toLowerCase());
      assert.ok(anchors.has(anchor), `${code}: no anchor #${anchor} in ${CODES_DOC}`);
      assert.ok(
        DOC.includes(`<a id="${anchor}"></a>\n## ${code} — `),
        `${code}: its anchor is not right before its heading`,
      );
    }
  });

  it('the catalogue lists each code once, in code order, and refuses a code declared twice', () => {
    const codes = CODES.map((c) => c.code);
    assert.deepEqual(codes, [...new Set(codes)].sort());
    assert.throws(
      () => catalogue([{ RL001: { severity: 'error', title: 'a' } }, { RL001: { severity: 'hint', title: 'b' } }]),
      /RL001 is declared twice/,
    );
  });
});
