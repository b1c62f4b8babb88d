// Reads what the analysis needs from one Python file — top-level assignments as literals, top-level
// classes, syntax errors — in one parse. The result depends on the text only, so it is cached by content.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../types';
import type { DictEntry, Lit } from '../literal';
import { withPythonTree } from './parser';
import { LineIndex } from '../text/lineIndex';
import { scanLiteral } from './literalScanner';
import { scanClasses } from './classScanner';
import { decodeBody, unescape } from './strings';

export interface PyAssignment {
  name: string;
  nameRange: Range;
  /** The whole statement, for RL031 and quick fixes that rewrite it. */
  stmtRange: Range;
  value: Lit;
}

export interface PyClass {
  name: string;
  nameRange: Range;
  range: Range;
  bases: string[];
  /** Names assigned in the class body (`input_schema = …`). */
  attributes: string[];
  /** Class attributes assigned a string literal (`description = "…"`, `version = "1.2.0"`). */
  strAttrs: Record<string, string>;
  /** Names of methods defined in the class body. */
  methods: string[];
  docstring: string | null;
}

export interface PySyntaxError { range: Range; message: string }

export interface PyFacts {
  /** Last top-level assignment of each name, as Python would keep it. */
  assignments: Map<string, PyAssignment>;
  classes: PyClass[];
  errors: PySyntaxError[];
}

const MAX_DEPTH = 64;
const MAX_ERRORS = 50;

export function range(n: Node): Range {
  return {
    start: { line: n.startPosition.row, character: n.startPosition.column },
    end: { line: n.endPosition.row, character: n.endPosition.column },
  };
}

/**
 * `registry`: also read the top-level assignments and the syntax errors (registry files); other
 * Python files (components, modules, subjects) need only their classes.
 */
export function parsePythonFacts(text: string, registry = true, key?: string): PyFacts {
  const classes = registry ? null : scanClasses(text);
  if (classes) return { assignments: new Map(), classes, errors: [] };
  return withPythonTree(text, (tree) => {
    const root = tree.rootNode;
    const facts: PyFacts = { assignments: new Map(), classes: [], errors: [] };
    let lines: LineIndex | null = null;
    for (const stmt of root.namedChildren) {
      if (!stmt) continue;
      if (stmt.type === 'expression_statement') { if (registry) readAssignment(stmt, facts, () => (lines ??= new LineIndex(text)), text); }
      else if (stmt.type === 'class_definition') facts.classes.push(readClass(stmt));
      else if (stmt.type === 'decorated_definition') {
        const def = stmt.childForFieldName('definition');
        if (def?.type === 'class_definition') facts.classes.push(readClass(def));
      }
    }
    if (registry && root.hasError) collectErrors(root, facts.errors);
    return facts;
  }, key);
}

function readAssignment(stmt: Node, facts: PyFacts, lines: () => LineIndex, text: string): void {
  const asg = stmt.firstNamedChild;
  if (!asg || asg.type !== 'assignment') return;
  const left = asg.childForFieldName('left');
  const right = asg.childForFieldName('right');
  if (!left || left.type !== 'identifier' || !right) return;
  // Error-free literals are read from the text (fast); anything else walks the tree.
  const value = (!right.hasError && scanLiteral(text, right.startIndex, right.endIndex, lines())) || toLit(right, 0);
  facts.assignments.set(left.text, { name: left.text, nameRange: range(left), stmtRange: range(stmt), value });
}

function readClass(def: Node): PyClass {
  const name = def.childForFieldName('name');
  const supers = def.childForFieldName('superclasses');
  const body = def.childForFieldName('body');
  const cls: PyClass = {
    name: name?.text ?? '',
    nameRange: name ? range(name) : range(def),
    range: range(def),
    bases: supers ? supers.namedChildren.filter((n): n is Node => !!n && n.type !== 'keyword_argument').map((n) => n.text) : [],
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
          const v = right?.type === 'string' || right?.type === 'concatenated_string' ? toLit(right, 0) : null;
          if (v?.kind === 'str') cls.strAttrs[left.text] = v.value;
        }
      } else if (i === 0 && first && (first.type === 'string' || first.type === 'concatenated_string')) {
        const doc = toLit(first, 0);
        if (doc.kind === 'str') cls.docstring = doc.value;
      }
    }
  });
  return cls;
}

/** A literal with ranges, or `other` for expressions (never evaluated). */
export function toLit(n: Node, depth: number): Lit {
  const r = range(n);
  if (depth > MAX_DEPTH) return { kind: 'other', text: '…', range: r };
  switch (n.type) {
    case 'string': {
      const fast = plainString(n.text, r);
      if (fast) return fast;
      const s = readString(n);
      return s ? { kind: 'str', value: s.value, range: r, inner: innerOf(n) } : other(n);
    }
    case 'concatenated_string': {
      let value = '';
      for (const part of n.namedChildren) {
        const s = part && part.type === 'string' ? readString(part) : null;
        if (!s) return other(n);
        value += s.value;
      }
      return { kind: 'str', value, range: r, inner: r };
    }
    case 'integer': case 'float': {
      const value = Number(n.text.replace(/_/g, ''));
      return Number.isNaN(value) ? other(n) : { kind: 'num', value, int: n.type === 'integer', range: r };
    }
    case 'unary_operator': {
      const arg = n.childForFieldName('argument');
      const op = n.childForFieldName('operator')?.text;
      if (arg && (op === '-' || op === '+')) {
        const v = toLit(arg, depth + 1);
        if (v.kind === 'num') return { ...v, value: op === '-' ? -v.value : v.value, range: r };
      }
      return other(n);
    }
    case 'true': return { kind: 'bool', value: true, range: r };
    case 'false': return { kind: 'bool', value: false, range: r };
    case 'none': return { kind: 'none', range: r };
    case 'parenthesized_expression': {
      const inner = n.firstNamedChild;
      return inner && inner.type !== 'comment' ? toLit(inner, depth + 1) : other(n);
    }
    case 'list': case 'tuple': case 'set': {
      const items: Lit[] = [];
      for (const c of n.namedChildren) if (c && c.type !== 'comment' && !c.isError) items.push(toLit(c, depth + 1));
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
        entries.push({ key: toLit(k, depth + 1), value: toLit(v, depth + 1), range: range(c) });
      }
      return { kind: 'dict', entries, range: r };
    }
    default: return other(n);
  }
}

function innerOf(n: Node): Range {
  const start = n.firstChild;
  const end = n.lastChild;
  if (!start || !end || start === end) return range(n);
  return { start: range(start).end, end: range(end).start };
}

function other(n: Node): Lit {
  const t = n.text;
  return { kind: 'other', text: t.length > 120 ? `${t.slice(0, 117)}...` : t, range: range(n) };
}

const PLAIN_STRING = /^([rRuU]?)('''|"""|'|")([^\n]*)\2$/;

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
  return { kind: 'str', value, range: r, inner: { start: { line: r.start.line, character: r.start.character + open }, end: { line: r.end.line, character: r.end.character - quote.length } } };
}

function readString(n: Node): { value: string } | null {
  const start = n.firstChild;
  const prefix = (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('f') || prefix.includes('b') || prefix.includes('t')) {
    if (prefix.includes('f') || prefix.includes('t')) {
      for (const c of n.namedChildren) if (c?.type === 'interpolation') return null;
    }
    if (prefix.includes('b')) return null;
  }
  const raw = prefix.includes('r');
  let value = '';
  for (const c of n.children) {
    if (!c) continue;
    if (c.type === 'string_content') value += c.text;
    else if (c.type === 'escape_sequence') value += raw ? c.text : unescape(c.text);
  }
  return { value };
}

function collectErrors(root: Node, out: PySyntaxError[]): void {
  const cursor = root.walk();
  try {
    let descend = true;
    for (;;) {
      const n = cursor.currentNode;
      if (n.isError || n.isMissing) {
        if (out.length >= MAX_ERRORS) return;
        out.push(n.isMissing
          ? { range: range(n), message: `Syntax error: missing '${n.type}'` }
          : { range: range(n), message: `Syntax error: unexpected ${describeText(n.text)}` });
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

function describeText(t: string): string {
  const oneLine = t.replace(/\s+/g, ' ').trim();
  if (!oneLine) return 'end of input';
  return `'${oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine}'`;
}
