// The step graph's layout (dagre) and what the webview page may contain: nodes never overlap, cycle
// members and cycle edges are flagged, steps without edges still appear (clickable), and the bundled
// page script builds its DOM from text only and loads nothing remote.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutGraph } from '../../client/webview/graphLayout';
import type { GraphView } from '../../server/src/lsp/protocol';

const R = { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } };
const node = (id: string, cycle = false) => ({ id, kind: 'step' as const, source: 'core', file: 'a.py', range: R, meta: null, cycle, uri: `file:///r/${id}.py` });
const edge = (from: string, to: string, cycle = false) => ({ from, to, optional: false, file: 'a_meta.yaml', range: R, cycle });

describe('webview: step graph layout', () => {
  const view: GraphView = {
    folder: 'file:///r', name: 'r', context: 'core',
    nodes: [node('A', true), node('B', true), node('C')],
    edges: [edge('A', 'B', true), edge('B', 'A', true), edge('C', 'A')],
    cycles: [['A', 'B']],
    steps: [
      { name: 'A', source: 'core', uri: 'file:///r/a.py', range: R, sagemakerStepType: null, conflicts: [] },
      { name: 'Lonely', source: 'workspace:alice', uri: 'file:///r/l.py', range: R, sagemakerStepType: null, conflicts: [] },
    ],
  };

  it('places every node once, without overlaps, inside the canvas; cycle members and edges are flagged', () => {
    const l = layoutGraph(view);
    assert.deepEqual(l.nodes.map((n) => n.id).sort(), ['A', 'B', 'C', 'Lonely']);
    for (const a of l.nodes) {
      assert.ok(a.x - a.width / 2 >= 0 && a.x + a.width / 2 <= l.width && a.y - a.height / 2 >= 0 && a.y + a.height / 2 <= l.height, `${a.id} inside`);
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        assert.ok(apart, `${a.id} overlaps ${b.id}`);
      }
    }
    assert.deepEqual(l.nodes.filter((n) => n.cycle).map((n) => n.id).sort(), ['A', 'B']);
    assert.deepEqual(l.edges.filter((e) => e.cycle).map((e) => `${e.from}->${e.to}`).sort(), ['A->B', 'B->A']);
    assert.ok(l.edges.every((e) => e.points.length >= 2));
    const lonely = l.nodes.find((n) => n.id === 'Lonely');
    assert.equal(lonely?.group, 'workspace');
    assert.deepEqual(lonely?.target, { uri: 'file:///r/l.py', range: R });
    const c = l.nodes.find((n) => n.id === 'C');
    const a = l.nodes.find((n) => n.id === 'A');
    assert.ok(c && a && c.y < a.y, 'a dependant is ranked above its dependency');
  });

  it('the page script writes registry strings as text only and references no remote resource', () => {
    const src = readFileSync(join(__dirname, '../../client/webview/main.ts'), 'utf8');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    assert.doesNotMatch(src.replace("'http://www.w3.org/2000/svg'", ''), /https?:\/\//);
    const panel = readFileSync(join(__dirname, '../../client/src/overviewPanel.ts'), 'utf8');
    assert.match(panel, /default-src 'none'; script-src \$\{src\}; style-src \$\{src\}; img-src \$\{src\}; font-src \$\{src\}/);
    assert.doesNotMatch(panel, /unsafe-inline|unsafe-eval|<script>|<style>|https?:\/\//);
  });
});
