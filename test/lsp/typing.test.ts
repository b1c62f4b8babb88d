// Typing publishes each keystroke's diagnostics once, complete (issue 52 item 4: the warning count
// toggled while an entry was typed). An entry whose name another workspace defines (RL002 in both
// registries) is typed into carol_vision's LOCAL_STEPS character by character, as VS Code types it
// (quotes and braces closed by the editor, overtyped when typed again). After each keystroke a request
// waits for that version's analysis: every file was published at most once since the last one, each
// file whose list a fresh analysis of the new text changes was published, and every list published is
// the one a fresh analysis of that text gives.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RegistryEngine } from '../../server/src/engine/engine';
import { feedEngine } from '../../server/src/host/feedEngine';
import { feedOptions } from '../../server/src/host/openRoot';
import { readSettings } from '../../server/src/host/readSettings';
import { rereader } from '../../server/src/host/readText';
import { wasm } from '../engine/helpers';
import { loadExample } from '../engine/randomEdits';
import { TestClient } from './client';

const DEMO = join(__dirname, '../../examples/demo-workspace');
const CAROL = 'developer_workspaces/developers/carol_vision/src/cursus_dev/registry/workspace_registry.py';
/** alice_ml defines FeatureStoreSync: the typed entry makes an RL002 in both registries once its name is whole. */
const KEYS = '\n"FeatureStoreSync": {"description": "x"},';
const CLOSING: Record<string, string> = { '"': '"', '{': '}' };

type Position = { line: number; character: number };
interface Edit { range: { start: Position; end: Position }; text: string }

/**
 * The edits VS Code sends for `keys` typed at `line:character` of `text` (Enter indents as the line
 * above; an opening quote or brace gets its closing one; a closing one typed before its twin moves
 * past it, no edit), each with the document's text after it.
 */
function typed(text: string, line: number, character: number, keys: string): { edit: Edit; text: string }[] {
  const lines = text.split('\n');
  const out: { edit: Edit; text: string }[] = [];
  let col = character;
  for (const key of keys) {
    const current = lines[line] as string;
    if (key !== '\n' && current[col] === key && (key === '"' || key === '}')) { col++; continue; }
    const insert = key === '\n' ? '\n    ' : key + (CLOSING[key] ?? '');
    const at = { line, character: col };
    if (key === '\n') {
      lines.splice(line, 1, current.slice(0, col), `    ${current.slice(col)}`);
      line++;
      col = 4;
    } else {
      lines[line] = current.slice(0, col) + insert + current.slice(col);
      col++;
    }
    out.push({ edit: { range: { start: at, end: at }, text: insert }, text: lines.join('\n') });
  }
  return out;
}

/** A file's list as compared: code, start and message of each diagnostic. */
const shown = (ds: readonly { code?: unknown; message: unknown; range: Diagnostic['range'] }[]): string[] =>
  ds.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character} ${String(d.message)}`).sort();

/** Every non-empty list of a fresh analysis of the copy at `dir`, carol's registry holding `text`. */
async function freshWith(dir: string, text: string): Promise<Map<string, string[]>> {
  writeFileSync(join(dir, CAROL), text);
  const folder = readSettings(dir, () => {});
  const engine = await RegistryEngine.create(wasm, folder.engine, { reread: rereader(dir, () => folder.maxFileBytes) });
  await feedEngine(engine, dir, feedOptions(folder, () => {}));
  const lists = new Map<string, string[]>();
  for (const file of engine.files()) {
    const list = shown(engine.diagnostics(file));
    if (list.length > 0) lists.set(file, list);
  }
  return lists;
}

describe('lsp: typing publishes each keystroke once, complete', () => {
  let c: TestClient | undefined;
  let copy: string | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('an entry typed into carol_vision\'s registry: one publication per changed file per keystroke', async function () {
    this.timeout(180_000);
    const files = loadExample('demo-workspace');
    copy = mkdtempSync(join(tmpdir(), 'registry-lens-typing-'));
    cpSync(DEMO, copy, { recursive: true });
    c = await TestClient.start(files);
    const client = c;
    await client.loaded();
    const original = files.get(CAROL) as string;
    await client.open(CAROL, original);
    const symbols = { textDocument: { uri: client.uri(CAROL) } };
    const barrier = (): Promise<unknown> => client.request('textDocument/documentSymbol', symbols);
    await barrier();
    const lines = original.split('\n');
    const end = lines.findIndex((l, i) => i > lines.findIndex((x) => x.startsWith('LOCAL_STEPS')) && l === '    },');
    const uriOf = new Map([...files.keys()].map((rel) => [client.uri(rel), rel]));
    let before = await freshWith(copy, original);
    const problems: string[] = [];
    let conflicted = false;
    for (const [i, { edit, text }] of typed(original, end, 6, KEYS).entries()) {
      const mark = client.notifications.length;
      await client.change(CAROL, edit.range, edit.text);
      await barrier();
      const fresh = await freshWith(copy, text);
      const published = new Map<string, string[][]>();
      for (const n of client.notifications.slice(mark)) {
        if (n.method !== 'textDocument/publishDiagnostics') continue;
        const p = n.params as { uri: string; diagnostics: Diagnostic[] };
        const rel = uriOf.get(p.uri) ?? p.uri;
        published.set(rel, [...(published.get(rel) ?? []), shown(p.diagnostics)]);
      }
      const key = `keystroke ${i + 1} (${JSON.stringify(edit.text)})`;
      for (const [rel, lists] of published) {
        if (lists.length > 1) problems.push(`${key}: ${rel} published ${lists.length} times`);
        const want = JSON.stringify(fresh.get(rel) ?? []);
        if (lists.some((l) => JSON.stringify(l) !== want)) problems.push(`${key}: ${rel} published a list not fresh`);
      }
      for (const rel of new Set([...before.keys(), ...fresh.keys()])) {
        const changed = JSON.stringify(before.get(rel) ?? []) !== JSON.stringify(fresh.get(rel) ?? []);
        if (changed && !published.has(rel)) problems.push(`${key}: ${rel} changed and was not published`);
      }
      conflicted ||= (fresh.get(CAROL) ?? []).some((d) => d.startsWith('RL002') && d.includes('FeatureStoreSync'));
      before = fresh;
    }
    assert.deepEqual(problems, []);
    assert.ok(conflicted, 'the typed name conflicts with alice_ml\'s (RL002) once whole');
  });
});
