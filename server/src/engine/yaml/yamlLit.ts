// Parses YAML safely (no custom tags: they stay plain scalars and are reported; aliases are expanded
// within a node budget, so a "billion laughs" document cannot blow up; duplicate keys kept for RL001)
// into the shared literal model with node ranges, plus its syntax errors. A document being typed is
// read around its mistakes: the lines a syntax error is about are blanked and the text parsed again, so
// a line at the wrong indentation or an unclosed quote costs that line, not the document.
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Document,
  type Node as YNode,
} from 'yaml';
import type { Range } from '../types';
import { dictPair, strLit, type DictEntry, type Lit } from '../literal';
import { LineIndex, normalizeLoneCr } from '../text/lineIndex';
import { capNesting } from './nesting';
import { pos, span } from '../text/positions';
import { flat, typedLit, YAML_OPTIONS } from './scalars';
import { fastYamlValue } from './fastYaml';

/** `unread`: nothing after the mistake is read (a bound was hit), so the file is not "still analysed". */
export interface YamlProblem {
  range: Range;
  message: string;
  unread?: boolean;
}
export interface YamlFacts {
  value: Lit | null;
  errors: YamlProblem[];
  /** Custom tags (`!!python/object`, `!Ref`): never constructed, the value is read as a plain scalar. */
  tagWarnings: YamlProblem[];
  /**
   * Around each syntax error, the lines whose nodes may be wrong only because of it: from the key the
   * mistaken line belongs to (the nearest line above it that is less indented) to the mistake.
   */
  errorZones: Range[];
}

/** Diagnostics other than RL030 about a node in an error zone are consequences of the syntax error: dropped. */
export function outsideErrorZones<T extends { code: string; range: Range }>(diags: T[], zones: Range[]): T[] {
  if (zones.length === 0) return diags;
  return diags.filter(
    (d) =>
      d.code === 'RL030' || !zones.some((z) => d.range.start.line <= z.end.line && z.start.line <= d.range.end.line),
  );
}

const MAX_DEPTH = 64;
/** Nodes that may be produced by expanding aliases in one document. */
const ALIAS_BUDGET = 10_000;
/** Syntax errors reported per document (a run of stray characters can make one per character). */
export const MAX_YAML_ERRORS = 50;
/** Re-parses with the mistaken lines blanked, while errors remain (each round is one linear parse). */
const REPAIR_ROUNDS = 3;

interface Walk {
  lines: LineIndex;
  /** The latest anchor of each name met so far in document order (what an alias refers to). */
  anchors: Map<string, YNode>;
  budget: number;
  exhausted: YamlProblem | null;
  /** The text, when scalars are read as PyYAML's `safe_load` reads them. */
  pyyaml: string | null;
}

/** Documents of a stream read one by one (each is a parse of the whole text). */
const MAX_DOCS = 16;

/** One document of a multi-document stream, with the range of its `---` marker (null when it has none). */
export interface YamlDocFacts extends YamlFacts {
  marker: Range | null;
}

/**
 * Every document of a stream (a stamp block, `---`, then the content), each read as `parseYamlLit`
 * reads one, with the other documents blanked (same lines and offsets).
 */
export function parseYamlDocs(rawText: string): YamlDocFacts[] {
  const text = normalizeLoneCr(rawText);
  const lines = new LineIndex(text);
  // Nearly every file is one document: read it once, without the pass that splits the stream.
  const single = singleDocument(text);
  if (single)
    return [
      { ...parseYamlLit(text), marker: single.marker === null ? null : lines.range(single.marker, single.marker + 3) },
    ];
  const docs: { offset: number; marker: number | null }[] = [];
  // a stream too deep to split is read as one document, which parseYamlLit then gives up on
  for (const t of cstTokens(capNesting(text).text) ?? ([{ type: 'document', offset: 0, start: [] }] as const)) {
    if (t.type === 'document' && docs.length < MAX_DOCS)
      docs.push({ offset: t.offset, marker: t.start.find((s) => s.type === 'doc-start')?.offset ?? null });
  }
  const blank = (s: string): string => s.replace(/[^\n\r]/g, ' ');
  return docs.map((d, i) => {
    const end = docs[i + 1]?.offset ?? text.length;
    const only = blank(text.slice(0, d.offset)) + text.slice(d.offset, end) + blank(text.slice(end));
    return { ...parseYamlLit(only), marker: d.marker === null ? null : lines.range(d.marker, d.marker + 3) };
  });
}

/**
 * When the stream is one document with content — no `...` line, and at most one `---` line with
 * nothing but comments, blank lines and directives before it — where its `---` is (null without one);
 * otherwise null (the stream must be split).
 */
function singleDocument(text: string): { marker: number | null } | null {
  const markers = [...text.matchAll(/^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm)];
  const first = markers[0];
  if (markers.length > 1 || (first && first[0] !== '---')) return null;
  const at = first?.index ?? null;
  if (
    at !== null &&
    !text
      .slice(0, at)
      .split(/\r?\n/)
      .every((l) => /^(?:[ \t]*(?:#.*)?|%.*)$/.test(l))
  )
    return null;
  const rest = at === null ? text : text.slice(at + 3);
  return /^(?![ \t]*(?:#|$))/m.test(rest.replace(/\r/g, '')) ? { marker: at } : null;
}

/**
 * `pyyaml`: read scalars as PyYAML's `safe_load` does where YAML 1.2 differs (exponents without a dot stay strings).
 */
export function parseYamlLit(rawText: string, opts: { pyyaml?: boolean } = {}): YamlFacts {
  return fastYamlLit(rawText, opts.pyyaml === true) ?? fullYamlLit(rawText, opts);
}

/** The facts of a text the fast path (fastYaml.ts) reads: a value and no problem; null when it declines. */
export function fastYamlLit(rawText: string, pyyaml: boolean): YamlFacts | null {
  const value = fastYamlValue(rawText, pyyaml);
  return value ? { value, errors: [], tagWarnings: [], errorZones: [] } : null;
}

/** parseYamlLit through the parser, whatever the text (the fast path's reference). */
export function fullYamlLit(rawText: string, opts: { pyyaml?: boolean } = {}): YamlFacts {
  const lines = new LineIndex(rawText);
  // A mistake's range stays on its line (the parser's positions may run on to the next token).
  const at = (where: [number, number]): Range => {
    const r = lines.range(where[0], Math.max(where[1], where[0] + 1));
    return r.end.line === r.start.line
      ? r
      : span(r.start, pos(r.start.line, Math.max(r.start.character, lines.lineText(r.start.line).length)));
  };
  // The parser only breaks lines at `\n`; a lone `\r` becomes one (same offsets).
  const nested = capNesting(normalizeLoneCr(rawText));
  let text = nested.text;
  // The parser turns a stack overflow into an error whose place (and the errors around it) depends on
  // the stack at hand: give up on such a document deterministically (capNesting keeps the shapes known
  // to cause it away). A repaired text is parsed again, so it is checked again.
  const tooDeep = (): YamlFacts => ({
    value: null,
    errors: [{ range: at([0, 1]), message: 'Syntax error: the document nests too deeply to be read', unread: true }],
    tagWarnings: [],
    errorZones: [],
  });
  const parsed = parse(text);
  if (!parsed || parsed.exhausted) return tooDeep();
  let doc = parsed;
  const seen = new Set<string>();
  const stray = strayScalar(doc);
  const errors: YamlProblem[] = stray
    ? [
        {
          range: at([stray, lineEnd(text, stray)]),
          message:
            "Syntax error: this line is not a 'key: value' pair (':' missing?), " +
            'so the document is read as this one text',
        },
      ]
    : doc.errors
        .slice(0, MAX_YAML_ERRORS)
        .map((e) => ({
          range: at(mistake(text, doc, e.message, e.pos)),
          message: `Syntax error: ${e.message.split('\n')[0] ?? ''}`,
        }))
        .filter((e) => {
          const k = `${e.range.start.line}:${e.range.start.character} ${e.message}`;
          return !seen.has(k) && !!seen.add(k);
        });
  if (doc.errors.length + doc.more > MAX_YAML_ERRORS) {
    errors.push({
      range: at(doc.errors[MAX_YAML_ERRORS]?.pos ?? [0, 0]),
      message:
        `Syntax error: … and ${doc.errors.length + doc.more - MAX_YAML_ERRORS} more syntax errors; ` +
        'fix the first ones',
    });
  }
  if (nested.at !== null)
    errors.unshift({
      range: at([nested.at, nested.at + 1]),
      message: `Syntax error: nesting deeper than ${nested.limit} levels; the rest of the file is not read`,
      unread: true,
    });
  const tagWarnings = doc.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .slice(0, MAX_YAML_ERRORS)
    .map((w) => ({
      range: at(w.pos),
      message: `${w.message.split('\n')[0] ?? ''}: custom tags are never constructed; the value is read as plain text`,
    }));
  for (
    let round = 0;
    round < REPAIR_ROUNDS && doc.errors.length > 0 && doc.errors.length + doc.more <= MAX_YAML_ERRORS;
    round++
  ) {
    const repaired = blankMistakes(text, doc);
    if (repaired === text) break;
    text = repaired;
    const again = parse(text);
    if (!again || again.exhausted) return tooDeep();
    doc = again;
  }
  const walk: Walk = {
    lines,
    anchors: new Map(),
    budget: ALIAS_BUDGET,
    exhausted: null,
    pyyaml: opts.pyyaml ? text : null,
  };
  const value = doc.contents ? toLit(doc.contents as YNode, walk, 0, null) : null;
  if (walk.exhausted) errors.push(walk.exhausted);
  return { value, errors, tagWarnings, errorZones: errors.map((e) => zone(lines, e.range)) };
}

function zone(lines: LineIndex, r: Range): Range {
  const indent = (l: number): number => /^[ \t]*/.exec(lines.lineText(l))?.[0].length ?? 0;
  const own = indent(r.start.line);
  let top = r.start.line;
  for (let l = r.start.line - 1; l >= 0 && top === r.start.line; l--) {
    const t = lines.lineText(l);
    if (t.trim() !== '' && !t.trimStart().startsWith('#') && indent(l) < own) top = l;
  }
  return span(pos(top, 0), r.end);
}

type OnError = (source: unknown, code: string, message: string, warning?: boolean) => void;

/**
 * `parseDocument` with bounded error objects: the composer makes an Error per mistake, and a run of
 * stray characters makes hundreds of thousands (their construction dominated: 18 s for 500 KB). Past
 * MAX_YAML_ERRORS + 1 errors (and warnings) only a count is kept, in `more`. `exhausted`: the
 * composer hit a stack overflow (RESOURCE_EXHAUSTION), noted even past the cap.
 */
function parse(text: string): (Document & { more: number; exhausted: boolean }) | null {
  const tokens = cstTokens(text);
  if (!tokens) return null;
  const composer = new Composer(YAML_OPTIONS);
  const internals = composer as unknown as { onError: OnError; errors: unknown[]; warnings: unknown[] };
  const report = internals.onError;
  let more = 0;
  let exhausted = false;
  internals.onError = (source, code, message, warning) => {
    if (code === 'RESOURCE_EXHAUSTION') exhausted = true;
    if ((warning ? internals.warnings : internals.errors).length <= MAX_YAML_ERRORS)
      report(source, code, message, warning);
    else if (!warning) more++;
  };
  let doc: Document | null = null;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (doc) {
      doc.errors.push(
        new YAMLParseError(
          d.range.slice(0, 2) as [number, number],
          'MULTIPLE_DOCS',
          'Source contains multiple documents',
        ),
      );
      break;
    }
    doc = d as unknown as Document;
  }
  return Object.assign(doc as Document, { more, exhausted });
}

/**
 * Collections nested deeper than this in the parser's syntax tree make the document unread: far above
 * any real file, far below where the parser's own recursion overflows the stack (the composer, before
 * V8 optimises it, overflowed at 800 nested flow collections: the bound was 1000, and whether a file
 * read was then depended on how warm the code was). A run of lines that the parser keeps opening
 * levels for without closing them (lines alternating between two wrong indents, found by the fuzzer)
 * is a shape capNesting's scan does not see.
 */
const MAX_CST_DEPTH = 300;

/**
 * The parser's syntax tree, or null when it nests deeper than MAX_CST_DEPTH or the parser overflowed the
 * stack. Judged by depth, not by whether the stack ran out, so the answer never depends on how deep
 * the caller's stack already was (an edit and a fresh analysis read the same).
 */
function cstTokens(text: string): CST.Token[] | null {
  try {
    const tokens = [...new Parser().parse(text)];
    return tokens.some((t) => cstDepth(t) > MAX_CST_DEPTH) ? null : tokens;
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** Nesting of collections in a syntax-tree token, walked without recursion; stops counting past MAX_CST_DEPTH. */
function cstDepth(root: CST.Token): number {
  let max = 0;
  const todo: [unknown, number][] = [[root, 0]];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [t, d] = next;
    if (t === null || typeof t !== 'object') continue;
    const tok = t as { value?: unknown; items?: { key?: unknown; value?: unknown }[] };
    const depth = tok.items ? d + 1 : d;
    if (depth > max && (max = depth) > MAX_CST_DEPTH) break;
    todo.push([tok.value, depth]);
    for (const it of tok.items ?? []) todo.push([it.key, depth], [it.value, depth]);
  }
  return max;
}

/** Where an error's mistake is: the bracket left open, the quote never closed, else where the parser stopped. */
function mistake(text: string, doc: Document, message: string, pos: [number, number]): [number, number] {
  return unclosedFlow(text, message, pos) ?? unclosedQuote(text, doc, message, pos) ?? pos;
}

/** A quoted scalar the parser ran to the end of the document: its opening quote, to the end of that line. */
function unclosedQuote(text: string, doc: Document, message: string, pos: [number, number]): [number, number] | null {
  if (!/^Missing closing .?quote/.test(message)) return null;
  let found: [number, number] | null = null;
  visit(doc, {
    Scalar(_k, n) {
      const r = n.range;
      if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && r && r[0] <= pos[0] && pos[0] <= r[2]) {
        found = [r[0], lineEnd(text, r[0])];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function lineEnd(text: string, from: number): number {
  const eol = text.indexOf('\n', from);
  return eol < 0 ? text.length : eol;
}

/**
 * A document that is one plain scalar followed by tokens the parser rejects: its first line lost its
 * ':' (`description Registers the model` above `version: 1.0`). The scalar's start, else null.
 */
function strayScalar(doc: Document): number | null {
  const c = doc.contents;
  if (
    !isScalar(c) ||
    !c.range ||
    !doc.errors.some((e) => e.code === 'UNEXPECTED_TOKEN' && e.pos[0] >= (c.range?.[1] ?? 0))
  )
    return null;
  return c.range[0];
}

/** The text with each error's mistake blanked (spaces: same offsets), from its place to the end of the line. */
function blankMistakes(text: string, doc: Document): string {
  const chars = text.split('');
  const stray = strayScalar(doc);
  if (stray !== null) {
    for (let i = stray; i < lineEnd(text, stray); i++) chars[i] = ' ';
    return chars.join('');
  }
  for (const e of doc.errors) {
    let [from] = mistake(text, doc, e.message, e.pos);
    if (from >= text.length) continue;
    // A stray line (wrong indentation, a key without a value) goes whole; an unclosed bracket or quote from where it
    // opens.
    const lineStart = text.lastIndexOf('\n', from - 1) + 1;
    if (!/^(?:Flow|Missing closing)/.test(e.message))
      from = lineStart + (/^[ \t]*/.exec(text.slice(lineStart, from + 1))?.[0].length ?? 0);
    const to = lineEnd(text, from);
    for (let i = from; i < to; i++) chars[i] = ' ';
  }
  return chars.join('');
}

/**
 * The parser reports an unclosed `[`/`{` where it gives up (often the next key); point at the bracket
 * that was left open instead, up to the end of its line.
 */
function unclosedFlow(text: string, message: string, pos: [number, number]): [number, number] | null {
  if (!/^Flow (?:sequence|map)/.test(message)) return null;
  let depth = 0;
  for (let i = pos[0] - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if ((c === '[' || c === '{') && depth-- === 0) {
      const eol = text.indexOf('\n', i);
      return [i, eol < 0 ? text.length : eol];
    }
  }
  return null;
}

/**
 * A block collection ends with its last item (the parser's range runs on over trailing comments and blank lines; a flow
 * one ends at its bracket).
 */
function tight(n: YNode, r: Range, last: Range | undefined): Range {
  return (isMap(n) || isSeq(n)) && !n.flow && last ? span(r.start, last.end) : r;
}

/**
 * `at`: the range of the alias being expanded — every node read through an alias is placed there, so
 * a diagnostic about it points at the alias (and never runs backwards to the anchor).
 */
function toLit(n: YNode, w: Walk, depth: number, at: Range | null): Lit {
  const [start, valueEnd, end] = n.range ?? [0, 0, 0];
  const r = at ?? w.lines.range(start, (isMap(n) || isSeq(n)) && n.flow ? valueEnd : end);
  if (depth > MAX_DEPTH) return { kind: 'other', text: '…', range: r };
  if (at && --w.budget < 0) {
    w.exhausted ??= {
      range: r,
      message: `Syntax error: aliases expand to more than ${ALIAS_BUDGET} nodes; the rest is not read`,
      unread: true,
    };
    return { kind: 'other', text: '…', range: r };
  }
  if (!at && (isScalar(n) || isMap(n) || isSeq(n)) && n.anchor) w.anchors.set(n.anchor, n);
  if (isScalar(n)) {
    const v = n.value;
    const sr = at ?? w.lines.range(start, valueEnd);
    if (typeof v === 'string') {
      const quoted = !at && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE');
      const inner = quoted ? w.lines.range(start + 1, Math.max(start + 1, valueEnd - 1)) : sr;
      return strLit(quoted || sr.start.line !== sr.end.line ? flat(v) : v, sr, inner);
    }
    return typedLit(
      v,
      sr,
      typeof v === 'number' && w.pyyaml !== null && n.type === 'PLAIN' ? w.pyyaml.slice(start, valueEnd) : null,
    );
  }
  if (isMap(n)) {
    const entries: DictEntry[] = [];
    for (const item of n.items) {
      const k = item.key as YNode | null;
      if (!k) continue;
      const key = toLit(k, w, depth + 1, at);
      const value: Lit = item.value ? toLit(item.value as YNode, w, depth + 1, at) : { kind: 'none', range: key.range };
      entries.push(dictPair(key, value, at ?? undefined));
    }
    return { kind: 'dict', entries, range: at ?? tight(n, r, entries[entries.length - 1]?.range) };
  }
  if (isSeq(n)) {
    const items = n.items.map((i) => toLit(i as YNode, w, depth + 1, at));
    return { kind: 'list', items, range: at ?? tight(n, r, items[items.length - 1]?.range) };
  }
  if (isAlias(n)) {
    const target = w.anchors.get(n.source);
    return target ? toLit(target, w, depth + 1, r) : { kind: 'other', text: `*${n.source}`, range: r };
  }
  return { kind: 'other', text: '', range: r };
}
