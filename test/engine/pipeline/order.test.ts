// Stage 7, order and cycles: Kahn with a sorted zero-in-degree set (deterministic whatever the file
// order); RL023 on every edge of one concrete cycle per strongly connected component, naming the
// whole cycle; entries blocked only by a missing dependency are not cycles; cycles are per context.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../helpers';
import { concreteCycle, cyclicComponents, kahnOrder } from '../../../server/src/engine/util/graphOrder';
import { cursus, metaOf } from './snippets';

const graph =
  (edges: Record<string, string[]>) =>
  (n: string): string[] =>
    edges[n] ?? [];

describe('pipeline 7: order and cycles', () => {
  it('Kahn order puts dependencies first and breaks ties by name; what depends on a cycle is blocked', () => {
    const deps = graph({ d: ['b', 'c'], b: ['a'], c: ['a'], e: ['f'], f: ['e'], g: ['e'] });
    assert.deepEqual(kahnOrder(['g', 'f', 'e', 'd', 'c', 'b', 'a'], deps), {
      order: ['a', 'b', 'c', 'd'],
      blocked: ['e', 'f', 'g'],
    });
    assert.deepEqual(kahnOrder(['a', 'b', 'c', 'd', 'e', 'f', 'g'], deps).order, ['a', 'b', 'c', 'd']);
  });

  it('one component per cycle, with one shortest cycle through its smallest node; self-loops count', () => {
    const deps = graph({ a: ['b'], b: ['c', 'a'], c: ['a'], x: ['x'], y: ['z'] });
    const sccs = cyclicComponents(['y', 'c', 'x', 'a'], deps);
    assert.deepEqual(sccs, [['a', 'b', 'c'], ['x']]);
    assert.deepEqual(concreteCycle(['a', 'b', 'c'], deps), ['a', 'b']);
    assert.deepEqual(concreteCycle(['x'], deps), ['x']);
  });

  it('RL023 on every edge of the cycle with the whole path; the entry blocked by a missing dependency is not a cycle', async () => {
    const diags = await checkDiagnostics(`${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
      #              ^^^^ RL023 Circular dependency detected: Alpha -> Beta -> Gamma -> Alpha
      //- ${metaOf('Beta')}
      dependencies:
        - module_id: Gamma
      #              ^^^^^ RL023 Circular dependency detected: Alpha -> Beta -> Gamma -> Alpha
      //- ${metaOf('Gamma')}
      dependencies:
        - module_id: Alpha
      #              ^^^^^ RL023 Circular dependency detected: Alpha -> Beta -> Gamma -> Alpha
        - module_id: Delta
      //- ${metaOf('Delta')}
      dependencies:
        - module_id: Missing
      #              ^^^^^^^ RL022
    `);
    assert.deepEqual(
      diags.find((d) => d.code === 'RL023')?.related.map((r) => r.message),
      ['Beta depends on Gamma', 'Gamma depends on Alpha'],
    );
  });

  it('a dependency edited in a core companion closes a cycle, and dropping it opens it again, as a fresh analysis says', async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
        - module_id: Gamma
      //- ${metaOf('Beta')}
      dependencies:
        - module_id: Gamma
      //- ${metaOf('Gamma')}
      description: g
    `);
    const rl023 = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL023')
        .map((d) => `${d.file.split('/').pop() ?? ''} ${d.message.split(';')[0] ?? ''}`);
    const edit = async (file: string, text: string, expected: string[]): Promise<void> => {
      engine.setFile(file.slice(1), text);
      engine.update();
      assert.deepEqual(rl023(), expected);
      const fresh = await analyze(
        engine
          .files()
          .map((f) => `//- /${f}\n${engine.text(f) ?? ''}`)
          .join('\n'),
      );
      assert.deepEqual(fresh.engine.allDiagnostics(), engine.allDiagnostics());
    };
    assert.deepEqual(rl023(), []);
    // Gamma gets its first edge (it becomes one of core's edge owners): one component, its shortest cycle through Alpha.
    const short = 'Circular dependency detected: Alpha -> Gamma -> Alpha';
    await edit(metaOf('Gamma'), 'dependencies:\n  - module_id: Alpha\n', [
      `builder_alpha_step_meta.yaml ${short}`,
      `builder_gamma_step_meta.yaml ${short}`,
    ]);
    // Alpha keeps an edge (it stays an owner) but loses that one: the cycle left runs through Beta.
    const long = 'Circular dependency detected: Alpha -> Beta -> Gamma -> Alpha';
    await edit(metaOf('Alpha'), 'dependencies:\n  - module_id: Beta\n', [
      `builder_alpha_step_meta.yaml ${long}`,
      `builder_beta_step_meta.yaml ${long}`,
      `builder_gamma_step_meta.yaml ${long}`,
    ]);
    await edit(metaOf('Gamma'), 'description: g\n', []);
  });

  it('a cycle exists only in the context where its edges do: a workspace override closes one', async () => {
    const WS = 'developer_workspaces/developers/alice/src/cursus_dev';
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
      //- /${WS}/registry/workspace_registry.py
      WORKSPACE_METADATA = {"developer_id": "alice", "dependencies": ["Gamma", "pandas>=2"]}
      STEP_OVERRIDES = {"Beta": {"builder_step_name": "AliceBetaStepBuilder", "sagemaker_step_type": "Processing", "description": "b"}}
      //- /${WS}/steps/builders/builder_alice_beta_step.py
      class AliceBetaStepBuilder:
          pass
      //- /${WS}/steps/builders/builder_alice_beta_step_meta.yaml
      dependencies:
        - module_id: Alpha
    `);
    const d = engine.allDiagnostics();
    assert.deepEqual(
      d.map((x) => [x.file.split('/').pop(), x.code, x.message]),
      [
        [
          'builder_alice_beta_step_meta.yaml',
          'RL023',
          "Circular dependency detected: Alpha -> Beta -> Alpha (in context 'alice'); apcore's discover() raises CircularDependencyError, so discovery of the whole root fails",
        ],
        [
          'builder_alpha_step_meta.yaml',
          'RL023',
          "Circular dependency detected: Alpha -> Beta -> Alpha (in context 'alice'); apcore's discover() raises CircularDependencyError, so discovery of the whole root fails",
        ],
      ],
    );
    assert.deepEqual(engine.graph().cycles, []);
    const alice = engine.graph({ context: 'alice' });
    assert.deepEqual(alice.cycles, [['Alpha', 'Beta']]);
    assert.deepEqual(
      alice.edges.map((e) => [e.from, e.to, e.cycle]),
      [
        ['Alpha', 'Beta', true],
        ['Beta', 'Alpha', true],
        ['workspace:alice', 'Gamma', false],
      ],
    );
    assert.deepEqual(
      [alice.order, alice.blocked],
      [
        ['Gamma', 'workspace:alice'],
        ['Alpha', 'Beta'],
      ],
    );
  });

  it('the graph of a context: edges (optional ones too), Kahn order, blocked nodes, cycle marks', async () => {
    const { engine } = await analyze(`${cursus()}
      //- ${metaOf('Alpha')}
      dependencies:
        - module_id: Beta
        - {module_id: Gamma, optional: true}
      //- ${metaOf('Beta')}
      dependencies:
        - module_id: Beta
    `);
    const g = engine.graph();
    assert.deepEqual(
      g.edges.map((e) => [e.from, e.to, e.optional, e.cycle]),
      [
        ['Alpha', 'Beta', false, false],
        ['Alpha', 'Gamma', true, false],
        ['Beta', 'Beta', false, true],
      ],
    );
    assert.deepEqual([g.order, g.blocked, g.cycles], [['Gamma'], ['Alpha', 'Beta'], [['Beta']]]);
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.cycle, n.meta?.split('/').pop() ?? null]),
      [
        ['Alpha', false, 'builder_alpha_step_meta.yaml'],
        ['Beta', true, 'builder_beta_step_meta.yaml'],
        ['Gamma', false, null],
      ],
    );
  });
});
