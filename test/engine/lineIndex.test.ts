// LineIndex answers positions under LSP's line rules whatever order the offsets are asked in (it
// remembers the line of its last answer, for readers going forward through a file).
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
});
