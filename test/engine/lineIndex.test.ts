// LineIndex answers positions under LSP's line rules whatever order the offsets are asked in (it
// remembers the line of its last answer, for readers going forward through a file), and an index
// derived from the one before an edit answers as one built from the edited text.
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/engine/text/lineIndex';
import { Rng } from '../../bench/rng';

/** The position by definition: lines end at `\r\n`, `\n` or a lone `\r`; never inside a `\r\n`. */
function naive(text: string, offset: number): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  let start = 0;
  for (let line = 0; ; line++) {
    const content = (lines[line] ?? '').length;
    const next = start + content + (text.startsWith('\r\n', start + content) ? 2 : 1);
    if (offset < next || line === lines.length - 1) return { line, character: Math.min(offset - start, content) };
    start = next;
  }
}

describe('engine: line index', () => {
  it('gives the position of every offset, asked forward, backward and at random', () => {
    const rng = new Rng(0x11e5);
    for (const text of ['', 'a', '\n', 'ab\ncd\r\nef\rgh\n\n', 'x = {\n    "a": 1,\r\n}\r\n# end', '\r\n\r\n\n\r']) {
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      const random = Array.from({ length: 3 * offsets.length }, () => rng.int(0, text.length));
      for (const order of [offsets, [...offsets].reverse(), random]) {
        const index = new LineIndex(text);
        for (const o of order) assert.deepEqual(index.position(o), naive(text, o), `${JSON.stringify(text)} at ${o}`);
      }
    }
  });

  it('derived from the index before an edit, answers as the index of the edited text (edits with and without line breaks, at either end)', () => {
    const rng = new Rng(0xed17);
    const pieces = ['a', 'bc', '\n', '\n\n', '    ', '"x": 1,\n', '😀', ''];
    const random = (n: number): string => Array.from({ length: n }, () => rng.pick(pieces)).join('');
    for (let round = 0; round < 300; round++) {
      let text = random(rng.int(0, 40));
      let index = new LineIndex(text);
      for (let step = 0; step < 10; step++) {
        const start = rng.int(0, text.length);
        const oldEnd = rng.int(start, text.length);
        const inserted = random(rng.int(0, 4));
        const after = text.slice(0, start) + inserted + text.slice(oldEnd);
        const derived = index.edited(after, start, oldEnd, start + inserted.length);
        const fresh = new LineIndex(after);
        assert.ok(derived.indexes(after));
        assert.equal(derived.lineCount(), fresh.lineCount(), `${JSON.stringify(text)} → ${JSON.stringify(after)}`);
        for (let o = 0; o <= after.length; o++)
          assert.deepEqual(derived.position(o), fresh.position(o), `${JSON.stringify(after)} at ${o}`);
        for (let line = 0; line < fresh.lineCount(); line++) assert.equal(derived.lineText(line), fresh.lineText(line));
        text = after;
        index = derived;
      }
    }
  });
});
