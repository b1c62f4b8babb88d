// Pipeline DAGs built in Python modules (`PipelineDAG()`, `add_node`, `add_edge`, the constructor's
// `nodes=`/`edges=`), read without running them, and judged as cursus's own `PipelineDAG` and
// `cursus dag validate` judge them; shared DAGs loaded by id. The shapes below were run through the real
// code (cursus 6a2e2022, Python 3.11.7, networkx 3.6.1; `sagemaker` absent, which these modules do not need):
//
//   $ PYTHONPATH=cursus/src python -W ignore conform.py
//   (conform.py builds each DAG below, then prints dag.nodes, dag.edges, dag.topological_sort() and
//   PipelineDAGResolver(dag, validate_on_init=False)._validate_graph_structure())
//   typo: nodes=['TabularPreprocessing_training', 'XGBoostTraining', 'ModelEval'] edges=[(...), ('XGBoostTraining', 'ModelEval')]
//     undeclared_edge_nodes: ["Edge endpoint 'ModelEval' was never declared via add_node (likely a typo or a forgotten
//     add_node — it became a phantom, unconfigured node)."]
//   ctor_dangling: nodes=['A', 'B'] edges=[('A', 'B'), ('B', 'C')] topo=['A', 'B']
//     dangling_dependencies: ['Edge references non-existent destination node: C']
//     undeclared_edge_nodes: ["Edge endpoint 'C' was never declared via add_node (...)"]
//   isolated: nodes=['A', 'B', 'C'] edges=[('A', 'B')] topo=['A', 'C', 'B']
//     isolated_nodes: ['Node has no connections: C']
//   cycle: nodes=['A', 'B'] edges=[('A', 'B'), ('B', 'A')] topo=ValueError: DAG has cycles or disconnected nodes
//     cycles: ['Cycle detected: A -> B']
//   strict: ValueError: add_edge('A', 'B'): endpoint(s) ['B'] were never declared via add_node (strict mode). ...
//   strict_ctor: ValueError: strict DAG: edge endpoint(s) ['B'] are not in the declared node list. ...
//   declared_late: nodes=['A', 'B'] edges=[('A', 'B')] topo=['A', 'B']
//   dangling_then_added: nodes=['A', 'B'] edges=[('A', 'B')] topo=['A', 'B']
//
// A dangling edge is not silent at compile time: PipelineAssembler raises "Edge destination node not in DAG"
// (core/assembler/pipeline_assembler.py 152-157); the DAG object itself drops it from its topological order.
import { strict as assert } from 'node:assert';
import {
  analyze,
  applyEdits,
  checkCompletion,
  checkDefinition,
  checkDiagnostics,
  checkHover,
  checkReferences,
} from './helpers';

const CODES = ['RL036', 'RL037', 'RL038', 'RL039', 'RL060', 'RL083', 'RL084'];

/** A core whose steps are registry rows (builder files discovered: only RL039 of the step checks). */
const CORE = `
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "TabularPreprocessing": {"config_class": "TabularPreprocessingConfig", "builder_step_name": "TabularPreprocessingStepBuilder", "spec_type": "TabularPreprocessing", "sagemaker_step_type": "Processing", "description": "d"},
    "XGBoostTraining": {"config_class": "XGBoostTrainingConfig", "builder_step_name": "XGBoostTrainingStepBuilder", "spec_type": "XGBoostTraining", "sagemaker_step_type": "Training", "description": "d"},
    "XGBoostModelEval": {"config_class": "XGBoostModelEvalConfig", "builder_step_name": "XGBoostModelEvalStepBuilder", "spec_type": "XGBoostModelEval", "sagemaker_step_type": "Processing", "description": "d"},
}
`;

describe('pipeline DAGs built in Python (PipelineDAG, add_node, add_edge)', () => {
  it('judges each shape as PipelineDAG and `cursus dag validate` do, on the strings that make it', async () => {
    await checkDiagnostics(
      `${CORE}
//- /projects/p/typo.py
from cursus.api.dag.base_dag import PipelineDAG

def create_dag():
    dag = PipelineDAG()
    dag.add_node("TabularPreprocessing_training")
    dag.add_node("XGBoostTraining")
    dag.add_edge("TabularPreprocessing_training", "XGBoostTraining")
    dag.add_edge("XGBoostTraining", "ModelEval")
    #                               ^^^^^^^^^^^ RL037 Edge endpoint 'ModelEval' was never declared via add_node
    #                               ^^^^^^^^^^^ RL039 Step 'ModelEval' not found
    return dag

ctor_dangling = PipelineDAG(nodes=["XGBoostTraining", "XGBoostModelEval"], edges=[("XGBoostTraining", "XGBoostModelEval"), ("XGBoostModelEval", "C")])
#                                                                                                                                               ^^^ RL037 Edge references non-existent destination node: C — not in nodes=

isolated = PipelineDAG()
for n in ["XGBoostTraining", "XGBoostModelEval", "TabularPreprocessing"]:
    #                                            ^^^^^^^^^^^^^^^^^^^^^^ RL038 Node has no connections: TabularPreprocessing
    isolated.add_node(n)
isolated.add_edge("XGBoostTraining", "XGBoostModelEval")

cycle = PipelineDAG(nodes=["XGBoostTraining", "XGBoostModelEval"])
cycle.add_edge("XGBoostTraining", "XGBoostModelEval")
#              ^^^^^^^^^^^^^^^^^ RL036 Cycle detected: XGBoostTraining -> XGBoostModelEval
cycle.add_edge("XGBoostModelEval", "XGBoostTraining")

strict = PipelineDAG(strict=True)
strict.add_node("XGBoostTraining")
strict.add_edge("XGBoostTraining", "XGBoostModelEval")
#                                  ^^^^^^^^^^^^^^^^^^ RL037 raises: 'XGBoostModelEval' was never declared (strict mode raises ValueError)
strict.add_edge("Never", "Reached")

strict_ctor = PipelineDAG(nodes=["XGBoostTraining"], edges=[("XGBoostTraining", "XGBoostModelEval")], strict=True)
#                                                                               ^^^^^^^^^^^^^^^^^^ RL037 raises at construction

declared_late = PipelineDAG()
declared_late.add_edge("XGBoostTraining", "XGBoostModelEval")
declared_late.add_node("XGBoostTraining")
declared_late.add_node("XGBoostModelEval")

dangling_then_added = PipelineDAG(nodes=["XGBoostTraining"], edges=[("XGBoostTraining", "XGBoostModelEval")])
dangling_then_added.add_node("XGBoostModelEval")
`,
      {},
      { only: CODES },
    );
  });

  it('follows module constants, local lists and loops over literal lists; a repeated add_edge is one edge', async () => {
    await checkDiagnostics(
      `${CORE}
//- /p.py
FEATURE_NODES = ["TabularPreprocessing_training", "XGBoostTrainig"]
#                                                 ^^^^^^^^^^^^^^^^ RL039 Did you mean 'XGBoostTraining'
EDGES = [("TabularPreprocessing_training", "XGBoostTrainig")]
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL036 Cycle detected: TabularPreprocessing_training -> XGBoostTrainig

def build():
    dag = PipelineDAG(nodes=list(FEATURE_NODES), edges=EDGES + [("XGBoostTrainig", "XGBoostModelEval_x")])
    #                                                                              ^^^^^^^^^^^^^^^^^^^^ RL037 non-existent destination node
    for src, dst in [("XGBoostTrainig", "TabularPreprocessing_training")]:
        dag.add_edge(src, dst)
        dag.add_edge(src, dst)
    return dag
`,
      {},
      { only: CODES },
    );
  });

  it('does not guess: a DAG built from values or under conditions only running the code tells is said to be unchecked, once', async () => {
    await checkDiagnostics(
      `${CORE}
//- /p.py
import os
from cursus.api.dag.base_dag import PipelineDAG

def from_param(nodes):
    return PipelineDAG(nodes=nodes)
    #      ^^^^^^^^^^^ RL083 its nodes= is \`nodes\`, not known without running the code

def conditional(with_eval):
    dag = PipelineDAG()
    #     ^^^^^^^^^^^ RL083 add_node() on line 11 runs under the \`if\` on line 10
    dag.add_node("XGBoostTraining")
    if with_eval:
        dag.add_node("XGBoostModelEval")
    dag.add_node("Typo")
    return dag

def helper(dag):
    dag.add_node("X")

def handed():
    dag = PipelineDAG()
    #     ^^^^^^^^^^^ RL083 it is passed to \`helper()\`
    helper(dag)
    return dag

def loop_over_env():
    dag = PipelineDAG()
    #     ^^^^^^^^^^^ RL083 in the loop over \`os.environ\`
    for n in os.environ:
        dag.add_node(n)
    return dag

def built_in_branch(flag):
    if flag:
        dag = PipelineDAG()
        dag.add_node("XGBoostTraining")
        dag.add_node("TabularPreprocessing")
        dag.add_edge("TabularPreprocessing", "XGBoostTraining")
        return dag
    return None
`,
      {},
      { only: CODES },
    );
  });

  it('checks load_shared_dag ids against the catalog index the project has', async () => {
    await checkDiagnostics(
      `${CORE}
//- /src/cursus/pipeline_catalog/shared_dags/catalog_index.json
{"dags": [{"id": "xgboost_simple", "path": "xgboost/simple.dag.json"}]}
//- /src/cursus/pipeline_catalog/shared_dags/xgboost/simple.dag.json
{"dag": {"nodes": ["TabularPreprocessing", "XGBoostTraining"], "edges": [["TabularPreprocessing", "XGBoostTraining"]]}}
//- /projects/p/run.py
from cursus.pipeline_catalog.shared_dags import load_shared_dag
ok = load_shared_dag("xgboost_simple")
bad = load_shared_dag(dag_id="xgboost_simpel")
#                            ^^^^^^^^^^^^^^^^ RL084 raises ValueError: DAG 'xgboost_simpel' not found
`,
      {},
      { only: CODES },
    );
  });

  it('checks no id where the tree holds no catalog index, and no step where it holds no cursus registry', async () => {
    await checkDiagnostics(
      `
//- /run.py
dag = load_shared_dag("anything")
d = PipelineDAG()
d.add_node("Unknown_step")
#          ^^^^^^^^^^^^^^ RL038
`,
      {},
      { only: CODES },
    );
  });

  it('makes a node string a reference to its step: hover, definition, references', async () => {
    await checkHover(
      `${CORE}
//- /p.py
dag = PipelineDAG()
dag.add_node("XGBoost$0Training_train")
`,
      ['XGBoostTraining'],
    );
    await checkDefinition(`
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "XGBoostTraining": {"config_class": "C", "builder_step_name": "B", "spec_type": "XGBoostTraining", "sagemaker_step_type": "Training", "description": "d"},
#   ^^^^^^^^^^^^^^^^^ def
}
//- /p.py
dag = PipelineDAG()
dag.add_edge("XGBoost$0Training", "X")
`);
    await checkReferences(`
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "XGBoostTraining": {"config_class": "C", "builder_step_name": "B", "spec_type": "XGBoostTraining", "sagemaker_step_type": "Training", "description": "d"},
#   ^^^^^^^^^^^^^^^^^ ref
}
//- /p.py
dag = PipelineDAG(nodes=["XGBoost$0Training"])
#                        ^^^^^^^^^^^^^^^^^ ref
dag.add_edge("XGBoostTraining_eval", "XGBoostTraining")
#            ^^^^^^^^^^^^^^^^^^^^^^ ref
#                                    ^^^^^^^^^^^^^^^^^ ref
`);
  });

  it('renames the step part of every plain Python string naming the step, and leaves the module valid', async () => {
    const py =
      'dag = PipelineDAG()\n' +
      "dag.add_node('XGBoostTraining_train')\n" +
      'dag.add_edge("TabularPreprocessing", "XGBoostTraining_train")\n';
    const { engine, fx } = await analyze(`${CORE}
//- /p.py
${py}`);
    const result = engine.rename('p.py', { line: 1, character: 16 }, 'XGBTrain');
    const edits = result?.edits.find((e) => e.file === 'p.py')?.edits ?? [];
    assert.equal(applyEdits(fx.files.get('p.py') ?? '', edits), py.replace(/XGBoostTraining/g, 'XGBTrain'));
    assert.ok(result?.edits.some((e) => e.file === 'src/cursus/registry/step_names.py'));
  });

  it('parses no module that names neither PipelineDAG nor load_shared_dag', async () => {
    const { engine } = await analyze(`${CORE}
//- /other.py
dag = Graph()
dag.add_node("Anything")
`);
    assert.deepEqual(
      engine.allDiagnostics().filter((d) => d.file === 'other.py'),
      [],
    );
    assert.equal(engine.hover('other.py', { line: 1, character: 16 }), null);
  });

  it("reads a notebook's code cells as one module, each finding on its string in the .ipynb text, with its cell", async () => {
    const nb = `${CORE}
//- /nb.ipynb
{"cells": [
 {"cell_type": "markdown", "source": ["dag.add_node(\\"PipelineDAG\\")"]},
 {"cell_type": "code", "source": ["%pip install cursus\\n", "dag = PipelineDAG()\\n", "dag.add_node(\\"XGBoostTrainig\\")\\n"]},
 #                                                                                                ^^^^^^^^^^^^^^^^^^ RL039 Did you mean 'XGBoostTraining'
 {"cell_type": "code", "source": "dag.add_node(\\"TabularPreprocessing\\")\\ndag.add_edge(\\"TabularPreprocessing\\", \\"XGBoostTrainig\\")\\n# caf\\u00e9 \\u00e9\\ndag.add_node('Lone')"}
 #                                                                                                                                                                     ^^^^^^ RL038
 #                                                                                                                                                                     ^^^^^^ RL039
], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
`;
    const found = await checkDiagnostics(nb, {}, { only: CODES });
    assert.deepEqual(
      found.map((d) => [d.code, d.cell]),
      [
        ['RL039', { index: 1, range: { start: { line: 2, character: 13 }, end: { line: 2, character: 29 } } }],
        ['RL038', { index: 2, range: { start: { line: 3, character: 13 }, end: { line: 3, character: 19 } } }],
        ['RL039', { index: 2, range: { start: { line: 3, character: 13 }, end: { line: 3, character: 19 } } }],
      ],
    );
    const { engine, fx } = await analyze(nb);
    const text = fx.files.get('nb.ipynb') ?? '';
    const result = engine.rename('nb.ipynb', { line: 2, character: 90 }, 'XGBTrain');
    assert.equal(result, null, 'a node naming no step is not renamed');
    const ok = engine.rename('nb.ipynb', { line: 3, character: 60 }, 'Tabular');
    const edits = ok?.edits.find((e) => e.file === 'nb.ipynb')?.edits ?? [];
    const renamed = applyEdits(text, edits);
    assert.equal(edits.length, 2);
    const cells = (JSON.parse(renamed) as { cells: { source: string | string[] }[] }).cells;
    assert.equal(
      cells[2]?.source,
      'dag.add_node("Tabular")\ndag.add_edge("Tabular", "XGBoostTrainig")\n# caf\u00e9 \u00e9\ndag.add_node(\'Lone\')',
    );
  });

  it("completes step names in a notebook's node strings only: every cell line is a JSON string", async () => {
    const at = (cursor: string): string => `${CORE}
//- /nb.ipynb
{"cells": [{"cell_type": "code", "source": ["dag = PipelineDAG()\\n", "dag.add_node(\\"TabularPreprocessing\\")\\n", "${cursor}"]}]}
`;
    await checkCompletion(at('dag.add_node(\\"XGB$0'), ['XGBoostTraining']);
    await checkCompletion(at('dag.add_edge(\\"TabularPreprocessing\\", \\"$0'), [
      'XGBoostTraining',
      'TabularPreprocessing',
    ]);
    assert.deepEqual(await checkCompletion(at('da$0'), []), []);
    assert.deepEqual(await checkCompletion(at('print(\\"XGB$0'), []), []);
  });

  it('reads hostile nesting without exhausting the stack: the DAG is then said to be unchecked', async () => {
    const deep = Array.from({ length: 400 }, (_, i) => `${'    '.repeat(i)}with x:`).join('\n');
    const inner = '    '.repeat(400);
    const text = `dag = PipelineDAG()\n${deep}\n${inner}dag.add_node("A")\nf(${'('.repeat(3000)}PipelineDAG()${')'.repeat(3000)})\n`;
    const { engine } = await analyze(`//- /deep.py\n${text}`);
    const codes = engine
      .allDiagnostics()
      .filter((d) => d.file === 'deep.py')
      .map((d) => d.code);
    assert.deepEqual(codes, ['RL083']);
  });
});
