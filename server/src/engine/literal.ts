// The value model shared by Python and YAML sources: literals with the range of every node, and
// `other` for anything that is not a literal (it is never evaluated).
import type { Position, Range } from './types';
import { span, spanAt } from './text/positions';
import { stringCopier } from './util/detachStrings';
import { bareObject } from './util/configData';

export type Lit =
  /** `inner` is the range of the characters between the quotes (where renames and fixes edit). */
  | { kind: 'str'; value: string; range: Range; inner: Range }
  | { kind: 'num'; value: number; int: boolean; range: Range }
  | { kind: 'bool'; value: boolean; range: Range }
  | { kind: 'none'; range: Range }
  | { kind: 'list'; items: Lit[]; range: Range }
  | { kind: 'dict'; entries: DictEntry[]; range: Range }
  | { kind: 'other'; text: string; range: Range };

export interface DictEntry {
  key: Lit;
  value: Lit;
  range: Range;
}

export type StrLit = Extract<Lit, { kind: 'str' }>;

/**
 * String nodes are the most numerous nodes (a large org keeps 600,000: every key and most values), and
 * their `inner` is nearly always the range itself (a plain YAML scalar, joined Python strings) or the
 * range less one quote at each end. Those two are derived from the range instead of kept: a node holds
 * its kind, value and range. `kind` is an own property so that `JSON.stringify` and spreads keep it.
 */
abstract class StrNode {
  readonly kind: 'str';
  readonly value: string;
  readonly range: Range;
  /** Assigned in the plain node's order (kind first), so a serialised node reads as the plain one. */
  constructor(value: string, range: Range) {
    this.kind = 'str';
    this.value = value;
    this.range = range;
  }
  abstract get inner(): Range;
}

class BareStr extends StrNode {
  get inner(): Range {
    return this.range;
  }
}

class QuotedStr extends StrNode {
  get inner(): Range {
    const { start, end } = this.range;
    return spanAt(start.line, start.character + 1, end.line, end.character - 1);
  }
}

/** The string node of `value` at `range` whose content lies at `inner` (see StrNode). */
export function strLit(value: string, range: Range, inner: Range): StrLit {
  const a = range.start,
    b = range.end,
    c = inner.start,
    d = inner.end;
  if (a.line === c.line && b.line === d.line) {
    if (a.character === c.character && b.character === d.character) return new BareStr(value, range);
    if (a.character + 1 === c.character && b.character - 1 === d.character) return new QuotedStr(value, range);
  }
  return { kind: 'str', value, range, inner };
}

/**
 * A dict entry (300,000 in a large org) whose key is a string node of those kinds and whose range runs
 * from its key to the end of its value holds the key's text and range, not the key's node nor its own
 * range: both are built when read. `keyText` reads the key without building it.
 */
abstract class Pair {
  constructor(
    readonly keyText: string,
    readonly keyRange: Range,
    readonly value: Lit,
  ) {}
  abstract get key(): StrLit;
  get range(): Range {
    return span(this.keyRange.start, this.value.range.end);
  }
}

class QuotedPair extends Pair {
  get key(): StrLit {
    return new QuotedStr(this.keyText, this.keyRange);
  }
}

class BarePair extends Pair {
  get key(): StrLit {
    return new BareStr(this.keyText, this.keyRange);
  }
}

/** The entry `key: value` at `range` (by default from the key to the end of the value). */
export function dictPair(key: Lit, value: Lit, range?: Range): DictEntry {
  if (range === undefined || (samePos(range.start, key.range.start) && samePos(range.end, value.range.end))) {
    if (key instanceof QuotedStr) return new QuotedPair(key.value, key.range, value);
    if (key instanceof BareStr) return new BarePair(key.value, key.range, value);
  }
  return { key, value, range: range ?? span(key.range.start, value.range.end) };
}

/** Whether `x` is a dict entry built by `dictPair` without a key node (a copy must be built by it too). */
export function isPair(x: object): x is DictEntry {
  return x instanceof Pair;
}

/** The key of a dict entry when it is a string, read without building the key's node. */
export function keyText(e: DictEntry): string | undefined {
  if (e instanceof Pair) return e.keyText;
  return e.key.kind === 'str' ? e.key.value : undefined;
}

/** The range of a dict entry's key, read without building the key's node. */
export function keyRange(e: DictEntry): Range {
  return e instanceof Pair ? e.keyRange : e.key.range;
}

function samePos(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/**
 * Replaces, in place, every string of the literal with `each` of it (util/detachStrings.ts copies them out of their
 * text).
 */
export function eachLitString(lit: Lit, each: (s: string) => string): void {
  const todo: Lit[] = [lit];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    switch (n.kind) {
      case 'str':
        (n as { value: string }).value = each(n.value);
        break;
      case 'other':
        n.text = each(n.text);
        break;
      case 'list':
        for (const i of n.items) todo.push(i);
        break;
      case 'dict':
        for (const e of n.entries) {
          if (e instanceof Pair) (e as { keyText: string }).keyText = each(e.keyText);
          else todo.push(e.key);
          todo.push(e.value);
        }
        break;
      default:
        break;
    }
  }
}

/**
 * A literal, or dict entries, their strings copied out of the text in place (util/detachStrings.ts): for what a read
 * keeps across versions of a file (the splices).
 */
export function litCopiedOutOfText(x: Lit | DictEntry[]): void {
  // Entries are walked as a dict's (a lean entry's key is its text, not a node).
  eachLitString(Array.isArray(x) ? { kind: 'dict', entries: x, range: spanAt(0, 0, 0, 0) } : x, stringCopier());
}

/** `strLit` of a string whose content is its range less one quote at each end. */
export function quotedStr(value: string, range: Range): StrLit {
  return new QuotedStr(value, range);
}

/** `strLit` of a string whose content is its whole range. */
export function bareStr(value: string, range: Range): StrLit {
  return new BareStr(value, range);
}

/** The entry of a dict literal with this string key — the last one, as Python and YAML keep it. */
export function dictEntry(lit: Lit | null | undefined, key: string): DictEntry | undefined {
  if (lit?.kind !== 'dict') return undefined;
  for (let i = lit.entries.length - 1; i >= 0; i--) {
    const e = lit.entries[i] as DictEntry;
    if (keyText(e) === key) return e;
  }
  return undefined;
}

/**
 * Plain JSON-like value of a literal (for hover, Explain, the legacy format and schema checks). `memo`
 * keeps the value of each list and dict, for a reader that never changes it and reads the same nodes again.
 * A dict is an object without a prototype: its keys are the file's data (`__proto__`, `constructor`).
 */
export function toPlain(lit: Lit, memo?: WeakMap<Lit, unknown>): unknown {
  switch (lit.kind) {
    case 'str':
    case 'num':
    case 'bool':
      return lit.value;
    case 'none':
      return null;
    case 'other':
      return lit.text;
  }
  const known = memo?.get(lit);
  if (known !== undefined) return known;
  let out: unknown;
  if (lit.kind === 'list') out = lit.items.map((i) => toPlain(i, memo));
  else {
    const o = bareObject<unknown>();
    for (const e of lit.entries) {
      const k = keyText(e);
      if (k !== undefined) o[k] = toPlain(e.value, memo);
    }
    out = o;
  }
  memo?.set(lit, out);
  return out;
}

/** Python-like rendering, for hover and Explain. */
export function describeKind(lit: Lit): string {
  switch (lit.kind) {
    case 'str':
      return 'str';
    case 'num':
      return lit.int ? 'int' : 'float';
    case 'bool':
      return 'bool';
    case 'none':
      return 'None';
    case 'list':
      return 'list';
    case 'dict':
      return 'dict';
    case 'other':
      return 'expression';
  }
}
