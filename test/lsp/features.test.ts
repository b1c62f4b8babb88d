// Editor features over LSP: each request is answered by the engine and converted to protocol types
// with the exact ranges and URIs the client needs.
import { strict as assert } from 'node:assert';
import type { Command, CompletionItem, Hover, Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ExplainResult } from '../../server/src/lsp/protocol';
import { fixAllMessage } from '../../client/src/fixAllMessage';
import { show, TestClient } from './client';
import { ALICE, BOB, CORE, FIXTURE, lineAfter, range, text, XGB_BUILDER } from './fixture';

/** The inside of a quoted key's range. */
const inner = (r: Range): Range => ({
  start: { line: r.start.line, character: r.start.character + 1 },
  end: { line: r.end.line, character: r.end.character - 1 },
});

describe('lsp: editor features', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files);
    await c.diagnosticsOf(BOB, 'initial analysis', (ds) => ds.length > 0);
  });
  afterEach(() => c.stop());

  it('hover on a step key shows the resolved entry and names its source', async () => {
    const key = range('alice-package-key');
    const hover = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(ALICE) },
      position: key.start,
    });
    assert.equal(show(hover.range ?? key), show(key));
    const md = hover.contents as { kind: string; value: string };
    assert.equal(md.kind, 'markdown');
    assert.match(md.value, /^\*\*Package\*\* · `override:alice`/);
    assert.match(md.value, /Shadows: `core`/);
  });

  it('definition on a builder_step_name value goes to the builder class', async () => {
    const value = range('core-xgb-builder');
    const defs = await c.request<Location[]>('textDocument/definition', {
      textDocument: { uri: c.uri(CORE) },
      position: { line: value.start.line, character: value.start.character + 5 },
    });
    assert.deepEqual(defs, [{ uri: c.uri(XGB_BUILDER), range: range('xgb-builder-class') }]);
  });

  it('completion inside an entry offers the field names', async () => {
    await c.open(ALICE, text(ALICE));
    const line = lineAfter(ALICE, '    "AliceFeature"');
    await c.change(ALICE, { start: { line, character: 0 }, end: { line, character: 0 } }, '        "",\n');
    const cursor = { line, character: 9 };
    const items = await c.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: c.uri(ALICE) },
      position: cursor,
    });
    const fields = items.filter((i) => i.kind === 5).map((i) => i.label);
    for (const f of ['config_class', 'builder_step_name', 'spec_type', 'job_types', 'priority'])
      assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
    const config = items.find((i) => i.label === 'config_class');
    assert.deepEqual(config?.textEdit, { range: { start: cursor, end: cursor }, newText: 'config_class' });
  });

  it('registryLens/explain returns the winner and the trace, and the rendered text', async () => {
    const result = await c.request<ExplainResult>('registryLens/explain', {
      uri: c.uri(ALICE),
      step: 'Package',
      context: 'alice',
    });
    const e = result.explanation;
    assert.equal(result.folder, c.uri(''));
    assert.equal(e.found, true);
    assert.deepEqual(
      [e.winner?.source, e.winner?.file, show(e.winner?.range ?? range('core-xgb-key'))],
      ['override:alice', ALICE, show(range('alice-package-key'))],
    );
    assert.deepEqual(
      e.trace.map((t) => [t.layer, t.hit, t.file]),
      [
        ['override:alice', true, ALICE],
        ['local:alice', false, ALICE],
        ['core', true, CORE],
      ],
    );
    assert.equal(e.strategy?.name, 'workspace_priority');
    assert.deepEqual(
      e.shadowed.map((s) => s.source),
      ['core'],
    );
    const { line, character } = range('alice-package-key').start;
    assert.ok(result.text.startsWith('Explain Resolution: Package\nContext: alice'), result.text);
    assert.ok(result.text.includes(`Winner: override:alice  ${ALICE}:${line + 1}:${character + 1}`), result.text);
  });

  it('the active context set by registryLens/setContext is the default for explain', async () => {
    const set = await c.request<string[]>('registryLens/setContext', { context: 'alice' });
    assert.deepEqual(set, [c.uri('')]);
    await c.waitFor('status in alice', () =>
      c.notifications.find(
        (n) => n.method === 'registryLens/status' && (n.params as { context: string }).context === 'alice',
      ),
    );
    const result = await c.request<ExplainResult>('registryLens/explain', { step: 'Package' });
    assert.equal(result.explanation.context, 'alice');
    assert.equal(result.explanation.winner?.source, 'override:alice');
  });

  it('registryLens/stepAt and registryLens/contexts feed the client pickers', async () => {
    const step = await c.request<string | null>('registryLens/stepAt', {
      uri: c.uri(CORE),
      position: range('core-xgb-key').start,
    });
    assert.equal(step, 'XGBoostTraining');
    const folders = await c.request<{ folder: string; active: string; contexts: { id: string }[] }[]>(
      'registryLens/contexts',
      {},
    );
    assert.deepEqual(
      folders.map((f) => [f.folder, f.active, f.contexts.map((x) => x.id)]),
      [[c.uri(''), 'core', ['core', 'alice', 'bob']]],
    );
    const forAlice = await c.request<{ current?: string }[]>('registryLens/contexts', { uri: c.uri(ALICE) });
    assert.equal(
      forAlice[0]?.current,
      'alice',
      "the context of the file the request names, offered first by the client's pick",
    );
  });

  it('rename of a core step edits every registry, with the version of open documents', async () => {
    await c.open(ALICE, text(ALICE));
    const at = { textDocument: { uri: c.uri(CORE) }, position: range('core-package-key').start };
    const prepared = await c.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', at);
    assert.deepEqual(prepared, { range: inner(range('core-package-key')), placeholder: 'Package' });
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'Packaging' });
    assert.deepEqual(edit.documentChanges, [
      {
        textDocument: { uri: c.uri(ALICE), version: 1 },
        edits: [{ range: inner(range('alice-package-key')), newText: 'Packaging' }],
      },
      {
        textDocument: { uri: c.uri(CORE), version: null },
        edits: [{ range: inner(range('core-package-key')), newText: 'Packaging' }],
      },
    ]);
  });

  it('the RL004 quick fix replaces the misspelled override key', async () => {
    const actions = await c.request<{ title: string; isPreferred?: boolean; edit: WorkspaceEdit }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: c.uri(BOB) }, range: range('bob-pakage-key'), context: { diagnostics: [] } },
    );
    assert.deepEqual(
      actions
        .filter((a) => !a.title.startsWith('Suppress'))
        .map((a) => [a.title, a.isPreferred, a.edit.documentChanges]),
      [
        [
          "Override 'Package' instead",
          true,
          [
            {
              textDocument: { uri: c.uri(BOB), version: null },
              edits: [{ range: inner(range('bob-pakage-key')), newText: 'Package' }],
            },
          ],
        ],
      ],
    );
    assert.ok(actions.some((a) => a.title === 'Suppress RL004 on this line'));
  });

  it('Fix all (source.fixAll.registryLens) returns the unambiguous fixes of the file as one action, then says what it did', async () => {
    const typo = text(BOB).replace('"description": "typo of Package"', '"descriptoin": "typo of Package"');
    await c.open(BOB, typo);
    const fixAll = async (): Promise<{ title: string; kind: string; edit: WorkspaceEdit; command?: Command }[]> =>
      c.request('textDocument/codeAction', {
        textDocument: { uri: c.uri(BOB) },
        range: range('bob-pakage-key'),
        context: { diagnostics: [], only: ['source.fixAll.registryLens'] },
      });
    const actions = await fixAll();
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.registryLens'],
    );
    const edits = (actions[0]?.edit.documentChanges ?? []) as { edits: { newText: string }[] }[];
    assert.deepEqual(
      edits.flatMap((e) => e.edits.map((x) => x.newText)),
      ['description'],
    );
    // the client's command, run once the edit is applied, reports it
    const done = { edits: 1, files: [BOB], created: [] };
    assert.deepEqual(actions[0]?.command, {
      title: 'What Fix All did',
      command: 'registryLens.fixAllDone',
      arguments: [done],
    });
    assert.equal(fixAllMessage(done), 'Registry Lens Fix All: 1 edit in workspace_registry.py.');
    assert.equal(
      fixAllMessage({ edits: 3, files: ['a/x.py', 'b/y.py'], created: ['c/s.py', 'c/t.py'] }),
      'Registry Lens Fix All: 3 edits in 2 files, 2 files created (s.py, t.py).',
    );
    const quick = await c.request<{ kind: string }[]>('textDocument/codeAction', {
      textDocument: { uri: c.uri(BOB) },
      range: range('bob-pakage-key'),
      context: { diagnostics: [] },
    });
    assert.ok(quick.every((a) => a.kind === 'quickfix'));
  });
});
