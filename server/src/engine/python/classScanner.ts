// The top-level classes of a Python file read from its text alone, for files whose classes are all the
// analysis needs (builder and config modules: the class index). A tree-sitter parse of such a file walks
// every method body; this reads tokens and indentation only. It answers only for plain, well-formed
// text — ASCII code (other characters only in strings and comments), no tabs, carriage returns or line
// continuations, comments only where tree-sitter's placement of them is known, well-nested brackets
// and blocks, no token sequence that cannot be Python — and returns null whenever it is unsure, so the
// caller parses with tree-sitter instead. Columns are UTF-16 code units, as web-tree-sitter counts
// them. A test proves it equal to the full parse on the bench corpus and on mutated files.
import type { Range } from '../types';
import type { PyClass } from './pyClass';
import { decodeBody } from './strings';
import { pos } from '../text/positions';

type Kind = 'name' | 'num' | 'str' | 'op' | 'open' | 'close';
interface Token {
  kind: Kind;
  text: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  /** Strings: the decoded value when the literal is one tree-sitter reads the same way, else null. */
  value?: string | null;
}
interface Logical {
  indent: number;
  tokens: Token[];
  comment: boolean;
  /** A comment ends the logical line (or is the whole of it): where its physical line ends. */
  commentEnd: { line: number; character: number } | null;
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
/** Names tree-sitter may read as statements of their own (soft keywords, Python 2 statements). */
const AMBIGUOUS = new Set(['match', 'case', 'type', 'print', 'exec']);
/** Statements that open a block (the line ends with `:`). */
const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'with', 'try', 'except', 'finally', 'def', 'class', 'async']);
/** Keywords that may stand where a value is expected (before an operand). */
const PREFIX_KEYWORDS = new Set(['not', 'await', 'lambda', 'yield', 'return', 'if', 'elif', 'while', 'for', 'in', 'is', 'and', 'or', 'else', 'assert', 'del', 'raise', 'from', 'import', 'as', 'with', 'global', 'nonlocal', 'except', 'async', 'def', 'class']);
/** Keywords that only start a statement (`import` also follows `from …`, `def` follows `async`). */
const STATEMENT_ONLY = new Set(['finally', 'try', 'except', 'elif', 'while', 'with', 'def', 'class', 'global', 'nonlocal', 'del', 'assert', 'return', 'pass', 'break', 'continue', 'raise', 'import', 'async']);
/** Keywords that are values. */
const VALUE_KEYWORDS = new Set(['None', 'True', 'False']);
const STRING_PREFIXES = new Set(['r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf']);
/** Operators by length, longest first (the tokenizer takes the longest that matches). */
const OPERATORS: ReadonlySet<string>[] = [
  new Set(['**=', '//=', '>>=', '<<=', '...']),
  new Set(['->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']),
  new Set(['+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '=', '.', ',', ':']),
];
/** Operators that may start an operand (unary, unpacking). */
const UNARY = new Set(['+', '-', '~', '*', '**']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

class Unsure extends Error {}
const unsure = (): never => { throw new Unsure(); };

/** The top-level classes as parsePythonFacts reads them, or null when only a parse can tell. */
export function scanClasses(text: string): PyClass[] | null {
  // Control characters (tabs, carriage returns, form feeds), line separators and byte-order marks.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(text)) return null;
  try {
    return classesOf(logicalLines(text));
  } catch (e) {
    if (e instanceof Unsure) return null;
    throw e;
  }
}

// ---- lines and tokens

function logicalLines(text: string): Logical[] {
  const out: Logical[] = [];
  const n = text.length;
  let i = 0;
  let line = 0;
  let lineStart = 0;
  let current: Logical | null = null;
  const stack: string[] = [];
  const push = (kind: Kind, start: number, end: number): void => {
    current ??= { indent: start - lineStart, tokens: [], comment: false, commentEnd: null };
    current.tokens.push({ kind, text: text.slice(start, end), line, col: start - lineStart, endLine: line, endCol: end - lineStart });
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) { // \n
      if (stack.length === 0 && current) { out.push(current); current = null; }
      i++; line++; lineStart = i;
      // A bracket continued on a line left of its statement: tree-sitter's indentation scanner may end the block there.
      if (current) {
        let j = i;
        while (text.charCodeAt(j) === 32) j++;
        if (j - i < current.indent && j < n && text.charCodeAt(j) !== 10) unsure();
      }
      continue;
    }
    if (c === 32) { i++; continue; }
    const ch = text[i] as string;
    if (ch === '#') {
      const indent = i - lineStart;
      while (i < n && text.charCodeAt(i) !== 10) i++;
      // Inside brackets a comment is an extra of the expression; only one after the last token ends the line.
      const end = stack.length > 0 ? null : pos(line, i - lineStart);
      if (current) { current.comment = true; current.commentEnd = end ?? current.commentEnd; } else out.push({ indent, tokens: [], comment: true, commentEnd: end });
      continue;
    }
    if (c > 126) unsure();
    if (ch === '\\' || ch === ';' || ch === '$' || ch === '?' || ch === '`' || ch === '!' && text[i + 1] !== '=') unsure();
    if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      if (text[j] === '"' || text[j] === "'") {
        if (!STRING_PREFIXES.has(word.toLowerCase())) unsure();
        const start = i;
        const startLine = line;
        const startCol = i - lineStart;
        const s = readString(text, j, word.toLowerCase());
        current ??= { indent: startCol, tokens: [], comment: false, commentEnd: null };
        for (let k = j; k < s.end; k++) if (text.charCodeAt(k) === 10) { line++; lineStart = k + 1; }
        current.tokens.push({ kind: 'str', text: text.slice(start, s.end), line: startLine, col: startCol, endLine: line, endCol: s.end - lineStart, value: s.value });
        i = s.end;
        continue;
      }
      push('name', i, j);
      i = j;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const startLine = line;
      const startCol = i - lineStart;
      const s = readString(text, i, '');
      current ??= { indent: startCol, tokens: [], comment: false, commentEnd: null };
      const start = i;
      for (let k = i; k < s.end; k++) if (text.charCodeAt(k) === 10) { line++; lineStart = k + 1; }
      current.tokens.push({ kind: 'str', text: text.slice(start, s.end), line: startLine, col: startCol, endLine: line, endCol: s.end - lineStart, value: s.value });
      i = s.end;
      continue;
    }
    if (isDigit(c) || ch === '.' && isDigit(text.charCodeAt(i + 1))) {
      const j = numberEnd(text, i);
      push('num', i, j);
      i = j;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') { stack.push(ch); push('open', i, i + 1); i++; continue; }
    if (ch === ')' || ch === ']' || ch === '}') {
      if (stack.pop() !== CLOSERS[ch]) unsure();
      push('close', i, i + 1);
      i++;
      continue;
    }
    const len = operatorLength(text, i);
    push('op', i, i + len);
    i += len;
  }
  if (stack.length > 0) unsure();
  if (current) out.push(current);
  return out;
}

/** The length of the longest operator at `i` (the tokenizer takes the longest that matches); unsure when none does. */
function operatorLength(text: string, i: number): number {
  // A comma, the commonest, starts no longer operator.
  const c = text.charCodeAt(i);
  if (c === 44) return 1;
  for (let len = 3; len >= 1; len--) if ((OPERATORS[3 - len] as ReadonlySet<string>).has(text.slice(i, i + len))) return len;
  return unsure();
}

function isNameStart(c: number): boolean { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; }
function isNameChar(c: number): boolean { return isNameStart(c) || isDigit(c); }
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }

const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)$/;

function numberEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (isNameChar(c) || c === 46) { j++; continue; }
    // An exponent's sign: 1e-5
    if ((c === 43 || c === 45) && /[eE]/.test(text[j - 1] ?? '') && !/^0[xX]/.test(text.slice(i, j))) { j++; continue; }
    break;
  }
  if (!NUMBER.test(text.slice(i, j))) unsure();
  return j;
}

/**
 * A string literal starting at the quote `i`; `value` is what facts.ts reads for a literal it decodes
 * (null when this scanner does not vouch for it: f/b prefixes, escapes across lines).
 */
function readString(text: string, i: number, prefix: string): { end: number; value: string | null } {
  const q = text[i] as string;
  const triple = text.startsWith(q.repeat(3), i);
  const open = triple ? 3 : 1;
  const formatted = prefix.includes('f');
  let j = i + open;
  /** Brackets open inside the current replacement field (`{` first). */
  const field: string[] = [];
  let multiline = false;
  let escapes = false;
  for (;;) {
    if (j >= text.length) unsure();
    const ch = text[j] as string;
    if (ch === '\n') {
      if (!triple) unsure();
      multiline = true;
    }
    if (formatted && field.length > 0) {
      // Inside a replacement field: strings in the other quote on one line; no comments, escapes or
      // strings in the same quote (tree-sitter's reading of those varies).
      if (ch === '#' || ch === '\\' || ch === '\n' || ch === q || text.charCodeAt(j) > 126) unsure();
      if (ch === '"' || ch === "'") {
        const close = text.indexOf(ch, j + 1);
        const nested = close < 0 ? '' : text.slice(j + 1, close);
        if (close < 0 || /[\n\\{}]/.test(nested) || text[close + 1] === ch) unsure();
        j = close + 1;
        continue;
      }
      if (ch === '{' || ch === '[' || ch === '(') field.push(ch);
      else if ((ch === '}' || ch === ']' || ch === ')') && field.pop() !== CLOSERS[ch]) unsure();
      j++;
      continue;
    }
    if (ch === '\\') {
      escapes = true;
      if (text[j + 1] === '\n' || j + 1 >= text.length) unsure();
      j += 2;
      continue;
    }
    if (formatted && ch === '{') {
      if (text[j + 1] === '{') { j += 2; continue; }
      field.push('{');
      j++;
      continue;
    }
    if (formatted && ch === '}') {
      if (text[j + 1] === '}') { j += 2; continue; }
      unsure();
    }
    if (ch === q && (!triple || text.startsWith(q.repeat(3), j))) {
      const body = text.slice(i + open, j);
      const end = j + open;
      if (prefix.includes('b') || formatted) return { end, value: null };
      if (multiline && escapes) return { end, value: null };
      return { end, value: multiline ? body : decodeBody(body, prefix.includes('r')) };
    }
    j++;
  }
}

// ---- statements

/** Checks that the tokens of one logical line could be Python (a cheap guard, not a grammar). */
function checkTokens(all: Token[]): void {
  const first = all[0];
  if (!first) return;
  // The dots of a relative import (`from ..pkg import x`, `from . import y`) are no operators.
  let dots = 1;
  if (first.text === 'from') while (all[dots]?.text === '.' || all[dots]?.text === '...') dots++;
  const tokens = dots > 1 ? [first, ...all.slice(dots)] : all;
  if (first.kind === 'op' && first.text !== '-' && first.text !== '+' && first.text !== '~' && first.text !== '@' && first.text !== '...') unsure();
  if (first.kind === 'close') unsure();
  /** Open brackets, each with whether a `lambda` came since it opened and how many `if`s await their `else` (depth 0 first). */
  const open: { bracket: string; lambda: boolean; ifs: number }[] = [{ bracket: '', lambda: false, ifs: 0 }];
  const def = first.text === 'def' || first.text === 'async';
  /** Whether an `=` or `:` came at depth 0 (after which `:` is no annotation). */
  let assigned = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    const prev = tokens[k - 1];
    const inner = open[open.length - 1] as { bracket: string; lambda: boolean; ifs: number };
    if (t.kind === 'open') open.push({ bracket: t.text, lambda: false, ifs: 0 });
    else if (t.kind === 'close') open.pop();
    else if (t.text === 'lambda') inner.lambda = true;
    // `:` ends a block header, or stands in an annotation, a lambda, a dict, a slice or a parameter list.
    if (t.kind === 'op' && t.text === ':' && next) {
      // At depth 0 outside a lambda: the annotation of an assignment target (`x: T`, `self.x: T = v`).
      const annotation = first.kind === 'name' && !KEYWORDS.has(first.text) && !assigned;
      const ok = open.length === 1 ? annotation || inner.lambda : inner.bracket === '[' || inner.bracket === '{' || inner.lambda || def && open.length === 2;
      if (!ok) unsure();
      if (inner.lambda && open.length > 1 && inner.bracket === '(') inner.lambda = false;
    }
    if (open.length === 1 && t.kind === 'op' && (t.text === '=' || t.text === ':')) assigned = true;
    // In brackets, `=` only names a keyword argument or a parameter default: `(name=…`, `, name=…`.
    if (open.length > 1 && t.kind === 'op' && t.text.endsWith('=') && !['==', '!=', '<=', '>='].includes(t.text)) {
      const before = tokens[k - 2];
      const parameter = def && open.length === 2;
      const keyword = prev?.kind === 'name' && !KEYWORDS.has(prev.text) && (before?.text === '(' || before?.text === ',');
      if (t.text !== '=' || inner.bracket !== '(' || !(parameter || keyword)) unsure();
    }
    // The target of a `for` is names (with dots, subscripts, commas), no expression.
    if (t.text === 'for') {
      for (let j = k + 1; j < tokens.length && tokens[j]?.text !== 'in'; j++) {
        const x = tokens[j] as Token;
        const starred = x.text === '*' && (tokens[j - 1]?.text === 'for' || tokens[j - 1]?.text === ',');
        if (x.kind === 'op' && x.text !== ',' && x.text !== '.' && !starred || x.kind === 'str' || x.kind === 'num' || x.kind === 'name' && KEYWORDS.has(x.text)) unsure();
      }
    }
    // Mid-line `if`, `else`, `for` belong to a conditional expression or a comprehension: a value comes
    // before; an `else` answers an `if`; a `for` has its `in` (and none stands in a parameter list).
    if (k > 0 && (t.text === 'if' || t.text === 'else' || t.text === 'for')) {
      if (!(prev && isOperand(prev)) || def && open.length === 2) unsure();
      if (t.text === 'if') inner.ifs++;
      if (t.text === 'else' && inner.ifs-- <= 0) unsure();
      if (t.text === 'for' && !tokens.slice(k + 1).some((x) => x.text === 'in')) unsure();
    }
    if (k > 0 && t.kind === 'name' && STATEMENT_ONLY.has(t.text) && !(t.text === 'import' && first.text === 'from') && !(t.text === 'def' && k === 1 && first.text === 'async')) unsure();
    const operand = isOperand(t);
    if (!next) {
      if (t.kind === 'op' && t.text !== ':' && t.text !== '...' && !(t.text === '*' && tokens[k - 1]?.text === 'import')) unsure();
      if (t.kind === 'name' && PREFIX_KEYWORDS.has(t.text) && !['return', 'yield', 'raise'].includes(t.text)) unsure();
      continue;
    }
    if (operand && next.kind !== 'close' && isOperand(next) && !(t.kind === 'str' && next.kind === 'str')) unsure();
    if (t.kind === 'op' && t.text !== '...' && next.kind === 'op' && !UNARY.has(next.text) && next.text !== '...') unsure();
    if (t.kind === 'op' && t.text !== ',' && t.text !== ':' && t.text !== '...' && next.kind === 'close') unsure();
    if (t.kind === 'open' && next.kind === 'op' && !UNARY.has(next.text) && next.text !== '...' && !(t.text === '[' && next.text === ':') && !(t.text === '(' && next.text === ')')) unsure();
    if (t.text === '.' && next.kind !== 'name') unsure();
    if (t.kind === 'name' && PREFIX_KEYWORDS.has(t.text) && next.kind === 'op' && !UNARY.has(next.text) && !(t.text === 'lambda' && next.text === ':') && !(t.text === 'else' && next.text === ':') && !(['try', 'finally', 'except'].includes(t.text) && next.text === ':')) unsure();
  }
}

/** A token that ends an operand (a value, a closing bracket); all but closing brackets also start one. */
function isOperand(t: Token): boolean {
  if (t.kind === 'num' || t.kind === 'str' || t.kind === 'close') return true;
  if (t.kind === 'op') return t.text === '...';
  return t.kind === 'name' && (!KEYWORDS.has(t.text) || VALUE_KEYWORDS.has(t.text));
}

const FOLLOWS: Record<string, string[]> = {
  elif: ['if', 'elif'],
  else: ['if', 'elif', 'for', 'while', 'try', 'except'],
  except: ['try', 'except'],
  finally: ['try', 'except', 'else'],
};

/** Checks the block structure of the whole file and returns its top-level classes. */
function classesOf(lines: Logical[]): PyClass[] {
  const code = lines.filter((l) => l.tokens.length > 0);
  const levels: number[] = [0];
  /** First token of the last statement seen at each indentation. */
  const lastAt = new Map<number, string>();
  let opener = false;
  let decorator = false;
  for (const l of code) {
    checkTokens(l.tokens);
    const head = (l.tokens[0] as Token).text;
    const tail = l.tokens[l.tokens.length - 1] as Token;
    const top = levels[levels.length - 1] as number;
    if (opener) {
      if (l.indent <= top) unsure();
      levels.push(l.indent);
    } else if (l.indent > top) {
      unsure();
    } else {
      while ((levels[levels.length - 1] as number) > l.indent) levels.pop();
      if (levels[levels.length - 1] !== l.indent) unsure();
    }
    if (decorator && !(head === '@' || head === 'def' || head === 'async' || head === 'class')) unsure();
    if (decorator && lastAt.get(l.indent) !== '@') unsure();
    const follows = FOLLOWS[head];
    if (follows && !follows.includes(lastAt.get(l.indent) ?? '')) unsure();
    // A `try` block needs its `except` or `finally` before anything else at its level.
    for (const [level, last] of lastAt) if (last === 'try' && level >= l.indent && !(level === l.indent && (head === 'except' || head === 'finally'))) unsure();
    if ((head === 'else' || head === 'try' || head === 'finally') && l.tokens.length !== 2) unsure();
    if (head === 'def' || head === 'class' || head === 'async') checkHeader(head === 'async' ? l.tokens.slice(1) : l.tokens);
    const second = l.tokens[1]?.text;
    if (AMBIGUOUS.has(head) && second !== '(' && second !== '.' || head === 'async' && second !== 'def') unsure();
    const compound = COMPOUND.has(head);
    const colon = tail.kind === 'op' && tail.text === ':';
    if (compound !== colon) unsure();
    for (const k of lastAt.keys()) if (k > l.indent) lastAt.delete(k);
    lastAt.set(l.indent, head);
    opener = colon;
    decorator = head === '@';
  }
  if (opener || decorator || [...lastAt.values()].includes('try')) unsure();
  return topLevelClasses(lines);
}

/** `def name(…) [-> T]:` or `class Name[(…)]:`, with the brackets closing where they should. */
function checkHeader(t: Token[]): void {
  const [kw, name, open] = t;
  if (!kw || !name || name.kind !== 'name' || KEYWORDS.has(name.text)) unsure();
  if (kw?.text === 'class' && open?.text === ':' && t.length === 3) return;
  if (open?.text !== '(') unsure();
  let depth = 0;
  let k = 2;
  for (; k < t.length; k++) {
    const x = t[k] as Token;
    if (x.kind === 'open') depth++;
    else if (x.kind === 'close' && --depth === 0) break;
  }
  const rest = t.slice(k + 1);
  if (rest.length === 1 && rest[0]?.text === ':') return;
  if (kw?.text === 'def' && rest[0]?.text === '->' && rest.length > 2) return;
  unsure();
}

function topLevelClasses(lines: Logical[]): PyClass[] {
  const classes: PyClass[] = [];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k] as Logical;
    if (l.indent !== 0 || l.tokens[0]?.text !== 'class') continue;
    let end = k + 1;
    while (end < lines.length && ((lines[end] as Logical).indent > 0 || (lines[end] as Logical).tokens.length === 0)) end++;
    const region = lines.slice(k + 1, end);
    const code = region.filter((b) => b.tokens.length > 0);
    const lastCode = region.lastIndexOf(code[code.length - 1] as Logical);
    const bodyIndent = code[0]?.indent ?? 0;
    // Comment lines inside the class at its body's indentation or deeper are extras inside the body;
    // after its last statement they extend the class (when all that deep) or stay out of it (when all
    // at column 0). Other placements: unsure.
    if (region.slice(0, lastCode).some((b) => b.tokens.length === 0 && b.indent < bodyIndent)) unsure();
    const trailing = region.slice(lastCode + 1);
    const inside = trailing.every((b) => b.indent >= bodyIndent);
    if (!inside && !trailing.every((b) => b.indent === 0)) unsure();
    const tail = inside ? trailing[trailing.length - 1] ?? region[lastCode] : region[lastCode];
    classes.push(readClass(l, code, tail?.commentEnd ?? null));
  }
  return classes;
}

/** `end`: where the class ends when a comment ends it (else at its last token). */
function readClass(header: Logical, body: Logical[], end: { line: number; character: number } | null): PyClass {
  const t = header.tokens;
  const name = t[1];
  if (!name || name.kind !== 'name' || KEYWORDS.has(name.text) || (name.line !== t[0]?.line)) unsure();
  const n = name as Token;
  const after = t[2];
  let bases: string[] = [];
  if (after?.text === '(') {
    const close = t.length - 2;
    if (t[close]?.text !== ')' || (t[close] as Token).line !== n.line) unsure();
    bases = baseList(t.slice(3, close));
  } else if (after?.text !== ':' || t.length !== 3) {
    unsure();
  }
  const last = body[body.length - 1];
  const lastToken = last?.tokens[last.tokens.length - 1];
  if (!lastToken) unsure();
  const cls: PyClass = {
    name: n.text,
    nameRange: rangeOf(n, n),
    range: { start: pos((t[0] as Token).line, 0), end: end ?? pos((lastToken as Token).endLine, (lastToken as Token).endCol) },
    bases,
    attributes: [],
    strAttrs: {},
    methods: [],
    docstring: null,
  };
  const indent = body[0]?.indent ?? 0;
  body.forEach((s, i) => {
    if (s.indent !== indent) return;
    const [a, b, c] = s.tokens;
    if (!a) return;
    if (a.text === 'def' || (a.text === 'async' && b?.text === 'def')) {
      const fn = a.text === 'def' ? b : c;
      if (!fn || fn.kind !== 'name' || KEYWORDS.has(fn.text)) unsure();
      cls.methods.push((fn as Token).text);
    } else if (a.kind === 'name' && !KEYWORDS.has(a.text) && b?.kind === 'op' && (b.text === '=' || b.text === ':')) {
      cls.attributes.push(a.text);
      const eq = b.text === '=' ? 1 : topLevelAssign(s.tokens);
      const value = eq > 0 ? s.tokens.slice(eq + 1) : [];
      if (value[0]?.kind === 'str') {
        if (value.length > 1 && value[1]?.kind === 'str') unsure();
        if (value.length === 1) {
          if (value[0].value === null || value[0].value === undefined) unsure();
          cls.strAttrs[a.text] = value[0].value as string;
        }
      }
    } else if (i === 0 && a.kind === 'str') {
      if (s.tokens.length > 1 && (b?.kind === 'str' || b?.text === ',')) unsure();
      if (s.tokens.length === 1) {
        if (a.value === null || a.value === undefined) unsure();
        cls.docstring = a.value as string;
      }
    }
  });
  // Without the spare room `push` left (22,000 classes are kept for the session).
  cls.attributes = cls.attributes.slice();
  cls.methods = cls.methods.slice();
  return cls;
}

/** Index of the `=` of an annotated assignment (`name: T = value`), -1 when there is none. */
function topLevelAssign(tokens: Token[]): number {
  let depth = 0;
  for (let k = 2; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth--;
    else if (depth === 0 && t.kind === 'op' && t.text === '=') return k;
    else if (depth === 0 && t.kind === 'op' && t.text.endsWith('=') && t.text.length > 1 && !['==', '!=', '<=', '>='].includes(t.text)) unsure();
  }
  return -1;
}

/** The superclass list as tree-sitter names it: each argument's text, keyword arguments left out. */
function baseList(tokens: Token[]): string[] {
  const out: string[] = [];
  let depth = 0;
  let part: Token[] = [];
  const flush = (): void => {
    if (part.length === 0) return;
    const [first, second] = part;
    const keyword = first?.kind === 'name' && second?.kind === 'op' && second.text === '=';
    if (!keyword) {
      // Tokens on one line: the node's text is the source between the first and the last.
      const a = part[0] as Token;
      const z = part[part.length - 1] as Token;
      if (a.line !== z.endLine || part.some((p) => p.kind === 'str')) unsure();
      out.push(joinTokens(part));
    }
    part = [];
  };
  for (const t of tokens) {
    if (t.kind === 'open') depth++;
    if (t.kind === 'close') depth--;
    if (depth === 0 && t.kind === 'op' && t.text === ',') { flush(); continue; }
    part.push(t);
  }
  flush();
  return out;
}

/** Source text from the first token to the last, with the spaces between them as written. */
function joinTokens(part: Token[]): string {
  let s = '';
  let col = (part[0] as Token).col;
  for (const t of part) {
    s += ' '.repeat(Math.max(0, t.col - col)) + t.text;
    col = t.endCol;
  }
  return s;
}

function rangeOf(a: Token, z: Token): Range {
  return { start: pos(a.line, a.col), end: pos(z.endLine, z.endCol) };
}
