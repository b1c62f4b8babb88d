// The companion-metadata, apcore and ONEX examples report exactly their seeded problems (EXPECTED.json)
// at error and warning level, each at its exact node; `graph` prints their cycles in every format (the
// ONEX example has no dependency graph: its metadata declares no artifact references).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli, runJson, textAt } from './helpers';

interface Expected { code: string; file: string; line: number; character: number; text: string; severity: string }
interface Reported { code: string; file: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

/** `seeded`: how many problems the example seeds at least; `cycle` null: the example has no dependency graph. */
const EXAMPLES: { name: string; seeded: number; cycle: string[] | null; workspace?: { id: string; cycles: string[][] } }[] = [
  { name: 'meta-workspace', seeded: 10, cycle: ['ModelCalibration', 'XGBoostTraining', 'ModelEvaluation'], workspace: { id: 'alice_ml', cycles: [] } },
  { name: 'apcore-extensions', seeded: 10, cycle: ['ext.text.render', 'plug.slack.notify'] },
  { name: 'onex-registry', seeded: 9, cycle: null },
];

for (const example of EXAMPLES) {
  const root = join(REPO, 'examples', example.name);
  describe(`cli on examples/${example.name}`, () => {
    let expected: Expected[];
    let reported: Reported[];
    before(() => {
      expected = JSON.parse(readFileSync(join(root, 'EXPECTED.json'), 'utf8')) as Expected[];
      reported = runJson(['check', `examples/${example.name}`, '--format', 'json']).json['diagnostics'] as Reported[];
    });
    const same = (e: Expected, d: Reported): boolean => d.code === e.code && d.file === e.file && d.range.start.line === e.line && d.range.start.character === e.character;

    it('reports every seeded problem with its severity and the exact node', () => {
      const problems = expected.flatMap((e) => {
        const d = reported.find((r) => same(e, r));
        if (!d) return [`missing ${e.code} at ${e.file}:${e.line}:${e.character}`];
        const covered = textAt(readFileSync(join(root, e.file), 'utf8'), d.range);
        return [...(d.severity === e.severity ? [] : [`${e.code} ${e.file}: ${d.severity}, expected ${e.severity}`]), ...(covered === e.text ? [] : [`${e.code} ${e.file}: covers ${JSON.stringify(covered)}, expected ${JSON.stringify(e.text)}`])];
      });
      assert.deepEqual(problems, []);
      assert.ok(expected.length >= example.seeded);
    });

    it('reports nothing else at error or warning level', () => {
      const extra = reported.filter((d) => (d.severity === 'error' || d.severity === 'warning') && !expected.some((e) => same(e, d)));
      assert.deepEqual(extra.map((d) => `${d.file} ${d.code} ${d.message}`), []);
    });

    const cycle = example.cycle;
    if (!cycle) {
      it('graph has no edges and no cycles', () => {
        const g = runJson(['graph', '--root', `examples/${example.name}`, '--format', 'json']).json as { cycles: string[][]; edges: unknown[] };
        assert.deepEqual([g.cycles, g.edges], [[], []]);
      });
      return;
    }
    it('graph shows the cycle: json marks it, dot and mermaid draw its edges red', () => {
      const g = runJson(['graph', '--root', `examples/${example.name}`, '--format', 'json']).json as { cycles: string[][]; edges: { from: string; to: string; cycle: boolean }[]; order: string[]; blocked: string[] };
      assert.deepEqual(g.cycles, [cycle]);
      const red = g.edges.filter((e) => e.cycle).map((e) => `${e.from}->${e.to}`).sort();
      assert.deepEqual(red, cycle.map((n, i) => `${n}->${cycle[(i + 1) % cycle.length] ?? ''}`).sort());
      for (const n of cycle) assert.ok(g.blocked.includes(n) && !g.order.includes(n));
      const dot = runCli(['graph', '--root', `examples/${example.name}`]);
      assert.equal(dot.code, 0, dot.stderr);
      assert.match(dot.stdout, /^digraph "registry-lens core" \{/);
      assert.equal(dot.stdout.split('\n').filter((l) => l.includes('->') && l.includes('color=red')).length, cycle.length);
      const mermaid = runCli(['graph', '--root', `examples/${example.name}`, '--format', 'mermaid']).stdout;
      assert.match(mermaid, /^graph LR\n/);
      assert.match(mermaid, /linkStyle [\d,]+ stroke:#d00/);
    });

    if (example.workspace) {
      const ws = example.workspace;
      it(`graph --workspace ${ws.id} is the graph of that context`, () => {
        const g = runJson(['graph', '--root', `examples/${example.name}`, '--workspace', ws.id, '--format', 'json']).json as { context: string; cycles: string[][]; nodes: { id: string; kind: string }[] };
        assert.equal(g.context, ws.id);
        assert.deepEqual(g.cycles, ws.cycles);
        assert.ok(g.nodes.some((n) => n.kind === 'workspace' && n.id === `workspace:${ws.id}`));
      });
    }
  });
}
