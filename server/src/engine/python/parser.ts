// Owns the one tree-sitter Python parser of the process. The host passes the wasm bytes, so the
// engine never touches the file system; parsing never fails (errors become ERROR/MISSING nodes), but
// a parse past its work budget (parseBudget.ts) is cut and the caller reads the file without a tree.
// The trees of the last few files parsed under a key are kept, so an edit reparses incrementally.
// Process-wide, bounded: the parser (one wasm instance; one per engine would load the grammar per
// engine) and the trees of the last 8 keys parsed (`RECENT_TREES`; older ones are freed). `keepsTree`
// lets python/facts.ts choose its reader by this cache; both readers give the same facts (proven by tests).
import { Language, Parser, type Edit, type Tree } from 'web-tree-sitter';
import { blankExtraRuns } from './extraRuns';
import { breakBlankRuns } from './blankRuns';
import { breakCommaRuns } from './commaRuns';
import { commonEnds } from '../text/commonEnds';
import { budgetOf, parseWithin, ParseWork } from './parseBudget';

export interface WasmBinaries {
  treeSitter: Uint8Array;
  python: Uint8Array;
}

let parser: Parser | null = null;
let python: Language | null = null;
/**
 * Parsers for warmTree's parses, idle ones: a parse in slices keeps its state in its parser between calls, so each
 * running warmup has its own (made on demand, at most MAX_WARMUPS).
 */
const idle: Parser[] = [];
let loading: Promise<void> | null = null;

/**
 * The size of the stack tree-sitter's C code runs on. The wasm build links it at 64 KB, which its
 * recursive release of a long parse stack overflows (a 150 KB file of repeated `"""Ret` errors did):
 * the overflow writes over the module's static data, and every later parse of the process fails.
 * The stack is moved to a block this size on the wasm heap (pages are touched only as deep as it goes).
 */
const STACK_BYTES = 16 * 1024 * 1024;

/** What the stack move uses of the WebAssembly API (the engine is compiled without DOM or Node typings). */
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> }; module: unknown }>;
}
interface Stack {
  pointer: { value: number };
  malloc: (bytes: number) => number;
}

/** Idempotent and safe to call concurrently (multi-root servers create engines at once). */
export function initPython(wasm: WasmBinaries): Promise<void> {
  loading ??= (async () => {
    const found: Stack[] = [];
    // Emscripten's hook for instantiating the module: the same instantiation, keeping the stack pointer and malloc.
    const instantiateWasm = (
      imports: { env: Record<string, unknown> },
      done: (instance: unknown, module: unknown) => void,
    ): object => {
      const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
      void api.instantiate(wasm.treeSitter, imports).then(({ instance, module }) => {
        found.push({
          pointer: imports.env['__stack_pointer'] as Stack['pointer'],
          malloc: instance.exports['malloc'] as Stack['malloc'],
        });
        done(instance, module);
      });
      return {};
    };
    await Parser.init({ wasmBinary: wasm.treeSitter, instantiateWasm } as Parameters<typeof Parser.init>[0]);
    // No wasm code runs now, so the stack can move: it grows down from the end of its block.
    for (const { pointer, malloc } of found) pointer.value = malloc(STACK_BYTES) + STACK_BYTES;
    const lang = await Language.load(wasm.python);
    const p = new Parser();
    p.setLanguage(lang);
    parser = p;
    python = lang;
  })();
  return loading;
}

/** Trees kept for incremental reparsing (the files being edited); older ones are freed. */
const RECENT_TREES = 8;
const recent = new Map<string, { text: string; tree: Tree }>();

/**
 * The text tree-sitter parses for `source`: long runs of comment and continuation lines blanked
 * (`extraRuns.ts`), long runs of blank lines broken (`blankRuns.ts`), long runs of commas blanked
 * (`commaRuns.ts`); positions are the source's.
 */
export function prepareForTreeSitter(source: string): string {
  return breakCommaRuns(breakBlankRuns(blankExtraRuns(source)));
}

/**
 * Parses `source` (as `prepareForTreeSitter` prepares it) and hands the tree to `use`. Without a `key` the
 * tree is freed afterwards; with one (a file path) it is kept, and the next parse under that key edits and
 * reparses it incrementally. A parse that does more work than the text's length allows (parseBudget.ts)
 * is cut: `overBudget` answers instead, given the offset it reached.
 */
export function withPythonTree<T>(
  source: string,
  use: (tree: Tree) => T,
  overBudget: (cut: number) => T,
  key?: string,
): T {
  if (!parser) throw new Error('initPython() must run before parsing');
  const text = prepareForTreeSitter(source);
  const prev = key === undefined ? undefined : recent.get(key);
  // The same text again (a warmTree parse ran ahead of this one): its tree is this parse's.
  if (key !== undefined && prev?.text === text) {
    keep(key, prev);
    return use(prev.tree);
  }
  if (prev) prev.tree.edit(editBetween(prev.text, text));
  const { tree, cut } = parseWithin(parser, text, prev?.tree ?? null, budgetOf(text.length));
  if (!tree) {
    if (cut < 0) throw new Error('tree-sitter returned no tree');
    if (key !== undefined) forget(key);
    return overBudget(cut);
  }
  try {
    return use(tree);
  } finally {
    if (key === undefined) tree.delete();
    else keep(key, { text, tree });
  }
}

/** Keeps `kept` as the latest tree under `key`, freeing the one it replaces and the oldest past RECENT_TREES. */
function keep(key: string, kept: { text: string; tree: Tree }): void {
  const old = recent.get(key);
  recent.delete(key);
  if (old !== undefined && old.tree !== kept.tree) old.tree.delete();
  recent.set(key, kept);
  for (const [k, oldest] of recent) {
    if (recent.size <= RECENT_TREES) break;
    oldest.tree.delete();
    recent.delete(k);
  }
}

/**
 * A parse run a slice at a time, so that a host can keep its event loop free while it runs (see warmTree).
 */
export interface TreeWarmup {
  /** Parses one slice; true once the parse is over (its tree kept, given up past its budget, or cancelled). */
  step(): boolean;
  /** Stops the parse; what is kept under its key stays as it was. */
  cancel(): void;
}

/** Progress reports (of 100 parse operations each) per slice of a warmTree parse: a few milliseconds. */
const SLICE_REPORTS = 50;
/**
 * Warmups that run at once, each of its own key (a file of its own folder's engine: two folders editing broken files
 * at the same moment); a warmup past it cancels the oldest.
 */
const MAX_WARMUPS = 4;
/** The running warmups by key, oldest first. */
const warming = new Map<string, TreeWarmup>();

/**
 * The parse the next `withPythonTree(source, …, key)` would run, run ahead in slices and kept under `key`, so that
 * parse finds its tree made. Only for a key whose kept tree has a syntax error: tree-sitter never reuses an error
 * region, so each edit of such a file reparses the region whole (seconds for a large one), where any other file
 * reparses incrementally in milliseconds. Undefined when there is nothing to run ahead. A new one cancels the one of
 * its key, and the oldest past MAX_WARMUPS. A parse past its budget keeps nothing (the next parse is cut as before).
 */
export function warmTree(source: string, key: string): TreeWarmup | undefined {
  const prev = recent.get(key);
  if (!python || prev === undefined || !prev.tree.rootNode.hasError) return undefined;
  const text = prepareForTreeSitter(source);
  if (prev.text === text) return undefined;
  warming.get(key)?.cancel();
  if (warming.size >= MAX_WARMUPS) warming.values().next().value?.cancel();
  const b = idle.pop() ?? parserOf(python);
  const old = prev.tree.copy();
  old.edit(editBetween(prev.text, text));
  const work = new ParseWork(text, budgetOf(text.length));
  let over = false;
  const end = (): void => {
    over = true;
    old.delete();
    b.reset();
    idle.push(b);
    if (warming.get(key) === warmup) warming.delete(key);
  };
  const warmup: TreeWarmup = {
    step: () => {
      if (over) return true;
      let reports = 0;
      const tree = b.parse(work.input, old, {
        progressCallback: (state) => work.report(state) || ++reports >= SLICE_REPORTS,
      });
      if (tree === null && !work.over) return false;
      work.done();
      if (tree !== null && !work.over) keep(key, { text, tree });
      else tree?.delete();
      end();
      return true;
    },
    cancel: () => {
      if (!over) end();
    },
  };
  warming.set(key, warmup);
  return warmup;
}

function parserOf(language: Language): Parser {
  const p = new Parser();
  p.setLanguage(language);
  return p;
}

/** Frees the tree kept under `key`, if any. */
function forget(key: string): void {
  recent.get(key)?.tree.delete();
  recent.delete(key);
}

/** Whether a tree parsed under `key` is kept (the file is being edited: its next parse is incremental). */
export function keepsTree(key: string): boolean {
  return recent.has(key);
}

/** The one edit turning `before` into `after`: their common prefix and suffix are kept. */
function editBetween(before: string, after: string): Edit {
  const [start, tail] = commonEnds(before, after);
  const startPosition = point(before, start);
  return {
    startIndex: start,
    oldEndIndex: before.length - tail,
    newEndIndex: after.length - tail,
    startPosition,
    oldEndPosition: point(before, before.length - tail),
    newEndPosition: point(after, after.length - tail),
  } as Edit;
}

function point(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}
