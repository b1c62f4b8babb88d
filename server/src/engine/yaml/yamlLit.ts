// Parses YAML safely (no custom tags; aliases are never expanded; duplicate keys kept for RL001) into
// the shared literal model with node ranges, plus its syntax errors.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YNode } from 'yaml';
import type { Range } from '../types';
import type { DictEntry, Lit } from '../literal';
import { LineIndex } from '../text/lineIndex';

export interface YamlFacts { value: Lit | null; errors: { range: Range; message: string }[] }

const MAX_DEPTH = 64;

export function parseYamlLit(text: string): YamlFacts {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false, version: '1.2' });
  const errors = doc.errors.map((e) => ({ range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)), message: `Syntax error: ${e.message.split('\n')[0] ?? ''}` }));
  const value = doc.contents ? toLit(doc.contents as YNode, lines, 0) : null;
  return { value, errors };
}

function toLit(n: YNode, lines: LineIndex, depth: number): Lit {
  const [start, , end] = n.range ?? [0, 0, 0];
  const r = lines.range(start, end);
  if (depth > MAX_DEPTH) return { kind: 'other', text: '…', range: r };
  if (isScalar(n)) {
    const v = n.value;
    const valueEnd = n.range ? n.range[1] : end;
    const sr = lines.range(start, valueEnd);
    if (typeof v === 'string') {
      const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
      const inner = quoted ? lines.range(start + 1, Math.max(start + 1, valueEnd - 1)) : sr;
      return { kind: 'str', value: v, range: sr, inner };
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
      const key = toLit(k, lines, depth + 1);
      const value: Lit = item.value ? toLit(item.value as YNode, lines, depth + 1) : { kind: 'none', range: key.range };
      entries.push({ key, value, range: { start: key.range.start, end: value.range.end } });
    }
    return { kind: 'dict', entries, range: r };
  }
  if (isSeq(n)) return { kind: 'list', items: n.items.map((i) => toLit(i as YNode, lines, depth + 1)), range: r };
  if (isAlias(n)) return { kind: 'other', text: `*${n.source}`, range: r };
  return { kind: 'other', text: '', range: r };
}
