// One helper per engine feature: each builds the inline workspace, runs the engine and compares the
// result with the fixture's annotations or the expectation given.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { Diagnostic, Range, SettingsInput } from '../../server/src/engine/types';
import type { ExplainQuery, Explanation } from '../../server/src/engine/api';
import { initPython } from '../../server/src/engine/python/parser';
import { parseFixture, type Fixture } from './fixture';

export const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

/** Loads tree-sitter for tests that call the Python readers directly, without an engine. */
export async function initParsers(): Promise<void> {
  await initPython(wasm);
}

export async function analyze(
  text: string,
  settings: SettingsInput = {},
): Promise<{ engine: RegistryEngine; fx: Fixture }> {
  const fx = parseFixture(text);
  const engine = await RegistryEngine.create(wasm, settings);
  for (const [path, t] of fx.files) engine.setFile(path, t);
  engine.commit();
  engine.setTree({
    links: [],
    directories: directoriesOf([...fx.files.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
  });
  engine.update();
  return { engine, fx };
}

/** One file's diagnostics from a fresh engine fed that file alone: what an incremental engine must match. */
export async function freshDiagnostics(file: string, text: string): Promise<Diagnostic[]> {
  const fresh = await RegistryEngine.create(wasm);
  fresh.setFile(file, text);
  fresh.update();
  return fresh.diagnostics(file);
}

/** Every directory holding one of the paths (what a host's walk would meet). */
export function directoriesOf(paths: string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) out.add(p.slice(0, i));
  return [...out].sort();
}

export const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Every diagnostic whose code is annotated somewhere (or all of them) must match an annotation exactly. */
export async function checkDiagnostics(
  text: string,
  settings: SettingsInput = {},
  opts: { only?: string[] } = {},
): Promise<Diagnostic[]> {
  const { engine, fx } = await analyze(text, settings);
  const want = fx.annotations.filter((a) => /^RL\d{3}/.test(a.label));
  const actual = engine.allDiagnostics().filter((d) => !opts.only || opts.only.includes(d.code));
  const fmt = (file: string, r: Range, label: string): string => `${file} ${show(r)} ${label}`;
  const got = actual.map((d) => fmt(d.file, d.range, d.code)).sort();
  const expected = want.map((a) => fmt(a.file, a.range, a.label.split(/\s+/)[0] ?? '')).sort();
  assert.deepEqual(
    got,
    expected,
    `diagnostics:\n${actual.map((d) => `  ${fmt(d.file, d.range, d.code)} ${d.message}`).join('\n')}`,
  );
  for (const a of want) {
    const words = a.label.split(/\s+/).slice(1).join(' ');
    if (!words) continue;
    const d = actual.find((x) => x.file === a.file && show(x.range) === show(a.range) && a.label.startsWith(x.code));
    // A message is one line; what it leaves out (lists, searched paths) is in its related lines.
    const texts = d ? [d.message, ...d.related.map((r) => r.message)] : [];
    assert.ok(
      texts.some((t) => t.includes(words)),
      `message or related lines of ${a.label} should include "${words}": ${texts.join(' | ')}`,
    );
  }
  return actual;
}

function cursorOf(fx: Fixture): { file: string; position: { line: number; character: number } } {
  assert.ok(fx.cursor, 'fixture needs a $0 cursor');
  return fx.cursor;
}

export async function checkHover(text: string, includes: string[], settings: SettingsInput = {}): Promise<string> {
  const { engine, fx } = await analyze(text, settings);
  const c = cursorOf(fx);
  const h = engine.hover(c.file, c.position);
  assert.ok(h, 'expected a hover');
  for (const s of includes) assert.ok(h.markdown.includes(s), `hover should include "${s}":\n${h.markdown}`);
  return h.markdown;
}

/** The definition target is the range annotated with the label `def`. */
export async function checkDefinition(text: string, settings: SettingsInput = {}): Promise<void> {
  const { engine, fx } = await analyze(text, settings);
  const c = cursorOf(fx);
  const want = fx.annotations.filter((a) => a.label === 'def').map((a) => `${a.file} ${show(a.range)}`);
  const got = engine.definition(c.file, c.position).map((l) => `${l.file} ${show(l.range)}`);
  assert.deepEqual(got, want);
}

/** References are the ranges annotated `ref`. */
export async function checkReferences(text: string): Promise<void> {
  const { engine, fx } = await analyze(text);
  const c = cursorOf(fx);
  const want = fx.annotations
    .filter((a) => a.label === 'ref')
    .map((a) => `${a.file} ${show(a.range)}`)
    .sort();
  const got = engine
    .references(c.file, c.position, true)
    .map((l) => `${l.file} ${show(l.range)}`)
    .sort();
  assert.deepEqual(got, want);
}

export async function checkCompletion(text: string, includes: string[], excludes: string[] = []): Promise<string[]> {
  const { engine, fx } = await analyze(text);
  const c = cursorOf(fx);
  const labels = engine.completion(c.file, c.position).map((i) => i.label);
  for (const l of includes) assert.ok(labels.includes(l), `completion should offer ${l}: ${labels.join(', ')}`);
  for (const l of excludes) assert.ok(!labels.includes(l), `completion should not offer ${l}`);
  return labels;
}

export async function checkExplain(
  text: string,
  q: ExplainQuery,
  expect: (x: Explanation) => void,
  settings: SettingsInput = {},
): Promise<Explanation> {
  const { engine } = await analyze(text, settings);
  const x = engine.explain(q);
  expect(x);
  return x;
}

/** Applies the quick fix titled `title` at the cursor and compares the files it changes with `after`. */
export async function checkFix(text: string, title: string, after: Record<string, string>): Promise<void> {
  const { engine, fx } = await analyze(text);
  const c = cursorOf(fx);
  const all = engine.fixes(c.file, { start: c.position, end: c.position });
  const hit = all.find((f) => f.fix.title.startsWith(title));
  assert.ok(hit, `no fix "${title}" among: ${all.map((f) => f.fix.title).join(' | ')}`);
  const result = new Map<string, string>();
  for (const { file, edits } of hit.fix.edits) result.set(file, applyEdits(engine.text(file) ?? '', edits));
  for (const f of hit.fix.createFiles ?? []) result.set(f.file, f.text);
  for (const [file, want] of Object.entries(after)) {
    const got = result.get(file);
    if (want.startsWith('~'))
      assert.ok(got?.includes(want.slice(1)), `${file} should contain ${want.slice(1)}:\n${got}`);
    else assert.equal(got, want);
  }
}

export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The document links of every file of the workspace are exactly the ranges annotated `link <target>`. */
export async function checkDocumentLinks(text: string, settings: SettingsInput = {}): Promise<void> {
  const { engine, fx } = await analyze(text, settings);
  const want = fx.annotations
    .filter((a) => a.label.startsWith('link '))
    .map((a) => `${a.file} ${show(a.range)} -> ${a.label.slice('link '.length).trim()}`)
    .sort();
  const got = [...fx.files.keys()]
    .flatMap((f) => engine.documentLinks(f).map((l) => `${f} ${show(l.range)} -> ${l.target}`))
    .sort();
  assert.deepEqual(got, want);
}
