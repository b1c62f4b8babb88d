// The bench's client sends edits as VS Code does: one ranged change when the server takes them. The
// range and text must turn the old document into the new one as a server applies them.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangedChange } from '../../bench/lspClient';
import { Rng } from '../../bench/rng';

/** The document a server holds after applying the change to `before`. */
function applied(before: string, after: string): string {
  const doc = TextDocument.create('file:///x', 'plaintext', 1, before);
  return TextDocument.update(doc, [rangedChange(before, after)], 2).getText();
}

describe("bench: the LSP client's ranged changes", () => {
  it('turn the old text into the new one (insertions, deletions, replacements, line ends, surrogate pairs)', () => {
    const rng = new Rng(42);
    const pieces = ['a', 'b', '\n', '  ', 'é', '😀', 'name: x\n', '\n\n'];
    const random = (n: number): string => Array.from({ length: n }, () => rng.pick(pieces)).join('');
    for (let i = 0; i < 2000; i++) {
      const before = random(rng.int(0, 30));
      const at = rng.int(0, before.length);
      const cut = rng.int(0, before.length - at);
      const after = before.slice(0, at) + random(rng.int(0, 4)) + before.slice(at + cut);
      assert.equal(applied(before, after), after, JSON.stringify([before, after]));
    }
  });

  it('send only the changed range: a one-word edit of a large file is a small change', () => {
    const before = 'key: value\n'.repeat(50_000);
    const after = `${before.slice(0, 300_000)}KEY${before.slice(300_003)}`;
    const c = rangedChange(before, after);
    assert.ok('range' in c);
    assert.deepEqual(c, {
      range: { start: { line: 27272, character: 8 }, end: { line: 27273, character: 0 } },
      text: 'KEY',
    });
    assert.equal(applied(before, after), after);
  });

  it('send the full text when a line ends in a carriage return', () => {
    assert.deepEqual(rangedChange('a\r\nb', 'a\r\nc'), { text: 'a\r\nc' });
  });
});
