// The user-visible checks of the end-to-end suite, through the vscode API inside the extension host
// (diagnostics of files never opened, hover, definition, Explain Resolution, a conflict typed and
// undone, Fix all and suppression code actions — offered, never applied: the folder is the checkout). Runs on examples/demo-workspace, in code-server (npm run test:e2e) or @vscode/test-electron.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'registry-lens.registry-lens';
const WS = 'developer_workspaces/developers';
const ALICE = `${WS}/alice_ml/src/cursus_dev/registry/workspace_registry.py`;
const BOB = `${WS}/bob_nlp/src/cursus_dev/registry/workspace_registry.py`;
const CAROL = `${WS}/carol_vision/src/cursus_dev/registry/workspace_registry.py`;
const BUILDER = `${WS}/alice_ml/src/cursus_dev/steps/builders/builder_enhanced_xgboost_training_step.py`;

interface Expected { code: string; file: string; line: number; character: number; text: string; severity: string }
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
async function poll<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
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
    const missing = (): string[] => expected.filter((e) => !vscode.languages.getDiagnostics(uri(e.file)).some((d) =>
      codeOf(d) === e.code && d.range.start.line === e.line && d.range.start.character === e.character && d.severity === SEVERITY[e.severity]))
      .map((e) => `${e.code} ${e.file}:${e.line}:${e.character}`);
    await poll('the expected diagnostics', () => missing().length === 0, 60_000).catch(() => assert.deepEqual(missing(), []));
    const opened = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => vscode.workspace.asRelativePath(d.uri));
    assert.ok(!opened.includes(ALICE) && !opened.includes(BOB), `registries were opened: ${opened.join(', ')}`);
  });

  it('hover on a workspace step says where it resolved from', async () => {
    // alice_ml STEP_OVERRIDES: "XGBoostTraining" (line 70, 1-based)
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(ALICE), new vscode.Position(69, 8));
    const text = hoverText(hovers);
    assert.match(text, /XGBoostTraining/);
    assert.match(text, /override:alice_ml/);
    assert.match(text, /resolved in context `?alice_ml`?/);
    assert.match(text, /Shadows: `?core`? \(`?src\/cursus\/registry\/step_names\.py:\d+/);
  });

  it('definition of a builder_step_name is the builder class', async () => {
    // "builder_step_name": "EnhancedXGBoostTrainingStepBuilder" (line 72, 1-based)
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', uri(ALICE), new vscode.Position(71, 35));
    assert.equal(defs.length, 1, JSON.stringify(defs));
    const d = defs[0]!;
    const target = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetUri' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
    assert.equal(vscode.workspace.asRelativePath(target), BUILDER);
    const doc = await vscode.workspace.openTextDocument(target);
    assert.match(doc.lineAt(range.start.line).text, /^class EnhancedXGBoostTrainingStepBuilder\b/);
  });

  it('Explain Resolution opens the explain document with the trace', async () => {
    await vscode.commands.executeCommand('registryLens.explainResolution', { uri: uri(ALICE).toString(), step: 'XGBoostTraining', context: 'alice_ml' });
    const editor = await poll('the explain document', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'registry-explain' ? e : undefined;
    });
    assert.equal(editor.document.languageId, 'registry-explain');
    const text = editor.document.getText();
    assert.match(text, /^Explain Resolution: XGBoostTraining\nContext: alice_ml +Mode: isolated\n/);
    assert.match(text, /'XGBoostTraining' resolves to override:alice_ml in context 'alice_ml' \(isolated\)/);
    assert.match(text, /Trace:\n +✓ hit +override:alice_ml +developer_workspaces\/developers\/alice_ml\/src\/cursus_dev\/registry\/workspace_registry\.py:70:5\n +· miss +local:alice_ml .*\n +✓ hit +core +src\/cursus\/registry\/step_names\.py:\d+:5\n/);
    assert.match(text, /Winner: override:alice_ml/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('a conflicting local step typed into a workspace registry is reported in both workspaces, and undo removes it', async () => {
    const doc = await vscode.workspace.openTextDocument(uri(CAROL));
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const line = original.split('\n').findIndex((l) => l.startsWith('LOCAL_STEPS = {'));
    assert.ok(line >= 0);
    const entry = '\n    "SentenceEmbedding": {"sagemaker_step_type": "Processing", "description": "Caption embeddings, copied from bob_nlp"},';
    const conflict = (rel: string) => vscode.languages.getDiagnostics(uri(rel)).filter((d) => codeOf(d) === 'RL002' && d.message.includes('SentenceEmbedding'));
    assert.deepEqual(conflict(CAROL), []);
    const t0 = Date.now();
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 'LOCAL_STEPS = {'.length), entry)));
    await poll('RL002 in carol_vision and bob_nlp', () => conflict(CAROL).length === 1 && conflict(BOB).length === 1, 10_000);
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
      'vscode.executeCodeActionProvider', uri(ALICE), new vscode.Range(0, 0, 0, 0), 'source.fixAll.registryLens');
    const ours = fixAll.filter((a) => a.kind?.value === 'source.fixAll.registryLens');
    assert.equal(ours.length, 1, JSON.stringify(fixAll.map((a) => [a.title, a.kind?.value])));
    const edits = ours[0]?.edit?.get(uri(ALICE)) ?? [];
    assert.deepEqual(edits.map((e) => e.newText).sort(), ['Processing', 'builder_step_name']);
    const rl003 = vscode.languages.getDiagnostics(uri(ALICE)).find((d) => codeOf(d) === 'RL003');
    assert.ok(rl003);
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(ALICE), rl003.range);
    const suppress = quick.find((a) => a.title === 'Suppress RL003 on this line');
    assert.ok(suppress, quick.map((a) => a.title).join(' | '));
    assert.match(suppress.edit?.get(uri(ALICE))?.[0]?.newText ?? '', /^ {2}# registry-lens: ignore\[RL003\]$/);
  });
});
