// Typing publishes each keystroke's diagnostics once, complete (issue 52 item 4: the warning count
// toggled while an entry was typed). An entry whose name another workspace defines (RL002 in both
// registries) is typed into carol_vision's LOCAL_STEPS character by character, as VS Code types it
// (quotes and braces closed by the editor, overtyped when typed again). After each keystroke a request
// waits for that version's analysis: every file was published at most once since the last one, each
// file whose list a fresh analysis of the new text changes was published, and every list published is
// the one a fresh analysis of that text gives. Typed without waiting (edits queued while an analysis
// runs), every list a file gets is a fresh analysis's of one of the texts typed, in the order typed.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RegistryEngine } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
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
interface Edit {
  range: { start: Position; end: Position };
  text: string;
}

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
    if (key !== '\n' && current[col] === key && (key === '"' || key === '}')) {
      col++;
      continue;
    }
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
  await Feeder.wholeRoot(
    engine,
    dir,
    feedOptions(folder, () => {}),
  ).feedRoot();
  const lists = new Map<string, string[]>();
  for (const file of engine.files()) {
    const list = shown(engine.diagnostics(file));
    if (list.length > 0) lists.set(file, list);
  }
  return lists;
}

/** A file's publications since notification `mark`, by root-relative path. */
function publishedSince(client: TestClient, mark: number, uriOf: ReadonlyMap<string, string>): Map<string, string[][]> {
  const published = new Map<string, string[][]>();
  for (const n of client.notifications.slice(mark)) {
    if (n.method !== 'textDocument/publishDiagnostics') continue;
    const p = n.params as { uri: string; diagnostics: Diagnostic[] };
    const rel = uriOf.get(p.uri) ?? p.uri;
    published.set(rel, [...(published.get(rel) ?? []), shown(p.diagnostics)]);
  }
  return published;
}

describe('lsp: typing publishes each keystroke once, complete', function () {
  this.timeout(180_000);
  const files = loadExample('demo-workspace');
  const original = files.get(CAROL) as string;
  const lines = original.split('\n');
  const end = lines.findIndex((l, i) => i > lines.findIndex((x) => x.startsWith('LOCAL_STEPS')) && l === '    },');
  const keystrokes = typed(original, end, 6, KEYS);
  /** A fresh analysis's lists before the first keystroke (0) and after each. */
  const fresh: Map<string, string[]>[] = [];
  let c: TestClient | undefined;

  before(async () => {
    const copy = mkdtempSync(join(tmpdir(), 'registry-lens-typing-'));
    try {
      cpSync(DEMO, copy, { recursive: true });
      for (const text of [original, ...keystrokes.map((k) => k.text)]) fresh.push(await freshWith(copy, text));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    const conflict = (d: string): boolean => d.startsWith('RL002') && d.includes('FeatureStoreSync');
    assert.ok(
      fresh.some((f) => (f.get(CAROL) ?? []).some(conflict)),
      "the typed name conflicts with alice_ml's (RL002) once whole",
    );
  });
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  /** A server on the demo with carol's registry open and analysed; a request waiting for every change before it. */
  type Started = { client: TestClient; barrier: () => Promise<unknown>; uriOf: Map<string, string> };
  async function started(): Promise<Started> {
    const client = (c = await TestClient.start(files));
    await client.loaded();
    await client.open(CAROL, original);
    const symbols = { textDocument: { uri: client.uri(CAROL) } };
    const barrier = (): Promise<unknown> => client.request('textDocument/documentSymbol', symbols);
    await barrier();
    return { client, barrier, uriOf: new Map([...files.keys()].map((rel) => [client.uri(rel), rel])) };
  }

  it("keystroke by keystroke: one publication per changed file, a fresh analysis's list", async () => {
    const { client, barrier, uriOf } = await started();
    const problems: string[] = [];
    for (const [i, { edit }] of keystrokes.entries()) {
      const mark = client.notifications.length;
      await client.change(CAROL, edit.range, edit.text);
      await barrier();
      const [before, after] = [fresh[i] as Map<string, string[]>, fresh[i + 1] as Map<string, string[]>];
      const published = publishedSince(client, mark, uriOf);
      const key = `keystroke ${i + 1} (${JSON.stringify(edit.text)})`;
      for (const [rel, lists] of published) {
        if (lists.length > 1) problems.push(`${key}: ${rel} published ${lists.length} times`);
        const want = JSON.stringify(after.get(rel) ?? []);
        if (lists.some((l) => JSON.stringify(l) !== want)) problems.push(`${key}: ${rel} published a list not fresh`);
      }
      for (const rel of new Set([...before.keys(), ...after.keys()])) {
        const changed = JSON.stringify(before.get(rel) ?? []) !== JSON.stringify(after.get(rel) ?? []);
        if (changed && !published.has(rel)) problems.push(`${key}: ${rel} changed and was not published`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("typed without waiting: each list published is a fresh analysis's of a text typed, in order", async () => {
    const { client, barrier, uriOf } = await started();
    const mark = client.notifications.length;
    for (const { edit } of keystrokes) await client.change(CAROL, edit.range, edit.text);
    await barrier();
    const problems: string[] = [];
    for (const [rel, lists] of publishedSince(client, mark, uriOf)) {
      // The earliest text (not before the last one matched) whose fresh analysis gives each list in turn.
      let at = 0;
      for (const list of lists) {
        const listed = (k: number): string => JSON.stringify((fresh[k] as Map<string, string[]>).get(rel) ?? []);
        while (at < fresh.length && listed(at) !== JSON.stringify(list)) at++;
        if (at === fresh.length) problems.push(`${rel}: ${JSON.stringify(list)} is no text's, or out of order`);
      }
    }
    const last = fresh[fresh.length - 1] as Map<string, string[]>;
    assert.deepEqual(problems, []);
    assert.deepEqual(shown(client.diagnostics.get(client.uri(CAROL)) ?? []), last.get(CAROL) ?? [], "the last text's");
  });
});
