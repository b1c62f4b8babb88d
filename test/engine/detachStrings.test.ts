// Facts that outlive their text go through the core's door (util/detachStrings.ts): every string a
// family's facts keep (as its `stringsOf` hands them over), the file's diagnostics and a splice's
// literals are replaced in place by copies that keep no text alive, and nothing else changes.
import { strict as assert } from 'node:assert';
import { factsCopiedOutOfText } from '../../server/src/engine/util/detachStrings';
import {
  dictPair,
  litCopiedOutOfText,
  strLit,
  toPlain,
  type DictEntry,
  type Lit,
} from '../../server/src/engine/literal';
import { spanAt } from '../../server/src/engine/text/positions';
import type { Diagnostic } from '../../server/src/engine/types';
import { requireOf, runInHeap, type HeapRun } from './smallHeap';

const RANGE = spanAt(0, 0, 0, 1);

describe('strings copied out of their text', () => {
  it('facts: what stringsOf hands over and the diagnostics are copied; values stay as they were', () => {
    const facts = { names: ['a_name_of_twenty_chars', 'short'] };
    const d: Diagnostic = {
      file: 'f.py',
      range: RANGE,
      severity: 'warning',
      code: 'RL001',
      message: 'a message long enough',
      related: [{ file: 'f.py', range: RANGE, message: 'related message' }],
      fixes: [
        { title: 'a fix title', edits: [{ file: 'f.py', edits: [{ range: RANGE, newText: 'new text of the fix' }] }] },
      ],
    };
    const before = JSON.stringify([facts, d]);
    const seen: string[] = [];
    factsCopiedOutOfText(facts, [d], (f, each) => {
      f.names = f.names.map((s) => {
        seen.push(s);
        return each(s);
      });
    });
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
    assert.deepEqual({ ...(toPlain(lit) as object) }, { config_class_key: 'a_value_long_enough' });
    assert.deepEqual(Object.keys(value), ['kind', 'value', 'range']);
  });

  it('let go of the texts the strings were cut from', function () {
    this.timeout(60_000); // four child processes
    // 120 texts of 1 MB each, strings cut from each kept in facts or literals, in a child whose heap
    // holds 64 MB: it runs out of memory exactly when the kept strings keep their texts alive.
    const run = (kind: 'facts' | 'literals', copy: boolean): HeapRun =>
      runInHeap(
        64,
        `
      const { factsCopiedOutOfText } = ${requireOf('server/src/engine/util/detachStrings')};
      const { litCopiedOutOfText, strLit, toPlain } = ${requireOf('server/src/engine/literal')};
      const { spanAt } = ${requireOf('server/src/engine/text/positions')};
      const RANGE = spanAt(0, 0, 0, 1);
      const held = [];
      for (let i = 0; i < 120; i++) {
        const text = 'name_number_' + i + '_of_many\\n' + '#'.repeat(1 << 20) + '\\n';
        const cut = text.slice(0, text.indexOf('\\n'));
        if (${JSON.stringify(kind)} === 'facts') {
          const f = { entries: [{ name: cut, message: cut + ' is described here' }] };
          if (${copy}) factsCopiedOutOfText(f, [], (x, each) => { for (const e of x.entries) { e.name = each(e.name); e.message = each(e.message); } });
          held.push(f);
        } else {
          const l = { kind: 'list', items: [strLit(cut, RANGE, RANGE), { kind: 'other', text: cut + ' + 1', range: RANGE }], range: RANGE };
          if (${copy}) litCopiedOutOfText(l);
          held.push(l);
        }
      }
      console.log(JSON.stringify(${JSON.stringify(kind)} === 'facts' ? held[7] : toPlain(held[7])));
    `,
      );
    const facts = run('facts', true);
    assert.equal(facts.status, 0, facts.stderr.slice(0, 500));
    assert.deepEqual(JSON.parse(facts.stdout), {
      entries: [{ name: 'name_number_7_of_many', message: 'name_number_7_of_many is described here' }],
    });
    const lits = run('literals', true);
    assert.equal(lits.status, 0, lits.stderr.slice(0, 500));
    assert.deepEqual(JSON.parse(lits.stdout), ['name_number_7_of_many', 'name_number_7_of_many + 1']);
    // The control: the same strings kept as cut, with their texts, do not fit.
    assert.notEqual(run('facts', false).status, 0);
    assert.notEqual(run('literals', false).status, 0);
  });
});
