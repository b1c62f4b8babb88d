// An open notebook's cells written as the `.ipynb` text the engine reads (server/src/lsp/notebookText.ts): the text
// parses back to the cells, and every position of a cell maps into that text and back to itself.
import { strict as assert } from 'node:assert';
import { NotebookText } from '../../server/src/lsp/notebookText';

const CELLS = [
  { uri: 'cell:0', text: 'dag = PipelineDAG()\r\ndag.add_node("A\\"B")\n' },
  { uri: 'cell:1', text: '' },
  { uri: 'cell:2', text: '# caf\u00e9 \ud83d\ude00 \ud83d lone\ttab \u0001\rdag.add_node("XGBoostTraining")' },
];

describe('lsp: an open notebook as its .ipynb text', () => {
  const nb = NotebookText.of(CELLS);

  it('parses back to the cells, each a code cell, in order', () => {
    const json = JSON.parse(nb.text) as { cells: { cell_type: string; source: string[] }[] };
    assert.deepEqual(
      json.cells.map((c) => [c.cell_type, c.source.join('')]),
      CELLS.map((c) => ['code', c.text]),
    );
  });

  it("maps every position of a cell into the text and back; the text's characters there are the cell's", () => {
    for (const cell of CELLS) {
      const lines = cell.text.split(/\r\n|\r|\n/);
      lines.forEach((line, l) => {
        for (let ch = 0; ch <= line.length; ch++) {
          const at = nb.toText(cell.uri, { line: l, character: ch });
          assert.ok(at, `${cell.uri} ${l}:${ch}`);
          assert.deepEqual(nb.toCell({ start: at, end: at }), {
            uri: cell.uri,
            range: { start: { line: l, character: ch }, end: { line: l, character: ch } },
          });
        }
        // the JSON string of the line, from its first character, decodes to the line
        const start = nb.toText(cell.uri, { line: l, character: 0 });
        const written = nb.text.split('\n')[start?.line ?? -1] ?? '';
        assert.equal((JSON.parse(written.replace(/,$/, '')) as string).replace(/[\r\n]+$/, ''), line);
      });
    }
    assert.equal(nb.toText('cell:9', { line: 0, character: 0 }), null);
    assert.equal(nb.toCell({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }), null);
  });
});
