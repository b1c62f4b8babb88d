// Facts that outlive their text go through the core's door (util/detachStrings.ts): every string a
// family's facts keep (as its `stringsOf` hands them over), the file's diagnostics and a splice's
// literals are replaced in place by copies that keep no text alive, and nothing else changes.
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { factsCopiedOutOfText } from '../../server/src/engine/util/detachStrings';
import { dictPair, litCopiedOutOfText, strLit, toPlain, type DictEntry, type Lit } from '../../server/src/engine/literal';
import { spanAt } from '../../server/src/engine/text/positions';
import type { Diagnostic } from '../../server/src/engine/types';

const RANGE = spanAt(0, 0, 0, 1);

/** Heap held after `make` ran 40 times over texts of 1 MB, each result kept. */
function heldBy(make: (text: string, cut: string) => unknown): { mb: number; held: unknown[] } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const held: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 40; i++) {
    const text = `name_number_${i}_of_forty\n${'#'.repeat(1 << 20)}\n`;
    held.push(make(text, text.slice(0, text.indexOf('\n'))));
  }
  gc();
  return { mb: (process.memoryUsage().heapUsed - before) / 2 ** 20, held };
}

describe('strings copied out of their text', () => {
  it('facts: what stringsOf hands over and the diagnostics are copied; values stay as they were', () => {
    const facts = { names: ['a_name_of_twenty_chars', 'short'] };
    const d: Diagnostic = { file: 'f.py', range: RANGE, severity: 'warning', code: 'RL001', message: 'a message long enough', related: [{ file: 'f.py', range: RANGE, message: 'related message' }], fixes: [{ title: 'a fix title', edits: [{ file: 'f.py', edits: [{ range: RANGE, newText: 'new text of the fix' }] }] }] };
    const before = JSON.stringify([facts, d]);
    const seen: string[] = [];
    factsCopiedOutOfText(facts, [d], (f, each) => { f.names = f.names.map((s) => { seen.push(s); return each(s); }); });
    assert.deepEqual(seen, ['a_name_of_twenty_chars', 'short']);
    assert.equal(JSON.stringify([facts, d]), before);
  });

  it('literals and dict entries keep their values, kinds and lean shapes', () => {
    const key = strLit('config_class_key', spanAt(1, 4, 1, 22), spanAt(1, 5, 1, 21));
    const value = strLit('a_value_long_enough', spanAt(1, 24, 1, 45), spanAt(1, 25, 1, 44));
    const entries: DictEntry[] = [dictPair(key, value)];
    const lit: Lit = { kind: 'dict', entries, range: spanAt(1, 0, 1, 46) };
    litCopiedOutOfText(entries);
    litCopiedOutOfText(lit);
    assert.deepEqual(toPlain(lit), { config_class_key: 'a_value_long_enough' });
    assert.deepEqual(Object.keys(value), ['kind', 'value', 'range']);
  });

  it('let go of the texts the strings were cut from', () => {
    const facts = heldBy((_text, cut) => {
      const f = { entries: [{ name: cut, message: `${cut} is described here` }] };
      factsCopiedOutOfText(f, [], (x, each) => { for (const e of x.entries) { e.name = each(e.name); e.message = each(e.message); } });
      return f;
    });
    // 40 texts of 1 MB each: kept alive by the strings cut from each, they would hold 40 MB.
    assert.ok(facts.mb < 8, `${facts.mb.toFixed(1)} MB held`);
    assert.deepEqual(facts.held[7], { entries: [{ name: 'name_number_7_of_forty', message: 'name_number_7_of_forty is described here' }] });
    const lits = heldBy((_text, cut) => {
      const l: Lit = { kind: 'list', items: [strLit(cut, RANGE, RANGE), { kind: 'other', text: `${cut} + 1`, range: RANGE }], range: RANGE };
      litCopiedOutOfText(l);
      return l;
    });
    assert.ok(lits.mb < 8, `${lits.mb.toFixed(1)} MB held`);
    assert.deepEqual(toPlain(lits.held[7] as Lit), ['name_number_7_of_forty', 'name_number_7_of_forty + 1']);
  });
});
