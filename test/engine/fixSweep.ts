// The fix sweep: every fix the engine proposes for a tree (each quick fix of each diagnostic, suppressions
// included, and Fix All of each file, whole and per code) applied alone to the texts, then undone. A fix
// must leave each file it edits or creates parseable in its format as far as it was before (JSON, YAML, TOML,
// Python through tree-sitter) and bring no error diagnostic that was not there. Shared by the test on the
// examples and the slow run on real trees (fixSweep.slow.ts).
import type * as SmolToml from 'smol-toml' with { 'resolution-mode': 'import' };
import { parseAllDocuments } from 'yaml';
import type { Node } from 'web-tree-sitter';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { Diagnostic, Fix, HostLink } from '../../server/src/engine/types';
import { withPythonTree } from '../../server/src/engine/python/parser';
import { Feeder } from '../../server/src/host/feeder';
import { feedOptions } from '../../server/src/host/openRoot';
import { readSettings } from '../../server/src/host/readSettings';
import { rereader } from '../../server/src/host/readText';
import { applyEdits, directoriesOf, wasm } from './helpers';

// smol-toml is an ES module with a CommonJS build, loaded as the engine loads it (onex-contracts/pyproject.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build, as said above
const { parse: parseToml } = require('smol-toml') as typeof SmolToml;

const WHOLE = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };

export interface SweepResult {
  /** Fixes applied (each alone). */
  applied: number;
  /** One line per fix that broke a file or brought a new error. */
  broken: string[];
}

/** The tree the engine was last told (what a fix that creates files adds directories to). */
export interface Tree {
  links: HostLink[];
  directories: string[];
}

/** How many syntax errors `text` holds in the format of `file`'s name; null when no format is checked. */
export function syntaxErrors(file: string, text: string): number | null {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (name.endsWith('.json')) {
    try {
      JSON.parse(text);
      return 0;
    } catch {
      return 1;
    }
  }
  if (/\.ya?ml$/.test(name) || name === '.onextree') {
    return parseAllDocuments(text).reduce((n, d) => n + ('errors' in d ? d.errors.length : 0), 0);
  }
  if (name.endsWith('.toml')) {
    try {
      parseToml(text);
      return 0;
    } catch {
      return 1;
    }
  }
  if (name.endsWith('.py'))
    return withPythonTree(
      text,
      (tree) => badNodes(tree.rootNode),
      () => null,
    );
  return null;
}

/** ERROR and MISSING nodes below `node`. */
function badNodes(node: Node): number {
  if (!node.hasError) return 0;
  let n = node.type === 'ERROR' || node.isMissing ? 1 : 0;
  for (const child of node.children) if (child) n += badNodes(child);
  return n;
}

const errorKeys = (engine: RegistryEngine): Map<string, number> => {
  const out = new Map<string, number>();
  for (const d of engine.allDiagnostics()) if (d.severity === 'error') out.set(key(d), (out.get(key(d)) ?? 0) + 1);
  return out;
};
const key = (d: Diagnostic): string => `${d.file} ${d.code} ${d.message}`;

/** Every distinct fix the engine proposes for the file: its quick fixes, then Fix All whole and per code. */
function proposals(engine: RegistryEngine, file: string): { what: string; fix: Fix }[] {
  const out: { what: string; fix: Fix }[] = [];
  const seen = new Set<string>();
  const add = (what: string, fix: Fix | null): void => {
    const id = JSON.stringify([fix?.edits, fix?.createFiles]);
    if (fix === null || seen.has(id)) return;
    seen.add(id);
    out.push({ what, fix });
  };
  for (const { diagnostic: d, fix } of engine.fixes(file, WHOLE))
    add(`${d.code} line ${d.range.start.line + 1} "${fix.title}"`, fix);
  add('Fix All', engine.fixAll(file));
  for (const code of new Set(engine.diagnostics(file).map((d) => d.code)))
    add(`Fix All ${code}`, engine.fixAll(file, code));
  return out;
}

/** Sweeps every fix of every file of `engine` (already updated); `tree` is what it was told of the tree. */
export function sweepFixes(engine: RegistryEngine, tree: Tree): SweepResult {
  const result: SweepResult = { applied: 0, broken: [] };
  const before = errorKeys(engine);
  const files = engine.files().filter((f) => engine.diagnostics(f).length > 0);
  for (const file of files)
    for (const { what, fix } of proposals(engine, file)) {
      result.applied++;
      const problems = applyAlone(engine, tree, fix, before);
      if (problems.length > 0) result.broken.push(`${file}: ${what}: ${problems.join('; ')}`);
    }
  return result;
}

/** Applies `fix` to the engine, says what it broke, and restores the texts and tree it had. */
function applyAlone(engine: RegistryEngine, tree: Tree, fix: Fix, before: Map<string, number>): string[] {
  const problems: string[] = [];
  const old = new Map<string, string | undefined>();
  const changed = new Map<string, string>();
  for (const { file, edits } of fix.edits) {
    const text = changed.get(file) ?? engine.text(file) ?? '';
    if (!old.has(file)) old.set(file, engine.text(file));
    changed.set(file, applyEdits(text, edits));
  }
  for (const c of fix.createFiles ?? []) {
    if (!old.has(c.file)) old.set(c.file, engine.text(c.file));
    if (!changed.has(c.file)) changed.set(c.file, c.text);
  }
  for (const [file, text] of changed) {
    const was = old.get(file);
    const after = syntaxErrors(file, text);
    const prior = was === undefined ? 0 : syntaxErrors(file, was);
    if (after !== null && prior !== null && after > prior) problems.push(`${file} no longer parses (${after} errors)`);
  }
  const created = [...changed.keys()].filter((f) => old.get(f) === undefined);
  if (created.length > 0)
    engine.setTree({
      links: tree.links,
      directories: [...new Set([...tree.directories, ...directoriesOf(created)])].sort(),
    });
  for (const [file, text] of changed) engine.setFile(file, text);
  engine.update();
  const after = errorKeys(engine);
  for (const [k, n] of after) if (n > (before.get(k) ?? 0)) problems.push(`new error ${k}`);
  for (const [file, text] of old) {
    if (text === undefined) engine.deleteFile(file);
    else engine.setFile(file, text);
  }
  if (created.length > 0) engine.setTree(tree);
  engine.update();
  return problems;
}

/** An engine fed a root from disk as the CLI feeds it (its settings, exclusions, size limit), and the tree it was told. */
export async function openTree(root: string): Promise<{ engine: RegistryEngine; tree: Tree }> {
  const folder = readSettings(root, () => {});
  const engine = await RegistryEngine.create(wasm, folder.engine, {
    reread: rereader(root, () => folder.maxFileBytes),
  });
  const tree: Tree = { links: [], directories: [] };
  const told = engine.setTree.bind(engine);
  engine.setTree = (t): void => {
    tree.links = [...t.links];
    tree.directories = [...(t.directories ?? [])];
    told(t);
  };
  await Feeder.wholeRoot(
    engine,
    root,
    feedOptions(folder, () => {}),
  ).feedRoot();
  engine.setTree = told;
  return { engine, tree };
}
