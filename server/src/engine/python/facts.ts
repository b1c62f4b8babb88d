// Reads what the analysis needs from one Python file — top-level assignments as literals, top-level
// classes, syntax errors — in one parse, or cheaper when that gives the same: the classes of a component
// file from its text (classScanner.ts), an error-free registry file from a parse of its skeleton
// without its literals (skeleton.ts). The result depends on the text only (the per-file `applied`
// query keeps it while the text stays).
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import { bareStr, dictPair, strLit, type DictEntry, type Lit } from '../literal';
import { keepsTree, warmTree, withPythonTree, type TreeWarmup } from './parser';
import { LineIndex, normalizeLoneCr } from '../text/lineIndex';
import { scanLiteral } from './literalScanner';
import { recoverLiteral } from './recover';
import { scanClasses } from './classScanner';
import { detachClasses } from './detach';
import { decodeBody } from './strings';
import type { ModuleClass, PyClass } from './pyClass';
import { pos, span, spanAt } from '../text/positions';
import { nextLine, nextRawLine } from './lineStarts';
import { plainStatements, skeletonOf, type PlainAssignment, type Skeleton } from './skeleton';

export type { ModuleClass, PyClass } from './pyClass';

export interface PyAssignment {
  name: string;
  nameRange: Range;
  /** The whole statement, for RL031 and quick fixes that rewrite it. */
  stmtRange: Range;
  value: Lit;
}

export interface PySyntaxError {
  range: Range;
  message: string;
}

export interface PyFacts {
  /** Last top-level assignment of each name, as Python would keep it. */
  assignments: Map<string, PyAssignment>;
  classes: PyClass[];
  errors: PySyntaxError[];
}

const MAX_DEPTH = 64;
const MAX_ERRORS = 50;

/**
 * A node's range. tree-sitter ends lines at `\n` only, so on a `\r\n` line it counts the `\r` as a
 * character (a comment token ends after it): a point right after that `\r` is the end of the line under
 * LSP's rules, one character before. `cr`: the text when it holds a `\r` (each before a `\n`: lone ones
 * are normalised), else null.
 */
export function range(n: Node, cr: string | null): Range {
  const s = n.startPosition;
  const e = n.endPosition;
  if (cr === null) return spanAt(s.row, s.column, e.row, e.column);
  return spanAt(s.row, s.column - afterCr(cr, n.startIndex), e.row, e.column - afterCr(cr, n.endIndex));
}

function afterCr(text: string, offset: number): number {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 ? 1 : 0;
}

/** `range`'s `cr` for a text. */
export function crOf(text: string): string | null {
  return text.includes('\r') ? text : null;
}

/** The top-level assignments (registry files), classes and syntax errors of a registry file. */
export function parsePythonFacts(rawText: string, key?: string): PyFacts {
  // A file whose tree is kept is being edited: its reparse is incremental, and keeps the tree for the next edit.
  const fast = !(key !== undefined && keepsTree(key)) ? skeletonFacts(rawText) : null;
  return fast ?? treeFacts(rawText, true, key);
}

/** warmTree for a Python file's text, parsed as this module's readers parse it. */
export function warmPythonTree(rawText: string, key: string): TreeWarmup | undefined {
  return warmTree(normalizeLoneCr(rawText), key);
}

/**
 * The classes of a module that needs only its classes (components, subjects, entry points), as strings
 * of their own: its text can go (Workspace.release). With `namesOnly` its classes keep no docstring and
 * no string attribute values: only an apcore module's description and version read them, and a cursus
 * component is never one (35,000 docstrings on a large org: ~6 MB).
 */
export function moduleClasses(rawText: string, file: string, namesOnly = false): ModuleClass[] {
  return detachClasses(scanClasses(rawText) ?? treeFacts(rawText, false, file).classes, file, namesOnly);
}

/**
 * A skeleton is parsed when it is small or at most half the file. A larger one keeps literals that
 * are most of the file (one with a mistake, one with a name inside): then the full parse, which a
 * mistake needs anyway and which costs about as much, is parsed instead.
 */
function worthParsing(skeleton: string, text: string): boolean {
  return skeleton.length <= 8_192 || skeleton.length <= text.length / 2;
}

/** The facts from a full parse (and, for a registry file with syntax errors, the recovery of its literals). */
export function treeFacts(rawText: string, registry: boolean, key?: string): PyFacts {
  // tree-sitter-python only breaks lines at `\n`; a lone `\r` (a line end for Python and LSP) becomes one.
  const text = normalizeLoneCr(rawText);
  return withPythonTree(
    text,
    (tree) => {
      const root = tree.rootNode;
      let lines: LineIndex | null = null;
      const lineIndex = (): LineIndex => (lines ??= new LineIndex(text));
      const facts = readStatements(root, text, registry, lineIndex);
      if (registry && root.hasError) {
        const treeErrors: { start: number; end: number; error: PySyntaxError }[] = [];
        collectErrors(root, treeErrors, crOf(text));
        recoverFacts(text, facts, lineIndex(), treeErrors);
      }
      return facts;
    },
    (cut) => cutFacts(text, registry, cut),
    key,
  );
}

/**
 * Re-reads the top-level dicts of a registry file entry by entry (recoverAssignments) into `facts`, and
 * sets its errors: the reader's inside the literals it re-read, `treeErrors` (tree-sitter's) elsewhere.
 */
function recoverFacts(
  text: string,
  facts: PyFacts,
  lines: LineIndex,
  treeErrors: { start: number; end: number; error: PySyntaxError }[],
): void {
  const found = new Set(facts.assignments.keys());
  const spans = recoverAssignments(text, facts, lines, nextLine);
  // A quote lost from a docstring can pair its other end with a later string and hide a registry:
  // then the lines are read again without regard to strings, for the names still missing.
  if ([...facts.assignments.keys()].every((k) => found.has(k)))
    spans.push(...recoverAssignments(text, facts, lines, nextRawLine, found));
  // The scanner's mistakes replace tree-sitter's inside the literals it re-read (tree-sitter's ERROR
  // nodes there often span the whole statement or file); tree-sitter's stay elsewhere.
  for (const e of treeErrors) {
    // (Touching counts: tree-sitter often ends the statement with an empty error node right after it.)
    if (!spans.some((s) => e.start <= s.end && s.start <= e.end)) facts.errors.push(e.error);
  }
  for (const s of spans) facts.errors.push(...s.errors);
  facts.errors.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  facts.errors.splice(MAX_ERRORS);
}

/**
 * The facts of a file whose parse was cut at `cut` (past its work budget: parseBudget.ts), read in
 * linear time without a tree: the top-level dicts of a registry file entry by entry, as for a file
 * with syntax errors, the classes when the class scanner can tell them (else none), and an RL030 saying so
 * (first, so the bound on errors keeps it).
 */
function cutFacts(text: string, registry: boolean, cut: number): PyFacts {
  const lines = new LineIndex(text);
  const facts: PyFacts = { assignments: new Map(), classes: scanClasses(text) ?? [], errors: [] };
  if (registry) recoverFacts(text, facts, lines, []);
  const line = lines.locate(cut);
  const message =
    'Syntax error: this file could not be fully parsed in bounded time (the parse was stopped on this line: ' +
    'look above it for a string or bracket left open); its top-level dicts are read entry by entry';
  facts.errors.unshift({ range: span(pos(line, 0), pos(line, lines.lineText(line).length)), message });
  facts.errors.splice(MAX_ERRORS);
  return facts;
}

/**
 * The facts of an error-free registry file from a parse of its skeleton (skeleton.ts: its literals
 * left out, read by the strict scanner instead; no parse when nothing but them is left, as in a
 * generated registry), equal to treeFacts' — or null when nothing was left
 * out, when the skeleton is not worth parsing (unless `always`: the proofs), when it has a syntax error
 * (the full parse and its recovery tell the rest), or when a literal left out did not come back as the
 * right-hand side of a top-level assignment.
 */
export function skeletonFacts(rawText: string, always = false): PyFacts | null {
  const text = normalizeLoneCr(rawText);
  // tree-sitter reads a NUL as the end of its input.
  if (text.includes('\0')) return null;
  const lines = new LineIndex(text);
  const skeleton = skeletonOf(text, lines);
  if (!skeleton) return null;
  const plain = plainStatements(skeleton);
  if (plain) return plainFacts(plain, lines);
  if (!(always || worthParsing(skeleton.text, text))) return null;
  return withPythonTree(
    skeleton.text,
    (tree) => {
      if (tree.rootNode.hasError) return null;
      const read = { skeleton, used: 0, lines };
      // Outside the literals left out the skeleton's lines are the text's, so positions read on it are the same.
      const skeletonLines = new LineIndex(skeleton.text);
      const facts = readStatements(tree.rootNode, skeleton.text, true, () => skeletonLines, read);
      return read.used === skeleton.literals.size ? facts : null;
    },
    () => null,
  );
}

/** The facts of a skeleton with nothing but its literals (plainStatements): what readStatements reads from its tree. */
function plainFacts(plain: PlainAssignment[], lines: LineIndex): PyFacts {
  const facts: PyFacts = { assignments: new Map(), classes: [], errors: [] };
  for (const { name, line, literal } of plain) {
    const start = pos(line, 0);
    facts.assignments.set(name, {
      name,
      nameRange: { start, end: pos(line, name.length) },
      stmtRange: { start, end: lines.position(literal.end) },
      value: literal.value,
    });
  }
  return facts;
}

/** The top-level assignments (registry files) and classes; `skeleton`: when `root` is a skeleton's. */
function readStatements(
  root: Node,
  text: string,
  registry: boolean,
  lineIndex: () => LineIndex,
  skeleton?: SkeletonRead,
): PyFacts {
  const facts: PyFacts = { assignments: new Map(), classes: [], errors: [] };
  const cr = crOf(text);
  for (const stmt of root.namedChildren) {
    if (!stmt) continue;
    if (stmt.type === 'expression_statement') {
      if (registry) readAssignment(stmt, facts, lineIndex, text, cr, skeleton);
    } else if (stmt.type === 'class_definition') facts.classes.push(readClass(stmt, cr));
    else if (stmt.type === 'decorated_definition') {
      const def = stmt.childForFieldName('definition');
      if (def?.type === 'class_definition') facts.classes.push(readClass(def, cr));
    }
  }
  return facts;
}

/** A top-level `NAME = {` (or `NAME: T = {`) at the start of a line. */
// The lookahead starts where the blanks after `=` end: a second `[ \t]*` inside it made every step back
// over a long run of blanks scan the rest of the run again (quadratic: 100,000 blanks took 20 s).
const DICT_ASSIGNMENT = /([A-Z_]\w*)[ \t]*(?::[^=\n]*)?=[ \t]*(?=\{|(?:#[^\n]*)?\n[ \t]+['"])/iy;

interface Span {
  start: number;
  end: number;
  errors: PySyntaxError[];
}

/**
 * Re-reads from the text every top-level dict assignment, so a literal tree-sitter could not place in a
 * statement (or placed with errors) is still read entry by entry. Returns the spans re-read with errors.
 */
function recoverAssignments(
  text: string,
  facts: PyFacts,
  lines: LineIndex,
  next: (text: string, from: number) => number,
  only?: Set<string>,
): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    DICT_ASSIGNMENT.lastIndex = i;
    const m = DICT_ASSIGNMENT.exec(text);
    if (m?.[1]) {
      const name = m[1];
      const valueStart = i + m[0].length;
      const known = facts.assignments.get(name);
      if (only && known) {
        i = next(text, i);
        continue;
      }
      const rec = recoverLiteral(text, valueStart, lines);
      if (rec.errors.length > 0 || !known) {
        facts.assignments.set(name, {
          name,
          nameRange: lines.range(i, i + name.length),
          stmtRange: lines.range(i, rec.end),
          value: rec.value,
        });
      }
      if (rec.errors.length > 0) spans.push({ start: valueStart, end: rec.end, errors: rec.errors });
      i = Math.max(rec.end, valueStart + 1);
    }
    i = next(text, i);
  }
  return spans;
}

/** A skeleton being read: how many of its literals were found, and the lines of the file (not the skeleton's). */
interface SkeletonRead {
  skeleton: Skeleton;
  used: number;
  lines: LineIndex;
}

function readAssignment(
  stmt: Node,
  facts: PyFacts,
  lines: () => LineIndex,
  text: string,
  cr: string | null,
  skeleton?: SkeletonRead,
): void {
  const asg = stmt.firstNamedChild;
  if (!asg || asg.type !== 'assignment') return;
  const left = asg.childForFieldName('left');
  const right = asg.childForFieldName('right');
  if (!left || left.type !== 'identifier' || !right) return;
  // A literal the skeleton left out: `(0…)` in its place.
  const literal =
    right.type === 'parenthesized_expression' ? skeleton?.skeleton.literals.get(right.startIndex) : undefined;
  if (skeleton && literal) {
    skeleton.used++;
    const stmtRange = { start: range(stmt, cr).start, end: skeleton.lines.position(literal.end) };
    facts.assignments.set(left.text, { name: left.text, nameRange: range(left, cr), stmtRange, value: literal.value });
    return;
  }
  // Error-free literals are read from the text (fast); anything else walks the tree.
  const scanned = right.hasError ? null : scanLiteral(text, right.startIndex, right.endIndex, lines());
  let value: Lit;
  if (scanned === 'split') {
    // Valid Python that joins two keys on separate lines ("A" then "B": {…}): read as the two entries meant.
    const rec = recoverLiteral(text, right.startIndex, lines());
    value = rec.value;
    facts.errors.push(...rec.errors);
  } else {
    value = scanned ?? toLit(right, 0, cr);
  }
  facts.assignments.set(left.text, { name: left.text, nameRange: range(left, cr), stmtRange: range(stmt, cr), value });
}

function readClass(def: Node, cr: string | null): PyClass {
  const name = def.childForFieldName('name');
  const supers = def.childForFieldName('superclasses');
  const body = def.childForFieldName('body');
  const cls: PyClass = {
    name: name?.text ?? '',
    nameRange: name ? range(name, cr) : range(def, cr),
    range: range(def, cr),
    bases: supers
      ? supers.namedChildren.filter((n): n is Node => !!n && n.type !== 'keyword_argument').map((n) => n.text)
      : [],
    attributes: [],
    strAttrs: {},
    methods: [],
    docstring: null,
  };
  if (!body) return cls;
  body.namedChildren.forEach((s, i) => {
    if (!s) return;
    const fn = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
    if (fn?.type === 'function_definition') {
      const n = fn.childForFieldName('name');
      if (n) cls.methods.push(n.text);
    } else if (s.type === 'expression_statement') {
      const first = s.firstNamedChild;
      if (first?.type === 'assignment') {
        const left = first.childForFieldName('left');
        const right = first.childForFieldName('right');
        if (left?.type === 'identifier') {
          cls.attributes.push(left.text);
          const v = right?.type === 'string' || right?.type === 'concatenated_string' ? toLit(right, 0, cr) : null;
          if (v?.kind === 'str') cls.strAttrs[left.text] = v.value;
        }
      } else if (i === 0 && first && (first.type === 'string' || first.type === 'concatenated_string')) {
        const doc = toLit(first, 0, cr);
        if (doc.kind === 'str') cls.docstring = doc.value;
      }
    }
  });
  return cls;
}

/** A literal with ranges, or `other` for expressions (never evaluated). */
export function toLit(n: Node, depth: number, cr: string | null): Lit {
  const r = range(n, cr);
  if (depth > MAX_DEPTH) return { kind: 'other', text: '…', range: r };
  switch (n.type) {
    case 'string': {
      const fast = plainString(n.text, r);
      if (fast) return fast;
      const s = readString(n);
      return s ? strLit(s.value, r, innerOf(n, cr)) : other(n, cr);
    }
    case 'concatenated_string': {
      let value = '';
      for (const part of n.namedChildren) {
        const s = part && part.type === 'string' ? readString(part) : null;
        if (!s) return other(n, cr);
        value += s.value;
      }
      return bareStr(value, r);
    }
    case 'integer':
    case 'float': {
      const value = Number(n.text.replace(/_/g, ''));
      return Number.isNaN(value) ? other(n, cr) : { kind: 'num', value, int: n.type === 'integer', range: r };
    }
    case 'unary_operator': {
      const arg = n.childForFieldName('argument');
      const op = n.childForFieldName('operator')?.text;
      if (arg && (op === '-' || op === '+')) {
        const v = toLit(arg, depth + 1, cr);
        if (v.kind === 'num') return { ...v, value: op === '-' ? -v.value : v.value, range: r };
      }
      return other(n, cr);
    }
    case 'true':
      return { kind: 'bool', value: true, range: r };
    case 'false':
      return { kind: 'bool', value: false, range: r };
    case 'none':
      return { kind: 'none', range: r };
    case 'parenthesized_expression': {
      const inner = n.firstNamedChild;
      return inner && inner.type !== 'comment' ? toLit(inner, depth + 1, cr) : other(n, cr);
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const items: Lit[] = [];
      for (const c of n.namedChildren) if (c && c.type !== 'comment' && !c.isError) items.push(toLit(c, depth + 1, cr));
      return { kind: 'list', items, range: r };
    }
    case 'dictionary': {
      const entries: DictEntry[] = [];
      for (const c of n.namedChildren) {
        if (!c || c.type !== 'pair') continue;
        // A pair is `key: value` (two named children) unless a comment sits inside it.
        const plain = c.namedChildCount === 2;
        const k = plain ? c.firstNamedChild : c.childForFieldName('key');
        const v = plain ? c.lastNamedChild : c.childForFieldName('value');
        if (!k || !v || k.isMissing || v.isMissing) continue;
        entries.push(dictPair(toLit(k, depth + 1, cr), toLit(v, depth + 1, cr), range(c, cr)));
      }
      return { kind: 'dict', entries, range: r };
    }
    default:
      return other(n, cr);
  }
}

function innerOf(n: Node, cr: string | null): Range {
  const start = n.firstChild;
  const end = n.lastChild;
  if (!start || !end || start === end) return range(n, cr);
  return { start: range(start, cr).end, end: range(end, cr).start };
}

function other(n: Node, cr: string | null): Lit {
  const t = n.text;
  return { kind: 'other', text: t.length > 120 ? `${t.slice(0, 117)}...` : t, range: range(n, cr) };
}

const PLAIN_STRING = /^([ru]?)('''|"""|'|")([^\n]*)\2$/i;

/**
 * The common case read from the text alone — a one-line literal without f/b/t prefix — which avoids
 * walking the string's child nodes through the wasm boundary; anything else goes through readString.
 */
function plainString(text: string, r: Range): Lit | null {
  const m = PLAIN_STRING.exec(text);
  if (!m) return null;
  const [, prefix = '', quote = '', body = ''] = m;
  const value = decodeBody(body, prefix.toLowerCase() === 'r');
  const open = prefix.length + quote.length;
  return strLit(
    value,
    r,
    span(pos(r.start.line, r.start.character + open), pos(r.end.line, r.end.character - quote.length)),
  );
}

function readString(n: Node): { value: string } | null {
  const start = n.firstChild;
  const end = n.lastChild;
  if (!start || !end || start === end || start.type !== 'string_start' || end.type !== 'string_end') return null;
  const open = start.text;
  const prefix = open.replace(/(?<!['"])['"]+$/, '').toLowerCase();
  if (prefix.includes('b')) return null;
  const formatted = prefix.includes('f') || prefix.includes('t');
  if (formatted) for (const c of n.namedChildren) if (c?.type === 'interpolation') return null;
  // The body as written, decoded as CPython does (escape sequences are nested in the string's content nodes).
  const text = n.text;
  const body = text.slice(open.length, text.length - end.text.length);
  return { value: decodeBody(formatted ? body.replace(/\{\{|\}\}/g, (b) => b.charAt(0)) : body, prefix.includes('r')) };
}

function collectErrors(
  root: Node,
  out: { start: number; end: number; error: PySyntaxError }[],
  cr: string | null,
): void {
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      const n = cursor.currentNode;
      if (n.isError || n.isMissing) {
        if (out.length >= MAX_ERRORS) return;
        out.push({
          start: n.startIndex,
          end: n.endIndex,
          error: n.isMissing
            ? { range: range(n, cr), message: `Syntax error: missing '${n.type}'` }
            : { range: firstLine(n, cr), message: `Syntax error: unexpected ${describeText(n.text)}` },
        });
        descend = false;
      }
      if (descend && n.hasError && cursor.gotoFirstChild()) continue;
      descend = true;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** An error node's first line: the place of the mistake, not the statements tree-sitter skipped after it. */
function firstLine(n: Node, cr: string | null): Range {
  const r = range(n, cr);
  if (r.end.line === r.start.line) return r;
  const first = n.text.split(/\r?\n/, 1)[0] ?? '';
  return { start: r.start, end: pos(r.start.line, r.start.character + first.length) };
}

function describeText(t: string): string {
  const oneLine = t.replace(/\s+/g, ' ').trim();
  if (!oneLine) return 'end of input';
  return `'${oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine}'`;
}
