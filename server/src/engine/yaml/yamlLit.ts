// Parses YAML safely (no custom tags: they stay plain scalars and are reported; aliases are expanded
// within a node budget, so a "billion laughs" document cannot blow up; duplicate keys kept for RL001)
// into the shared literal model with node ranges, plus its syntax errors.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node as YNode } from 'yaml';
import type { Range } from '../types';
import type { DictEntry, Lit } from '../literal';
import { LineIndex } from '../text/lineIndex';

export interface YamlProblem { range: Range; message: string }
export interface YamlFacts {
  value: Lit | null;
  errors: YamlProblem[];
  /** Custom tags (`!!python/object`, `!Ref`): never constructed, the value is read as a plain scalar. */
  tagWarnings: YamlProblem[];
}

const MAX_DEPTH = 64;
/** Nodes that may be produced by expanding aliases in one document. */
const ALIAS_BUDGET = 10_000;

export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false, version: '1.2' } as const;

interface Walk { lines: LineIndex; doc: Document; budget: number; exhausted: YamlProblem | null; pyyaml: string | null }

/** PyYAML (YAML 1.1) resolves a float only with a dot: `1e-5` is a string there, a number here. */
const PYYAML_STRING_EXPONENT = /^[-+]?[0-9][0-9_]*[eE]/;

/** `pyyaml`: read scalars as PyYAML's `safe_load` does where YAML 1.2 differs (exponents without a dot stay strings). */
export function parseYamlLit(text: string, opts: { pyyaml?: boolean } = {}): YamlFacts {
  return readDocument(parseDocument(text, YAML_OPTIONS), text, new LineIndex(text), opts.pyyaml ?? false);
}

/** One document of a multi-document stream, with the range of its `---` marker (null when it has none). */
export interface YamlDocFacts extends YamlFacts { marker: Range | null }

/** Every document of a stream (a stamp block, `---`, then the content), each read as `parseYamlLit` reads one. */
export function parseYamlDocs(text: string): YamlDocFacts[] {
  const lines = new LineIndex(text);
  const parsed = parseAllDocuments(text, YAML_OPTIONS);
  const docs = Array.isArray(parsed) ? parsed : [];
  return docs.map((doc) => {
    const start = doc.range[0];
    return { ...readDocument(doc, text, lines, false), marker: doc.directives.docStart ? lines.range(start, start + 3) : null };
  });
}

function readDocument(doc: Document, text: string, lines: LineIndex, pyyaml: boolean): YamlFacts {
  const at = (pos: [number, number]): Range => lines.range(pos[0], Math.max(pos[1], pos[0] + 1));
  const errors = doc.errors.map((e) => ({ range: at(unclosedFlow(text, e.message, e.pos) ?? e.pos), message: `Syntax error: ${e.message.split('\n')[0] ?? ''}` }));
  const tagWarnings = doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) => ({ range: at(w.pos), message: `${w.message.split('\n')[0] ?? ''}: custom tags are never constructed; the value is read as plain text` }));
  const walk: Walk = { lines, doc, budget: ALIAS_BUDGET, exhausted: null, pyyaml: pyyaml ? text : null };
  const value = doc.contents ? toLit(doc.contents as YNode, walk, 0, false) : null;
  if (walk.exhausted) errors.push(walk.exhausted);
  return { value, errors, tagWarnings };
}

/**
 * The parser reports an unclosed `[`/`{` where it gives up (often the next key); point at the bracket
 * that was left open instead, up to the end of its line.
 */
function unclosedFlow(text: string, message: string, pos: [number, number]): [number, number] | null {
  if (!/^Flow (sequence|mapping)/.test(message)) return null;
  let depth = 0;
  for (let i = pos[0] - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if ((c === '[' || c === '{') && depth-- === 0) {
      const eol = text.indexOf('\n', i);
      return [i, (eol < 0 ? text.length : eol)];
    }
  }
  return null;
}

/** A block collection ends with its last item (the parser's range runs on over trailing comments and blank lines; a flow one ends at its bracket). */
function tight(n: YNode, r: Range, last: Range | undefined): Range {
  return (isMap(n) || isSeq(n)) && !n.flow && last ? { start: r.start, end: last.end } : r;
}

function toLit(n: YNode, w: Walk, depth: number, viaAlias: boolean): Lit {
  const [start, valueEnd, end] = n.range ?? [0, 0, 0];
  const r = w.lines.range(start, (isMap(n) || isSeq(n)) && n.flow ? valueEnd : end);
  if (depth > MAX_DEPTH) return { kind: 'other', text: '…', range: r };
  if (viaAlias && --w.budget < 0) {
    w.exhausted ??= { range: r, message: `Syntax error: aliases expand to more than ${ALIAS_BUDGET} nodes; the rest is not read` };
    return { kind: 'other', text: '…', range: r };
  }
  if (isScalar(n)) {
    const v = n.value;
    const sr = w.lines.range(start, valueEnd);
    if (typeof v === 'string') {
      const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
      const inner = quoted ? w.lines.range(start + 1, Math.max(start + 1, valueEnd - 1)) : sr;
      return { kind: 'str', value: v, range: sr, inner };
    }
    if (typeof v === 'number' && w.pyyaml !== null && n.type === 'PLAIN') {
      const src = w.pyyaml.slice(start, valueEnd);
      if (PYYAML_STRING_EXPONENT.test(src) && !src.includes('.')) return { kind: 'str', value: src, range: sr, inner: sr };
    }
    if (typeof v === 'number') return { kind: 'num', value: v, int: Number.isInteger(v), range: sr };
    if (typeof v === 'boolean') return { kind: 'bool', value: v, range: sr };
    if (v === null || v === undefined) return { kind: 'none', range: sr };
    return { kind: 'other', text: String(v), range: sr };
  }
  if (isMap(n)) {
    const entries: DictEntry[] = [];
    for (const item of n.items) {
      const k = item.key as YNode | null;
      if (!k) continue;
      const key = toLit(k, w, depth + 1, viaAlias);
      const value: Lit = item.value ? toLit(item.value as YNode, w, depth + 1, viaAlias) : { kind: 'none', range: key.range };
      entries.push({ key, value, range: { start: key.range.start, end: value.range.end } });
    }
    return { kind: 'dict', entries, range: tight(n, r, entries[entries.length - 1]?.range) };
  }
  if (isSeq(n)) {
    const items = n.items.map((i) => toLit(i as YNode, w, depth + 1, viaAlias));
    return { kind: 'list', items, range: tight(n, r, items[items.length - 1]?.range) };
  }
  if (isAlias(n)) {
    const target = n.resolve(w.doc);
    return target ? toLit(target as YNode, w, depth + 1, true) : { kind: 'other', text: `*${n.source}`, range: r };
  }
  return { kind: 'other', text: '', range: r };
}
