// Every `str` constant of a Python module as CPython 3.12's `ast.parse` gives them (`ast.Constant` nodes
// whose value is a `str`), for a check that mirrors a tool walking the AST: implicitly concatenated
// literals are one constant starting at the first piece; an f-string's literal parts are constants of
// their own (merged with plain pieces beside them, as PEP 701's parser merges them), its format
// specifiers' text too; bytes are none. A module CPython would not parse gives null (tree-sitter's
// errors, bytes mixed with text, t-strings), and so does a parse past its budget.
import type { Node } from 'web-tree-sitter';
import { decodeBody } from './strings';
import { withPythonTree } from './parser';

/** A constant's value and where it is: `start` is where CPython's node starts (its `lineno` is that line's). */
export interface StringConstant {
  value: string;
  start: number;
  end: number;
}

/** The letters before a string's quote, lower-cased. */
const prefixOf = (piece: Node): string => (piece.firstChild?.text ?? '').replace(/(?<!['"])['"]+$/, '').toLowerCase();

/** The str constants of `text` in source order, or null when CPython 3.12 would not parse it. */
export function stringConstants(text: string): StringConstant[] | null {
  return withPythonTree(
    text,
    (tree) => {
      if (tree.rootNode.hasError) return null;
      const out: StringConstant[] = [];
      // Found inside wasm, nested ones (in a field's expression) included: no walk of every node across its boundary.
      for (const n of tree.rootNode.descendantsOfType(['string', 'concatenated_string'])) {
        if (n.type === 'string' && n.parent?.type === 'concatenated_string') continue;
        const pieces = n.type === 'string' ? [n] : n.namedChildren.filter((c) => c?.type === 'string');
        if (!unit(pieces as Node[], out)) return null;
      }
      return out.sort((a, b) => a.start - b.start);
    },
    () => null,
  );
}

/** One string unit (a literal or an implicit concatenation): its constants; false when CPython rejects it. */
function unit(pieces: readonly Node[], out: StringConstant[]): boolean {
  const prefixes = pieces.map(prefixOf);
  // t-strings are Python 3.14's; bytes beside text is "cannot mix bytes and nonbytes literals".
  if (prefixes.some((p) => p.includes('t'))) return false;
  const bytes = prefixes.filter((p) => p.includes('b')).length;
  if (bytes > 0) return bytes === pieces.length;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return true;
  if (!prefixes.some((p) => p.includes('f'))) {
    const value = pieces.map((p, i) => bodyValue(p, prefixes[i] ?? '')).join('');
    out.push({ value, start: first.startIndex, end: last.endIndex });
    return true;
  }
  // A JoinedStr: literal runs between fields, each one constant; a debug field (`{x=}`) puts its own text into the
  // run before it, which then ends in `=` or a blank: a run no caller here looks for, dropped.
  const runs = new Runs(out);
  pieces.forEach((piece, i) => {
    const prefix = prefixes[i] ?? '';
    if (!prefix.includes('f')) {
      runs.add(bodyValue(piece, prefix), piece.startIndex, piece.endIndex);
      return;
    }
    const raw = prefix.includes('r');
    for (const c of piece.children) {
      if (c?.type === 'string_content') runs.add(literal(c.text, raw), c.startIndex, c.endIndex);
      else if (c?.type === 'interpolation') {
        runs.flush(c.children.some((x) => x?.type === '='));
        spec(c, raw, out);
      }
    }
  });
  runs.flush(false);
  return true;
}

/** The literal run of an f-string being read, and the constants it became. */
class Runs {
  private run: StringConstant | null = null;
  constructor(private readonly out: StringConstant[]) {}
  add(value: string, start: number, end: number): void {
    if (this.run) {
      this.run.value += value;
      this.run.end = end;
    } else this.run = { value, start, end };
  }
  /** Ends the run (`debug`: a debug field's text joins it, so it is no constant anyone here matches). */
  flush(debug: boolean): void {
    if (this.run && !debug && this.run.value !== '') this.out.push(this.run);
    this.run = null;
  }
}

/** A replacement field's format specifier: its text, cut by nested fields, as constants of their own. */
function spec(f: Node, raw: boolean, out: StringConstant[]): void {
  const spec = f.childForFieldName('format_specifier');
  if (!spec) return;
  // The specifier's text after its `:`, cut by nested fields.
  let at = spec.startIndex + (spec.text.startsWith(':') ? 1 : 0);
  const whole = spec.text;
  const emit = (to: number): void => {
    const value = literal(whole.slice(at - spec.startIndex, to - spec.startIndex), raw);
    if (value !== '') out.push({ value, start: at, end: to });
  };
  for (const c of spec.namedChildren) {
    if (c?.type !== 'format_expression') continue;
    emit(c.startIndex);
    at = c.endIndex;
  }
  emit(spec.endIndex);
}

/** An f-string's literal text: `{{` and `}}` are braces, escapes decoded unless raw. */
const literal = (body: string, raw: boolean): string =>
  decodeBody(
    body.replace(/\{\{|\}\}/g, (b) => b.charAt(0)),
    raw,
  );

/** A plain (not formatted) piece's value: its body between the quotes, decoded unless raw. */
function bodyValue(piece: Node, prefix: string): string {
  const open = piece.firstChild?.text ?? '';
  const close = piece.lastChild?.text ?? '';
  const text = piece.text;
  return decodeBody(text.slice(open.length, text.length - close.length), prefix.includes('r'));
}
