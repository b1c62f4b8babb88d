// The user-visible checks of the end-to-end suite, through the vscode API inside the extension host
// (diagnostics of files never opened, hover, definition, Explain Resolution, a conflict typed and
// undone, Fix all and suppression code actions — offered, never applied: the folder is the checkout;
// the language-model tools invoked as an agent would, through vscode.lm.invokeTool). Runs on examples/demo-workspace, in code-server (npm run test:e2e) or @vscode/test-electron.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import * as vscode from 'vscode';

const EXTENSION_ID = 'registry-lens.registry-lens';
const WS = 'developer_workspaces/developers';
const ALICE = `${WS}/alice_ml/src/cursus_dev/registry/workspace_registry.py`;
const BOB = `${WS}/bob_nlp/src/cursus_dev/registry/workspace_registry.py`;
const CAROL = `${WS}/carol_vision/src/cursus_dev/registry/workspace_registry.py`;
const BUILDER = `${WS}/alice_ml/src/cursus_dev/steps/builders/builder_enhanced_xgboost_training_step.py`;

interface Expected {
  code: string;
  file: string;
  line: number;
  character: number;
  text: string;
  severity: string;
}
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs examples/demo-workspace open as the workspace folder');
  return folder.uri;
}
const uri = (rel: string): vscode.Uri => vscode.Uri.joinPath(root(), rel);
const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

/** Polls `probe` until it returns a truthy value (no fixed sleeps). */
async function poll<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Registry Lens in the extension host', () => {
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    // activation comes from workspaceContains:**/registry/step_names.py; wait for it rather than forcing it
    await poll('the extension to activate', () => ext.isActive, 60_000);
  });

  it('reports every seeded problem of the example, in files never opened', async () => {
    const expected = JSON.parse(readFileSync(uri('EXPECTED.json').fsPath, 'utf8')) as Expected[];
    const missing = (): string[] =>
      expected
        .filter(
          (e) =>
            !vscode.languages
              .getDiagnostics(uri(e.file))
              .some(
                (d) =>
                  codeOf(d) === e.code &&
                  d.range.start.line === e.line &&
                  d.range.start.character === e.character &&
                  d.severity === SEVERITY[e.severity],
              ),
        )
        .map((e) => `${e.code} ${e.file}:${e.line}:${e.character}`);
    await poll('the expected diagnostics', () => missing().length === 0, 60_000).catch(() =>
      assert.deepEqual(missing(), []),
    );
    const opened = vscode.workspace.textDocuments
      .filter((d) => d.uri.scheme === 'file')
      .map((d) => vscode.workspace.asRelativePath(d.uri));
    assert.ok(!opened.includes(ALICE) && !opened.includes(BOB), `registries were opened: ${opened.join(', ')}`);
  });

  it('hover on a workspace step says where it resolved from', async () => {
    // alice_ml STEP_OVERRIDES: "XGBoostTraining" (line 70, 1-based)
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri(ALICE),
      new vscode.Position(69, 8),
    );
    const text = hoverText(hovers);
    assert.match(text, /XGBoostTraining/);
    assert.match(text, /override:alice_ml/);
    assert.match(text, /resolved in context `?alice_ml`?/);
    assert.match(text, /Shadows: `?core`? \(`?src\/cursus\/registry\/step_names\.py:\d+/);
  });

  it('definition of a builder_step_name is the builder class', async () => {
    // "builder_step_name": "EnhancedXGBoostTrainingStepBuilder" (line 72, 1-based)
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      uri(ALICE),
      new vscode.Position(71, 35),
    );
    assert.equal(defs.length, 1, JSON.stringify(defs));
    const d = defs[0]!;
    const target = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetUri' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
    assert.equal(vscode.workspace.asRelativePath(target), BUILDER);
    const doc = await vscode.workspace.openTextDocument(target);
    assert.match(doc.lineAt(range.start.line).text, /^class EnhancedXGBoostTrainingStepBuilder\b/);
  });

  it('Explain Resolution opens the explain document with the trace', async () => {
    await vscode.commands.executeCommand('registryLens.explainResolution', {
      uri: uri(ALICE).toString(),
      step: 'XGBoostTraining',
      context: 'alice_ml',
    });
    const editor = await poll('the explain document', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'registry-explain' ? e : undefined;
    });
    assert.equal(editor.document.languageId, 'registry-explain');
    const text = editor.document.getText();
    assert.match(text, /^Explain Resolution: XGBoostTraining\nContext: alice_ml +Mode: isolated\n/);
    assert.match(text, /'XGBoostTraining' resolves to override:alice_ml in context 'alice_ml' \(isolated\)/);
    assert.match(
      text,
      /Trace:\n +✓ hit +override:alice_ml +developer_workspaces\/developers\/alice_ml\/src\/cursus_dev\/registry\/workspace_registry\.py:70:5\n +· miss +local:alice_ml .*\n +✓ hit +core +src\/cursus\/registry\/step_names\.py:\d+:5\n/,
    );
    assert.match(text, /Winner: override:alice_ml/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a conflicting local step typed into a workspace registry is reported in both workspaces, and undo removes it', async () => {
    const doc = await vscode.workspace.openTextDocument(uri(CAROL));
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const line = original.split('\n').findIndex((l) => l.startsWith('LOCAL_STEPS = {'));
    assert.ok(line >= 0);
    const entry =
      '\n    "SentenceEmbedding": {"sagemaker_step_type": "Processing", "description": "Caption embeddings, copied from bob_nlp"},';
    const conflict = (rel: string) =>
      vscode.languages
        .getDiagnostics(uri(rel))
        .filter((d) => codeOf(d) === 'RL002' && d.message.includes('SentenceEmbedding'));
    assert.deepEqual(conflict(CAROL), []);
    const t0 = Date.now();
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 'LOCAL_STEPS = {'.length), entry)));
    await poll(
      'RL002 in carol_vision and bob_nlp',
      () => conflict(CAROL).length === 1 && conflict(BOB).length === 1,
      10_000,
    );
    const ms = Date.now() - t0;
    assert.ok(ms < 5_000, `the conflict took ${ms} ms to appear`);
    await vscode.commands.executeCommand('undo');
    await poll('the undo', () => doc.getText() === original, 5_000);
    await poll('RL002 to disappear', () => conflict(CAROL).length === 0 && conflict(BOB).length === 0, 10_000);
    assert.equal(doc.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('code actions: Fix all (source.fixAll.registryLens) for the file, and a suppression quick fix per diagnostic', async () => {
    await vscode.workspace.openTextDocument(uri(ALICE)); // code action providers run on a loaded model
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri(ALICE),
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.registryLens',
    );
    const ours = fixAll.filter((a) => a.kind?.value === 'source.fixAll.registryLens');
    assert.equal(ours.length, 1, JSON.stringify(fixAll.map((a) => [a.title, a.kind?.value])));
    const edits = ours[0]?.edit?.get(uri(ALICE)) ?? [];
    assert.deepEqual(edits.map((e) => e.newText).sort(), ['Processing', 'builder_step_name']);
    const rl003 = vscode.languages.getDiagnostics(uri(ALICE)).find((d) => codeOf(d) === 'RL003');
    assert.ok(rl003);
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri(ALICE),
      rl003.range,
    );
    const suppress = quick.find((a) => a.title === 'Suppress RL003 on this line');
    assert.ok(suppress, quick.map((a) => a.title).join(' | '));
    assert.match(suppress.edit?.get(uri(ALICE))?.[0]?.newText ?? '', /^ {2}# registry-lens: ignore\[RL003\]$/);
  });

  describe('language-model tools (vscode.lm, as Copilot agent mode calls them)', () => {
    const TOOLS = ['check', 'explain', 'fixes', 'graph', 'list', 'locate'].map((n) => `registry-lens_${n}`);
    interface Doc {
      [key: string]: unknown;
    }

    /** Invokes a tool as an agent does; returns its prose line(s) and its JSON document(s). */
    async function invoke(name: string, input: object): Promise<{ lines: string[]; docs: Doc[] }> {
      const result = await vscode.lm.invokeTool(
        name,
        { input, toolInvocationToken: undefined },
        new vscode.CancellationTokenSource().token,
      );
      const texts = result.content
        .filter((p): p is vscode.LanguageModelTextPart => p instanceof vscode.LanguageModelTextPart)
        .map((p) => p.value);
      assert.equal(texts.length, result.content.length, 'every part is text');
      return {
        lines: texts.filter((t) => !t.startsWith('{')),
        docs: texts.filter((t) => t.startsWith('{')).map((t) => JSON.parse(t) as Doc),
      };
    }

    /** The CLI's JSON document of the same folder (bundled dist/cli.js, run by the extension host's Node). */
    async function cli(args: string[]): Promise<Doc> {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext);
      const run = await promisify(execFile)(
        process.execPath,
        [vscode.Uri.joinPath(ext.extensionUri, 'dist', 'cli.js').fsPath, ...args, '--format', 'json'],
        { maxBuffer: 1 << 24 },
      ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' })); // explain exits 1 when not found, check on errors
      return JSON.parse(run.stdout) as Doc;
    }
    const withoutMs = (doc: Doc | undefined): unknown => ({
      ...doc,
      summary: { ...(doc?.['summary'] as object), ms: 0 },
    });
    /** A paged document as the CLI prints it whole: without its page (and, but for check's, the summary paging adds). */
    const whole = (doc: Doc | undefined): Doc => {
      const { page: _page, ...rest } = doc ?? {};
      if ('diagnostics' in rest) return rest;
      const { summary: _summary, ...document } = rest;
      return document;
    };
    /** A page as large as any answer. */
    const ALL = { limit: 100_000 };

    it('vscode.lm.tools lists the six tools with their schemas and tags', () => {
      assert.equal(typeof vscode.lm.invokeTool, 'function', `no language-model tool API in VS Code ${vscode.version}`);
      const ours = vscode.lm.tools.filter((t) => TOOLS.includes(t.name));
      assert.deepEqual(ours.map((t) => t.name).sort(), TOOLS);
      for (const t of ours) {
        assert.ok(t.tags.includes('registry-lens'), `${t.name} tags: ${t.tags.join(', ')}`);
        assert.ok(t.description.length > 200, `${t.name} has a description written for a model`);
        assert.equal((t.inputSchema as { type?: string } | undefined)?.type, 'object');
      }
      const explain = ours.find((t) => t.name === 'registry-lens_explain');
      assert.deepEqual((explain?.inputSchema as { required?: string[] }).required, ['name']);
    });

    it("explain: the CLI's explain document of a demo step, and an error naming the workspaces for an unknown one", async () => {
      const { lines, docs } = await invoke('registry-lens_explain', { name: 'XGBoostTraining', workspace: 'alice_ml' });
      assert.equal(docs.length, 1);
      assert.match(
        lines[0] ?? '',
        /'XGBoostTraining' resolves to override:alice_ml in context 'alice_ml' \(isolated\)/,
      );
      assert.ok(lines[0]?.includes(`relative to ${root().fsPath})`), lines[0]);
      assert.deepEqual(
        docs[0],
        await cli(['explain', 'XGBoostTraining', '--root', root().fsPath, '--workspace', 'alice_ml']),
      );
      assert.equal((docs[0]?.['winner'] as { source: string }).source, 'override:alice_ml');
      await assert.rejects(
        invoke('registry-lens_explain', { name: 'XGBoostTraining', workspace: 'nobody' }),
        /unknown workspace 'nobody'; known: alice_ml@\S+aaron_dup, alice_ml, /,
      );
    });

    it("check: every seeded problem of EXPECTED.json, and the CLI's check document", async () => {
      const expected = JSON.parse(readFileSync(uri('EXPECTED.json').fsPath, 'utf8')) as Expected[];
      const { lines, docs } = await invoke('registry-lens_check', ALL);
      assert.equal(docs.length, 1);
      assert.match(
        lines[0] ?? '',
        /^Registry Lens check of workspace folder 'demo-workspace' .*: \d+ errors, \d+ warnings/,
      );
      const diagnostics = docs[0]?.['diagnostics'] as {
        file: string;
        code: string;
        severity: string;
        range: vscode.Range;
      }[];
      const missing = expected.filter(
        (e) =>
          !diagnostics.some(
            (d) =>
              d.file === e.file &&
              d.code === e.code &&
              d.severity === e.severity &&
              d.range.start.line === e.line &&
              d.range.start.character === e.character,
          ),
      );
      assert.deepEqual(missing, []);
      assert.deepEqual(withoutMs(whole(docs[0])), withoutMs(await cli(['check', root().fsPath])));
      // Without a limit: the first page (the demo's 19 fit in it); with one, a page, the summary counting them all,
      // the line saying how to ask for the next, and the next.
      const byDefault = await invoke('registry-lens_check', {});
      assert.ok(diagnostics.length <= 20, 'the demo fits in the default page');
      assert.deepEqual(byDefault.docs[0]?.['page'], {
        total: diagnostics.length,
        offset: 0,
        returned: diagnostics.length,
        nextCursor: null,
      });
      const first = await invoke('registry-lens_check', { limit: 5 });
      const page = first.docs[0]?.['page'] as { total: number; returned: number; nextCursor: string };
      assert.deepEqual([page.total, page.returned], [diagnostics.length, 5]);
      assert.deepEqual(first.docs[0]?.['summary'], {
        ...(docs[0]?.['summary'] as object),
        ms: (first.docs[0]?.['summary'] as { ms: number }).ms,
      });
      assert.ok(
        first.lines[0]?.endsWith(
          `Showing diagnostics 1–5 of ${diagnostics.length}; pass cursor "${page.nextCursor}" for the next page.`,
        ),
        first.lines[0],
      );
      const next = await invoke('registry-lens_check', { cursor: page.nextCursor, limit: 5 });
      assert.deepEqual(next.docs[0]?.['diagnostics'], diagnostics.slice(5, 10));
      const narrowed = await invoke('registry-lens_check', { paths: [ALICE], severity: 'warning' });
      const kept = narrowed.docs[0]?.['diagnostics'] as { file: string; related: { file: string }[] }[];
      assert.ok(kept.some((d) => d.file === ALICE));
      for (const d of kept)
        assert.ok(
          d.file === ALICE || d.related.some((r) => r.file === ALICE),
          `${d.file} is neither ${ALICE} nor related to it`,
        );
    });

    it("list: the steps of the demo's core and of a workspace, with their sources", async () => {
      const core = await invoke('registry-lens_list', ALL);
      const steps = core.docs[0]?.['steps'] as { name: string; source: string }[];
      assert.equal(core.docs[0]?.['context'], 'core');
      for (const name of ['XGBoostTraining', 'TabularPreprocessing', 'PyTorchTraining'])
        assert.ok(
          steps.some((s) => s.name === name && s.source === 'core'),
          name,
        );
      const alice = await invoke('registry-lens_list', { workspace: 'alice_ml', ...ALL });
      assert.deepEqual(whole(alice.docs[0]), await cli(['list', '--root', root().fsPath, '--workspace', 'alice_ml']));
      assert.ok(
        (alice.docs[0]?.['steps'] as { name: string; source: string }[]).some(
          (s) => s.name === 'XGBoostTraining' && s.source === 'override:alice_ml',
        ),
      );
    });

    it('check sees an unsaved edit: a conflicting step typed into carol_vision, before it is saved', async () => {
      const doc = await vscode.workspace.openTextDocument(uri(CAROL));
      const editor = await vscode.window.showTextDocument(doc);
      const original = doc.getText();
      const line = original.split('\n').findIndex((l) => l.startsWith('LOCAL_STEPS = {'));
      const entry =
        '\n    "SentenceEmbedding": {"sagemaker_step_type": "Processing", "description": "Caption embeddings, copied from bob_nlp"},';
      const conflicts = async (): Promise<string[]> => {
        const { docs } = await invoke('registry-lens_check', { paths: [CAROL, BOB], codes: ['RL002'] });
        return (docs[0]?.['diagnostics'] as { file: string; message: string }[])
          .filter((d) => d.message.includes('SentenceEmbedding'))
          .map((d) => d.file)
          .sort();
      };
      assert.deepEqual(await conflicts(), []);
      try {
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 'LOCAL_STEPS = {'.length), entry)));
        assert.ok(doc.isDirty);
        assert.deepEqual(
          await poll(
            'the check tool to see the typed conflict',
            async () => {
              const files = await conflicts();
              return files.length === 2 ? files : undefined;
            },
            10_000,
          ),
          [BOB, CAROL].sort(),
        );
        assert.ok(doc.isDirty, 'still unsaved');
        assert.equal(readFileSync(uri(CAROL).fsPath, 'utf8'), original, 'nothing written');
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
      await poll('the conflict to go with the revert', async () => (await conflicts()).length === 0, 10_000);
    });
  });
});
