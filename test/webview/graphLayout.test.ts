// The step graph's layout and what the webview page may contain: nodes never overlap, cycle members and
// cycle edges are flagged, steps without edges still appear (clickable), a large graph gets the
// layered layout (dagre for small ones), and the page scripts build their DOM from text only and
// load nothing remote.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { layoutGraph, type GraphLayout } from '../../client/webview/graphLayout';
import type { GraphView } from '../../server/src/lsp/protocol';

const R = { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } };
const node = (id: string, cycle = false) => ({
  id,
  kind: 'step' as const,
  source: 'core',
  file: 'a.py',
  range: R,
  meta: null,
  cycle,
  uri: `file:///r/${id}.py`,
});
const edge = (from: string, to: string, cycle = false) => ({
  from,
  to,
  optional: false,
  file: 'a_meta.yaml',
  range: R,
  cycle,
});

/** Every node inside the canvas and no two overlapping. */
function assertPlaced(l: GraphLayout): void {
  const problems: string[] = [];
  for (const a of l.nodes) {
    if (!(
      a.x - a.width / 2 >= 0 &&
      a.x + a.width / 2 <= l.width &&
      a.y - a.height / 2 >= 0 &&
      a.y + a.height / 2 <= l.height
    ))
      problems.push(`${a.id} outside`);
  }
  // neighbours in y order: only nodes whose rows overlap can overlap
  const byY = [...l.nodes].sort((a, b) => a.y - b.y);
  byY.forEach((a, i) => {
    for (let j = i + 1; j < byY.length && (byY[j]?.y ?? Infinity) - a.y < a.height; j++) {
      const b = byY[j]!;
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2) problems.push(`${a.id} overlaps ${b.id}`);
    }
  });
  assert.deepEqual(problems, []);
}

/** `n` steps, each depending on up to 3 of the 40 before it (as the bench's companions do), one cycle. */
function generated(n: number): GraphView {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const id = (i: number): string => `Step${String(i).padStart(4, '0')}`;
  const nodes = Array.from({ length: n }, (_, i) => node(id(i), i === 1 || i === 2));
  const edges = [edge(id(1), id(2), true), edge(id(2), id(1), true)];
  for (let i = 3; i < n; i++) {
    const to = new Set(
      Array.from({ length: Math.floor(rnd() * 4) }, () => Math.max(0, i - 1 - Math.floor(rnd() * 40))),
    );
    for (const t of to) edges.push(edge(id(i), id(t)));
  }
  return { folder: 'file:///r', name: 'r', context: 'core', nodes, edges, cycles: [[id(1), id(2)]], steps: [] };
}

describe('webview: step graph layout', () => {
  const view: GraphView = {
    folder: 'file:///r',
    name: 'r',
    context: 'core',
    nodes: [node('A', true), node('B', true), node('C')],
    edges: [edge('A', 'B', true), edge('B', 'A', true), edge('C', 'A')],
    cycles: [['A', 'B']],
    steps: [
      { name: 'A', source: 'core', uri: 'file:///r/a.py', range: R, sagemakerStepType: null, conflicts: [] },
      {
        name: 'Lonely',
        source: 'workspace:alice',
        uri: 'file:///r/l.py',
        range: R,
        sagemakerStepType: null,
        conflicts: [],
      },
    ],
  };

  it('places every node once, without overlaps, inside the canvas; cycle members and edges are flagged', () => {
    const l = layoutGraph(view);
    assert.deepEqual(l.nodes.map((n) => n.id).sort(), ['A', 'B', 'C', 'Lonely']);
    for (const a of l.nodes) {
      assert.ok(
        a.x - a.width / 2 >= 0 &&
          a.x + a.width / 2 <= l.width &&
          a.y - a.height / 2 >= 0 &&
          a.y + a.height / 2 <= l.height,
        `${a.id} inside`,
      );
      for (const b of l.nodes) {
        if (a === b) continue;
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        assert.ok(apart, `${a.id} overlaps ${b.id}`);
      }
    }
    assert.deepEqual(
      l.nodes
        .filter((n) => n.cycle)
        .map((n) => n.id)
        .sort(),
      ['A', 'B'],
    );
    assert.deepEqual(
      l.edges
        .filter((e) => e.cycle)
        .map((e) => `${e.from}->${e.to}`)
        .sort(),
      ['A->B', 'B->A'],
    );
    assert.ok(l.edges.every((e) => e.points.length >= 2));
    const lonely = l.nodes.find((n) => n.id === 'Lonely');
    assert.equal(lonely?.group, 'workspace');
    assert.deepEqual(lonely?.target, { uri: 'file:///r/l.py', range: R });
    const c = l.nodes.find((n) => n.id === 'C');
    const a = l.nodes.find((n) => n.id === 'A');
    assert.ok(c && a && c.y < a.y, 'a dependant is ranked above its dependency');
  });

  it('a pipeline DAG: an unresolved node is its own kind, unclickable; a resolved one keeps the step it names', () => {
    const view: GraphView = {
      folder: 'file:///r',
      name: 'r',
      context: 'core',
      steps: [],
      cycles: [],
      file: { path: 'p.dag.json', uri: 'file:///r/p.dag.json' },
      nodes: [
        { ...node('Load_training'), step: 'Load' },
        { ...node('Trainng'), source: 'unresolved', file: null, range: null, uri: null },
      ],
      edges: [{ ...edge('Load_training', 'Trainng'), kind: 'flow' }],
    };
    const l = layoutGraph(view);
    assert.deepEqual(
      l.nodes.map((n) => [n.id, n.group, n.step ?? null, n.target !== null]),
      [
        ['Load_training', 'core', 'Load', true],
        ['Trainng', 'unresolved', null, false],
      ],
    );
    const [load, trainng] = l.nodes;
    assert.ok(load && trainng && load.y < trainng.y, 'a DAG reads top to bottom, from source to destination');
  });

  it('a small graph is laid out by dagre, a graph without edges by nobody', () => {
    assert.equal(layoutGraph(view).engine, 'dagre');
    const flat = layoutGraph({ ...view, nodes: [], edges: [], cycles: [] });
    assert.equal(flat.engine, 'none');
    assert.deepEqual(flat.nodes.map((n) => n.id).sort(), ['A', 'Lonely']);
  });

  it('a graph of 600 steps gets the layered layout: every node once, no overlaps, dependants above their dependencies', () => {
    const big = generated(600);
    const l = layoutGraph(big);
    assert.equal(l.engine, 'layered');
    assert.equal(l.nodes.length, 600);
    assert.equal(new Set(l.nodes.map((n) => n.id)).size, l.nodes.length);
    assertPlaced(l);
    const y = new Map(l.nodes.map((n) => [n.id, n.y]));
    const upward = l.edges.filter((e) => !e.cycle && (y.get(e.from) ?? 0) >= (y.get(e.to) ?? 0));
    assert.deepEqual(
      upward.map((e) => `${e.from}->${e.to}`),
      [],
    );
    assert.ok(l.edges.every((e) => e.points.length === 2));
    assert.deepEqual(
      l.nodes.filter((n) => n.cycle).map((n) => n.id),
      ['Step0001', 'Step0002'],
    );
  });

  it('the page scripts write registry strings as text only and reference no remote resource', () => {
    const dir = join(__dirname, '../../client/webview');
    const src = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    assert.doesNotMatch(src.replaceAll("'http://www.w3.org/2000/svg'", ''), /https?:\/\//);
    const panel = readFileSync(join(__dirname, '../../client/src/overviewPanel.ts'), 'utf8');
    assert.match(
      panel,
      /default-src 'none'; script-src \$\{src\}; style-src \$\{src\}; img-src \$\{src\}; font-src \$\{src\}/,
    );
    assert.doesNotMatch(panel, /unsafe-inline|unsafe-eval|<script>|<style>|https?:\/\//);
  });
});
