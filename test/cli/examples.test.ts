// Every example a family declares (`Family.examples`) reports exactly its seeded problems
// (EXPECTED.json) at error and warning level (or at every level, as it declares), each at its exact
// node, seeds every code its family declares, and exits 1 exactly when it seeds an error; every folder
// of examples/ is some family's. `graph` prints the cycles and step graphs of the examples below in
// every format (the ONEX example has no dependency graph: its metadata declares no artifact
// references, and dot and mermaid say where edges come from).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { FAMILIES } from '../../server/src/engine/families';
import { REPO, runCli, runJson, textAt } from './helpers';

interface Expected {
  code: string;
  file: string;
  line: number;
  character: number;
  text: string;
  severity: string;
}
interface Reported {
  code: string;
  file: string;
  severity: string;
  message: string;
  related?: { message: string }[];
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** What `graph` must draw of an example. */
interface Graph {
  /** The seeded dependency cycle (null: the graph has no edges at all, unless `flow`). */
  cycle: string[] | null;
  /** Data-flow edges (producer->consumer) `graph` must draw for core. */
  flow?: string[];
  workspace?: { id: string; cycles: string[][] };
}

const GRAPHS: Record<string, Graph> = {
  'meta-workspace': {
    cycle: ['ModelCalibration', 'XGBoostTraining', 'ModelEvaluation'],
    workspace: { id: 'alice_ml', cycles: [] },
  },
  'apcore-extensions': { cycle: ['ext.text.render', 'plug.slack.notify'] },
  'interface-workspace': {
    cycle: null,
    flow: [
      'DataLoading->TabularPreprocessing',
      'TabularPreprocessing->XGBoostModelEval',
      'TabularPreprocessing->XGBoostTraining',
      'XGBoostTraining->XGBoostModelEval',
    ],
  },
  'onex-registry': { cycle: null },
};

const EXAMPLES = FAMILIES.flatMap((family) => (family.examples ?? []).map((example) => ({ family, ...example })));

describe("examples: every folder is a family's", () => {
  it('every folder of examples/ is declared by one family, and every declared one (and every graph above) exists', () => {
    const folders = readdirSync(join(REPO, 'examples'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const declared = EXAMPLES.map((e) => e.dir);
    assert.deepEqual([...declared].sort(), folders);
    assert.equal(new Set(declared).size, declared.length);
    for (const dir of Object.keys(GRAPHS)) assert.ok(declared.includes(dir), dir);
  });
});

/**
 * The Problems panel shows a message on one line: it says what is wrong and what follows, in at most this
 * many characters with the paths and names it quotes; lists, searched paths and the tools' details go to
 * related information (its lines bounded alike) or the code's docs section.
 */
const MESSAGE_MAX = 200;

interface Venv {
  script: string;
  made: boolean;
}

/**
 * An example whose framework is installed in a Python environment brings the script that makes it
 * (`make-venv.mjs`, writing a git-ignored `.venv/`): it is checked in a copy twice, as committed (its
 * `EXPECTED.json`) and with the environment made (`EXPECTED.venv.json`), whether or not the folder has one.
 */
const VARIANTS = EXAMPLES.flatMap((example): ((typeof EXAMPLES)[number] & { venv: Venv | null })[] => {
  const script = join(REPO, 'examples', example.dir, 'make-venv.mjs');
  if (!existsSync(script)) return [{ ...example, venv: null }];
  return [
    { ...example, venv: { script, made: false } },
    { ...example, venv: { script, made: true } },
  ];
});

for (const example of VARIANTS) {
  const dir = join(REPO, 'examples', example.dir);
  const made = example.venv?.made === true;
  describe(`cli on examples/${example.dir}${made ? ' with its .venv' : ''} (${example.family.name})`, () => {
    let root = dir;
    let expected: Expected[];
    let reported: Reported[];
    let exitCode: number | null;
    before(() => {
      if (example.venv !== null) {
        root = mkdtempSync(join(tmpdir(), 'registry-lens-example-'));
        cpSync(dir, root, { recursive: true, filter: (src) => !src.includes(`${sep}.venv`) });
        if (made) execFileSync(process.execPath, [example.venv.script, root]);
      }
      expected = JSON.parse(
        readFileSync(join(dir, made ? 'EXPECTED.venv.json' : 'EXPECTED.json'), 'utf8'),
      ) as Expected[];
      const run = runJson(['check', root === dir ? `examples/${example.dir}` : root, '--format', 'json']);
      reported = run.json['diagnostics'] as Reported[];
      exitCode = run.code;
    });
    after(() => {
      if (root !== dir) rmSync(root, { recursive: true, force: true });
    });
    const same = (e: Expected, d: Reported): boolean =>
      d.code === e.code &&
      d.file === e.file &&
      d.range.start.line === e.line &&
      d.range.start.character === e.character;

    it('reports every seeded problem with its severity and the exact node', () => {
      const problems = expected.flatMap((e) => {
        const d = reported.find((r) => same(e, r));
        if (!d) return [`missing ${e.code} at ${e.file}:${e.line}:${e.character}`];
        const covered = textAt(readFileSync(join(root, e.file), 'utf8'), d.range);
        return [
          ...(d.severity === e.severity ? [] : [`${e.code} ${e.file}: ${d.severity}, expected ${e.severity}`]),
          ...(covered === e.text
            ? []
            : [`${e.code} ${e.file}: covers ${JSON.stringify(covered)}, expected ${JSON.stringify(e.text)}`]),
        ];
      });
      assert.deepEqual(problems, []);
      assert.ok(expected.length > 0);
    });

    it(`reports nothing else${example.everyLevel ? '' : ' at error or warning level'}`, () => {
      const extra = reported.filter(
        (d) =>
          (example.everyLevel || d.severity === 'error' || d.severity === 'warning') &&
          !expected.some((e) => same(e, d)),
      );
      assert.deepEqual(
        extra.map((d) => `${d.file} ${d.code} ${d.message}`),
        [],
      );
    });

    it('seeds every code its family declares', () => {
      const seeded = new Set(
        EXAMPLES.filter((e) => e.family === example.family).flatMap((e) =>
          (JSON.parse(readFileSync(join(REPO, 'examples', e.dir, 'EXPECTED.json'), 'utf8')) as Expected[]).map(
            (x) => x.code,
          ),
        ),
      );
      assert.deepEqual(
        Object.keys(example.family.codes ?? {}).filter((c) => !seeded.has(c)),
        [],
      );
    });

    it(`says every message and every related line in at most ${MESSAGE_MAX} characters`, () => {
      const long = reported.flatMap((d) =>
        [d.message, ...(d.related ?? []).map((r) => r.message)]
          .filter((m) => m.length > MESSAGE_MAX)
          .map((m) => `${d.code} ${m}`),
      );
      assert.deepEqual(long, []);
    });

    it('exits 1 exactly when it seeds an error', () => {
      assert.equal(exitCode, expected.some((e) => e.severity === 'error') ? 1 : 0);
    });

    const graph = GRAPHS[example.dir];
    if (!graph || made) return;
    const cycle = graph.cycle;
    if (!cycle && !graph.flow)
      it('graph has no edges and no cycles', () => {
        const g = runJson(['graph', '--root', `examples/${example.dir}`, '--format', 'json']).json as {
          cycles: string[][];
          edges: unknown[];
        };
        assert.deepEqual([g.cycles, g.edges], [[], []]);
        // dot and mermaid say on stderr where edges would come from
        assert.match(
          runCli(['graph', '--root', `examples/${example.dir}`]).stderr,
          /the graph of context 'core' is empty: nothing in it declares a dependency\. Edges come from the 'dependencies' of a step's or module's \*_meta\.yaml companion/,
        );
      });
    if (cycle)
      it('graph shows the cycle: json marks it, dot and mermaid draw its edges red', () => {
        const g = runJson(['graph', '--root', `examples/${example.dir}`, '--format', 'json']).json as {
          cycles: string[][];
          edges: { from: string; to: string; cycle: boolean }[];
          order: string[];
          blocked: string[];
        };
        assert.deepEqual(g.cycles, [cycle]);
        const red = g.edges
          .filter((e) => e.cycle)
          .map((e) => `${e.from}->${e.to}`)
          .sort();
        assert.deepEqual(red, cycle.map((n, i) => `${n}->${cycle[(i + 1) % cycle.length] ?? ''}`).sort());
        for (const n of cycle) assert.ok(g.blocked.includes(n) && !g.order.includes(n));
        const dot = runCli(['graph', '--root', `examples/${example.dir}`]);
        assert.equal(dot.code, 0, dot.stderr);
        assert.match(dot.stdout, /^digraph "registry-lens core" \{/);
        assert.equal(
          dot.stdout.split('\n').filter((l) => l.includes('->') && l.includes('color=red')).length,
          cycle.length,
        );
        const mermaid = runCli(['graph', '--root', `examples/${example.dir}`, '--format', 'mermaid']).stdout;
        assert.match(mermaid, /^graph LR\n/);
        assert.match(mermaid, /linkStyle [\d,]+ stroke:#d00/);
      });

    const flow = graph.flow;
    if (flow)
      it('graph draws the step graph: producer -> consumer edges from compatible_sources, blue, labelled, outside order and cycles', () => {
        const g = runJson(['graph', '--root', `examples/${example.dir}`, '--format', 'json']).json as {
          cycles: string[][];
          edges: { from: string; to: string; kind?: string; label?: string }[];
        };
        assert.deepEqual(
          g.edges
            .filter((e) => e.kind === 'flow')
            .map((e) => `${e.from}->${e.to}`)
            .sort(),
          flow,
        );
        assert.deepEqual(g.cycles, []);
        const dot = runCli(['graph', '--root', `examples/${example.dir}`]).stdout;
        assert.match(dot, /"XGBoostTraining" -> "XGBoostModelEval" \[color=blue, label="model_input"\];/);
        const mermaid = runCli(['graph', '--root', `examples/${example.dir}`, '--format', 'mermaid']).stdout;
        assert.match(mermaid, /-->\|model_input\|/);
        assert.match(mermaid, /linkStyle [\d,]+ stroke:#06c/);
      });

    if (graph.workspace) {
      const ws = graph.workspace;
      it(`graph --workspace ${ws.id} is the graph of that context`, () => {
        const g = runJson(['graph', '--root', `examples/${example.dir}`, '--workspace', ws.id, '--format', 'json'])
          .json as { context: string; cycles: string[][]; nodes: { id: string; kind: string }[] };
        assert.equal(g.context, ws.id);
        assert.deepEqual(g.cycles, ws.cycles);
        assert.ok(g.nodes.some((n) => n.kind === 'workspace' && n.id === `workspace:${ws.id}`));
      });
    }
  });
}
