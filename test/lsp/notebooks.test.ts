// An open Jupyter notebook over LSP notebook sync: its code cells (unsaved edits included) stand for the `.ipynb` on
// disk, its DAG's findings are published to the cell they lie in, and requests in a cell (hover, definition,
// rename, completion) are answered there; closed, the disk's notebook applies again.
import { strict as assert } from 'node:assert';
import type { CompletionItem, Diagnostic, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseFixture } from '../engine/fixture';
import { show, TestClient } from './client';

const TRAIN = 'src/cursus/steps/interfaces/xgboost_training.step.yaml';
const NOTEBOOK = 'projects/p/train.ipynb';

const FIXTURE = parseFixture(`
  //- /src/cursus/registry/interface_registry_loader.py
  _EXTRAS = {"Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "Base"}}
  //- /src/cursus/step_catalog/builder_discovery.py
  class BuilderAutoDiscovery:
      def _synthesize_builder(self, step_name):
          pass
  //- /${TRAIN}
  step_type: XGBoostTraining
  registry:
    sagemaker_step_type: Training
    description: Trains XGBoost
  contract:
    entry_point: null
  spec: {}
  //- /${NOTEBOOK}
  {"cells": [{"cell_type": "code", "source": ["from cursus.api.dag.base_dag import PipelineDAG\\n", "dag = PipelineDAG()\\n", "dag.add_node(\\"XGBoostTrainingg\\")"]}]}
`);

const IMPORTS = 'from cursus.api.dag.base_dag import PipelineDAG\ndag = PipelineDAG()\n';
const NODES = '# the "nodes" \\ é\ndag.add_node("XGBoostTraining_main")\ndag.add_node("XGBoostTrainng")\n';

describe('lsp: notebooks (LSP notebook sync)', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files);
  });
  afterEach(() => c.stop());

  const cell = (i: number): string => `${c.uri(NOTEBOOK).replace(/^file:/, 'vscode-notebook-cell:')}#W${i}`;
  const cellDiagnostics = (i: number, what: string, probe: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> =>
    c.waitFor(what, () => {
      const ds = c.diagnostics.get(cell(i));
      return ds !== undefined && probe(ds) ? ds : undefined;
    });
  const codes = (ds: Diagnostic[]): string[] => ds.map((d) => `${String(d.code)} ${show(d.range)}`);

  it("publishes the open notebook's findings to its cells, follows a cell's edit, and falls back to disk on close", async () => {
    await c.diagnosticsOf(NOTEBOOK, 'the disk notebook', (ds) => ds.some((d) => d.code === 'RL039'));
    await c.notify('notebookDocument/didOpen', {
      notebookDocument: {
        uri: c.uri(NOTEBOOK),
        notebookType: 'jupyter-notebook',
        version: 1,
        cells: [
          { kind: 2, document: cell(0) },
          { kind: 2, document: cell(1) },
        ],
      },
      cellTextDocuments: [
        { uri: cell(0), languageId: 'python', version: 1, text: IMPORTS },
        { uri: cell(1), languageId: 'python', version: 1, text: NODES },
      ],
    });
    // the typo in the second cell, at its place in the cell (past a line of quotes, a backslash and an accent)
    const ds = await cellDiagnostics(1, 'RL039 in cell 1', (x) => x.some((d) => d.code === 'RL039'));
    // RL038: nodes of no edge
    assert.deepEqual(codes(ds), ['RL038 1:13-1:35', 'RL038 2:13-2:29', 'RL039 2:13-2:29']);
    assert.deepEqual(c.diagnostics.get(cell(0)), []);
    assert.deepEqual(c.diagnostics.get(c.uri(NOTEBOOK)), [], "the disk's findings no longer stand");

    // the typo fixed in the cell, not saved
    const typo: Range = { start: { line: 2, character: 26 }, end: { line: 2, character: 26 } };
    await c.notify('notebookDocument/didChange', {
      notebookDocument: { uri: c.uri(NOTEBOOK), version: 2 },
      change: {
        cells: { textContent: [{ document: { uri: cell(1), version: 2 }, changes: [{ range: typo, text: 'i' }] }] },
      },
    });
    await cellDiagnostics(1, 'no RL039 in cell 1', (x) => !x.some((d) => d.code === 'RL039'));

    await c.notify('notebookDocument/didClose', {
      notebookDocument: { uri: c.uri(NOTEBOOK) },
      cellTextDocuments: [{ uri: cell(0) }, { uri: cell(1) }],
    });
    const disk = await c.diagnosticsOf(NOTEBOOK, 'the disk notebook again', (x) => x.some((d) => d.code === 'RL039'));
    assert.deepEqual(codes(disk), ['RL038 0:136-0:156', 'RL039 0:136-0:156']);
    assert.deepEqual(c.diagnostics.get(cell(1)), []);
  });

  it('answers hover, definition, rename and completion in a cell', async () => {
    await c.diagnosticsOf(NOTEBOOK, 'the disk notebook', (ds) => ds.some((d) => d.code === 'RL039'));
    await c.notify('notebookDocument/didOpen', {
      notebookDocument: {
        uri: c.uri(NOTEBOOK),
        notebookType: 'jupyter-notebook',
        version: 1,
        cells: [
          { kind: 2, document: cell(0) },
          { kind: 2, document: cell(1) },
        ],
      },
      cellTextDocuments: [
        { uri: cell(0), languageId: 'python', version: 1, text: IMPORTS },
        { uri: cell(1), languageId: 'python', version: 1, text: `${NODES}dag.add_node("XGB` },
      ],
    });
    await cellDiagnostics(1, 'RL039 in cell 1', (x) => x.some((d) => d.code === 'RL039'));
    const at = { textDocument: { uri: cell(1) }, position: { line: 1, character: 20 } };
    const hover = await c.request<{ contents: { value: string }; range: Range } | null>('textDocument/hover', at);
    assert.match(hover?.contents.value ?? '', /XGBoostTraining_main.*XGBoostTraining/);
    assert.equal(hover && show(hover.range), '1:13-1:35');
    const definition = await c.request<Location[]>('textDocument/definition', at);
    assert.deepEqual(
      definition.map((l) => l.uri),
      [c.uri(TRAIN)],
    );
    // rename from a cell: the step's interface and each cell naming it (the step part of the name)
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'XGBTrain' });
    const changes = (edit.documentChanges ?? []) as { textDocument: { uri: string }; edits: TextEdit[] }[];
    assert.deepEqual(
      changes.map((d) => [d.textDocument.uri, d.edits.map((e) => `${show(e.range)} ${e.newText}`)]),
      [
        [cell(1), ['1:14-1:29 XGBTrain']],
        [c.uri(TRAIN), ['0:11-0:26 XGBTrain']],
      ],
    );
    const items = await c.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: cell(1) },
      position: { line: 3, character: 17 },
    });
    const training = items.find((i) => i.label === 'XGBoostTraining');
    assert.deepEqual(training?.textEdit && show((training.textEdit as { range: Range }).range), '3:14-3:17');
  });
});
