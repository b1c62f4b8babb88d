// Every diagnostic code is declared once (the core's, the step model's and each family's `codes.ts`),
// and the README documents exactly the declared codes: a section `<a id="rlNNN">` per code, none for a
// code nobody declares.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../server/src/engine/engine';
import { catalogue } from '../../server/src/engine/codes';

const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('engine: diagnostic codes', () => {
  it('the README has a section for every declared code and for no other', () => {
    const documented = [...README.matchAll(/<a id="(rl\d+)"><\/a>/g)].map((m) => (m[1] as string).toUpperCase()).sort();
    const declared: string[] = CODES.map((c) => c.code);
    assert.deepEqual(declared.filter((c) => !documented.includes(c)), [], 'declared codes without a README section');
    assert.deepEqual(documented.filter((c) => !declared.includes(c)), [], 'README sections of codes nobody declares');
    assert.equal(new Set(documented).size, documented.length, 'a README section twice');
  });

  it('the catalogue lists each code once, in code order, and refuses a code declared twice', () => {
    const codes = CODES.map((c) => c.code);
    assert.deepEqual(codes, [...new Set(codes)].sort());
    assert.throws(() => catalogue([{ RL001: { severity: 'error', title: 'a' } }, { RL001: { severity: 'hint', title: 'b' } }]), /RL001 is declared twice/);
  });
});
