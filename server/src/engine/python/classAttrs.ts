// The values one class gives some of its attributes, read when an explanation shows them (what
// `getattr` on an instance of it would find): the class body's last assignment of each name, overridden
// by `self.name = …` in `__init__` (an instance's own attribute wins). Literals keep their ranges, and so does a call
// of one of `keywordCalls` with
// keyword arguments only (read as the dict of its arguments); anything else stays `other`, never evaluated. One
// parse of one file, on request only: the class index keeps no values but strings (python/detach.ts).
import type { Node } from 'web-tree-sitter';
import { bareStr, dictPair, type DictEntry, type Lit } from '../literal';
import type { Range } from '../types';
import { normalizeLoneCr } from '../text/lineIndex';
import { withPythonTree } from './parser';
import { crOf, range, toLit } from './facts';

const MAX_NESTING = 64;

export interface ClassAttr {
  name: string;
  /** Where the value is assigned: the attribute's name in the class body, or `self.name` in `__init__`. */
  nameRange: Range;
  value: Lit;
  /** Set on the instance by `__init__`. */
  inInit: boolean;
  /** Set there under a condition, loop or `try` (its value is then `other`: it may not be set). */
  conditional: boolean;
}

/**
 * The attributes `names` of the last top-level class `className`; null when there is no such class or the parse was
 * cut.
 */
export function classAttrValues(
  rawText: string,
  className: string,
  names: readonly string[],
  keywordCalls: ReadonlySet<string> = new Set(),
): Map<string, ClassAttr> | null {
  const text = normalizeLoneCr(rawText);
  if (text.includes('\0')) return null;
  const cr = crOf(text);
  const wanted = new Set(names);
  return withPythonTree(
    text,
    (tree) => {
      const body = lastTopLevelClass(tree.rootNode, className)?.childForFieldName('body');
      if (!body) return null;
      const own = new Map<string, ClassAttr>();
      const init = new Map<string, ClassAttr>();
      for (const s of body.namedChildren) {
        if (!s) continue;
        const fn = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
        if (fn?.type === 'function_definition' && fn.childForFieldName('name')?.text === '__init__') {
          const block = fn.childForFieldName('body');
          if (block) readInit(block, false, { wanted, keywordCalls }, init, cr);
          continue;
        }
        const a = assignmentOf(s);
        const left = a?.childForFieldName('left');
        const right = a?.childForFieldName('right');
        if (left?.type === 'identifier' && right && wanted.has(left.text)) {
          own.set(left.text, {
            name: left.text,
            nameRange: range(left, cr),
            value: valueOf(right, keywordCalls, 0, cr),
            inInit: false,
            conditional: false,
          });
        }
      }
      for (const [k, v] of init) own.set(k, v);
      return own;
    },
    () => null,
  );
}

/** The last top-level class named `className` of a module (decorated or not), as Python leaves it bound. */
export function lastTopLevelClass(root: Node, className: string): Node | null {
  let def: Node | null = null;
  for (const stmt of root.namedChildren) {
    const d = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (d?.type === 'class_definition' && d.childForFieldName('name')?.text === className) def = d;
  }
  return def;
}

function assignmentOf(stmt: Node): Node | null {
  const first = stmt.type === 'expression_statement' ? stmt.firstNamedChild : null;
  return first?.type === 'assignment' ? first : null;
}

/** `self.name = …` in `__init__`'s block; under a compound statement (`nested`) its value is not known. */
interface Wanted {
  wanted: ReadonlySet<string>;
  keywordCalls: ReadonlySet<string>;
}

function readInit(
  block: Node,
  nested: boolean,
  w: Wanted,
  out: Map<string, ClassAttr>,
  cr: string | null,
  depth = 0,
): void {
  // Blocks nested deeper than this are not looked into (a hostile file must not exhaust the stack).
  if (depth > MAX_NESTING) return;
  for (const s of block.namedChildren) {
    if (!s) continue;
    const a = assignmentOf(s);
    if (!a) {
      // Nested functions and classes do not set the instance's attributes when __init__ runs.
      if (s.type !== 'function_definition' && s.type !== 'class_definition' && s.type !== 'decorated_definition') {
        for (const c of s.namedChildren)
          if (c && (c.type === 'block' || c.type.endsWith('_clause'))) readInit(c, true, w, out, cr, depth + 1);
      }
      continue;
    }
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    const object = left?.type === 'attribute' ? left.childForFieldName('object') : null;
    const attr = left?.childForFieldName('attribute');
    if (!left || !right || object?.text !== 'self' || !attr || !w.wanted.has(attr.text)) continue;
    const value = nested
      ? { kind: 'other' as const, text: right.text.slice(0, 120), range: range(right, cr) }
      : valueOf(right, w.keywordCalls, 0, cr);
    out.set(attr.text, { name: attr.text, nameRange: range(left, cr), value, inInit: true, conditional: nested });
  }
}

/**
 * A value as a literal; a call of one of `calls` (by its last name) with keyword arguments only reads as
 * the dict of its arguments (a dataclass read by field names), also inside lists and tuples.
 */
function valueOf(n: Node, calls: ReadonlySet<string>, depth: number, cr: string | null): Lit {
  if (calls.size === 0 || depth > MAX_NESTING) return toLit(n, depth, cr);
  if (n.type === 'list' || n.type === 'tuple') {
    const items: Lit[] = [];
    for (const c of n.namedChildren)
      if (c && c.type !== 'comment' && !c.isError) items.push(valueOf(c, calls, depth + 1, cr));
    return { kind: 'list', items, range: range(n, cr) };
  }
  if (n.type !== 'call') return toLit(n, depth, cr);
  const fn = n.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
  const args = n.childForFieldName('arguments');
  if (name === undefined || !calls.has(name) || args?.type !== 'argument_list') return toLit(n, depth, cr);
  const entries: DictEntry[] = [];
  for (const a of args.namedChildren) {
    if (!a || a.type === 'comment') continue;
    const k = a.type === 'keyword_argument' ? a.childForFieldName('name') : null;
    const v = a.childForFieldName('value');
    if (!k || !v) return toLit(n, depth, cr);
    entries.push(dictPair(bareStr(k.text, range(k, cr)), toLit(v, depth + 1, cr), range(a, cr)));
  }
  return { kind: 'dict', entries, range: range(n, cr) };
}
