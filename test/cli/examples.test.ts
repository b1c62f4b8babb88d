// The companion-metadata, apcore, interface and ONEX examples report exactly their seeded problems
// (EXPECTED.json) at error and warning level (the interface example at every level), each at its exact
// node; `graph` prints their cycles and step graphs in every format (the ONEX example has no dependency
// graph: its metadata declares no artifact references, and dot and mermaid say where edges come from).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli, runJson, textAt } from './helpers';

interface Expected { code: string; file: string; line: number; character: number; text: string; severity: string }
interface Reported { code: string; file: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

interface Example {
  name: string;
  /** The seeded dependency cycle `graph` must draw (none for an example without one). */
  cycle: string[] | null;
  /** At least this many seeded problems (the example seeds every code of its family once). */
  minExpected: number;
  /** EXPECTED.json lists hints and information too. */
  everyLevel?: boolean;
  /** Data-flow edges (producer->consumer) `graph` must draw for core. */
  flow?: string[];
  workspace?: { id: string; cycles: string[][] };
}

const EXAMPLES: Example[] = [
  { name: 'meta-workspace', cycle: ['ModelCalibration', 'XGBoostTraining', 'ModelEvaluation'], minExpected: 10, workspace: { id: 'alice_ml', cycles: [] } },
  { name: 'apcore-extensions', cycle: ['ext.text.render', 'plug.slack.notify'], minExpected: 10 },
  { name: 'interface-workspace', cycle: null, minExpected: 8, everyLevel: true, flow: ['DataLoading->TabularPreprocessing', 'TabularPreprocessing->XGBoostModelEval', 'TabularPreprocessing->XGBoostTraining', 'XGBoostTraining->XGBoostModelEval'] },
  { name: 'onex-registry', cycle: null, minExpected: 9 },
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
      assert.ok(expected.length >= example.minExpected);
    });

    it(`reports nothing else${example.everyLevel ? '' : ' at error or warning level'}`, () => {
      const extra = reported.filter((d) => (example.everyLevel || d.severity === 'error' || d.severity === 'warning') && !expected.some((e) => same(e, d)));
      assert.deepEqual(extra.map((d) => `${d.file} ${d.code} ${d.message}`), []);
    });

    const cycle = example.cycle;
    if (!cycle && !example.flow) it('graph has no edges and no cycles', () => {
      const g = runJson(['graph', '--root', `examples/${example.name}`, '--format', 'json']).json as { cycles: string[][]; edges: unknown[] };
      assert.deepEqual([g.cycles, g.edges], [[], []]);
      // dot and mermaid say on stderr where edges would come from
      assert.match(runCli(['graph', '--root', `examples/${example.name}`]).stderr, /the graph of context 'core' is empty: nothing in it declares a dependency\. Edges come from the 'dependencies' of a step's or module's \*_meta\.yaml companion/);
    });
    if (cycle) it('graph shows the cycle: json marks it, dot and mermaid draw its edges red', () => {
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

    const flow = example.flow;
    if (flow) it('graph draws the step graph: producer -> consumer edges from compatible_sources, blue, labelled, outside order and cycles', () => {
      const g = runJson(['graph', '--root', `examples/${example.name}`, '--format', 'json']).json as { cycles: string[][]; edges: { from: string; to: string; kind?: string; label?: string }[] };
      assert.deepEqual(g.edges.filter((e) => e.kind === 'flow').map((e) => `${e.from}->${e.to}`).sort(), flow);
      assert.deepEqual(g.cycles, []);
      const dot = runCli(['graph', '--root', `examples/${example.name}`]).stdout;
      assert.match(dot, /"XGBoostTraining" -> "XGBoostModelEval" \[color=blue, label="model_input"\];/);
      const mermaid = runCli(['graph', '--root', `examples/${example.name}`, '--format', 'mermaid']).stdout;
      assert.match(mermaid, /-->\|model_input\|/);
      assert.match(mermaid, /linkStyle [\d,]+ stroke:#06c/);
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
