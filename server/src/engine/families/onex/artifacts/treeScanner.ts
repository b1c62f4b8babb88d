// The fast path of reading a `.onextree`: the trees ONEX writes are lines of a few shapes —
// `- name: X` opening a node, `type: T`, `namespace: N` and `children:` (or `children: []`, `children:
// null`) under it — and a tree of 24,000 lines read as
// YAML builds a literal for every scalar and key (~100 ms, and ~30–75 ms to splice an edit into it),
// where the tree keeps only each node's path and a few ranges. This reads those lines alone and builds
// the tree directly. It answers only for text made of exactly those lines (the root's keys at column
// 0, each node's keys in the order name, type, namespace, children, a node's children at its
// `children:` key's column, names and types plain scalars of `[A-Za-z0-9_.-]` read as strings by the
// YAML schema, no blank line, comment or other key) and returns null for anything else, so the YAML reader answers. A
// test
// proves it equal to the YAML reading on the bench's trees and on mutated ones.
import type { Position, Range } from '../../../types';
import { pos, span, spanAt } from '../../../text/positions';
import { resolvePlain } from '../../../yaml/scalars';
import type { OnexTree, TreeNode } from './tree';

const NAME_ITEM = /^( *)- name: ([\w.][\w.-]*)$/;
const KEY = /^( *)(name|type): ([\w.][\w.-]*)$/;
const CHILDREN = /^( *)children:( \[\]| null)?$/;
/** `namespace: …` (the omnibase trees' own key): any plain scalar ends the line (what it is does not matter here). */
const NAMESPACE = /^( *)namespace: [\w.][\w.:/-]*$/;
/** Far below the YAML reader's nesting limits (the fast YAML reader's 32, the tree walk's 64). */
const MAX_DEPTH = 24;

const DECLINE = new Error('not a tree the fast path reads');

/** The tree `readOnextree` gives a text without a YAML error, or null when the text is not one this reads for sure. */
export function scanOnextree(file: string, text: string): OnexTree | null {
  try {
    return new Scanner(file, text).tree();
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}

/** A node as read: where its mapping starts, the range of its name, and where its last scalar ends. */
interface Read {
  start: Position;
  name: Range;
  end: Position;
}

class Scanner {
  private readonly lines: string[];
  private line = 0;
  private readonly out: OnexTree;
  /** How the YAML schema reads each plain scalar met (names repeat across version directories). */
  private readonly strings = new Map<string, boolean>();

  constructor(file: string, text: string) {
    this.lines = text.split('\n');
    // One line break at the end, as ONEX writes it; an empty text is not a tree.
    if (this.lines.pop() !== '') throw DECLINE;
    this.out = { file, rootName: null, nodes: new Map() };
  }

  tree(): OnexTree {
    const first = KEY.exec(this.lines[0] ?? '');
    if (!first || first[1] !== '' || first[2] !== 'name') throw DECLINE;
    this.out.rootName = this.scalar(first[3] as string);
    this.node('', 0, 0, 6, first[3] as string, 0);
    if (this.line !== this.lines.length) throw DECLINE;
    return this.out;
  }

  /**
   * The node whose name is on the current line (at column `nameAt`, its mapping's keys at column `col`)
   * and its descendants, each added to the tree before its children, as the YAML walk adds them.
   */
  private node(path: string, depth: number, col: number, nameAt: number, name: string, at: number): Read {
    if (depth > MAX_DEPTH) throw DECLINE;
    const l = this.line++;
    const nameRange = spanAt(l, nameAt, l, nameAt + name.length);
    const start = pos(l, col);
    let end = nameRange.end;
    const type = this.key(col, 'type');
    if (type !== null) end = pos(this.line - 1, col + 6 + type.length);
    const namespace = NAMESPACE.exec(this.lines[this.line] ?? '');
    if (namespace && (namespace[1] as string).length === col) {
      // A value ending in `:` would be read as a key.
      if (namespace[0].endsWith(':')) throw DECLINE;
      end = pos(this.line, namespace[0].length);
      this.line++;
    }
    const node: TreeNode = { path, nameRange, insertAfter: null, childIndent: nameAt + 2, noChildren: true };
    this.out.nodes.set(path, node);
    const children = this.lines[this.line] ?? '';
    const c = CHILDREN.exec(children);
    if (c && (c[1] as string).length === col && c[2] !== undefined) {
      // `children: []` or `children: null`: no child (the node ends with that value).
      end = pos(this.line, c[0].length);
      this.line++;
    } else if (c && (c[1] as string).length === col) {
      this.line++;
      let last: Read | null = null;
      for (;;) {
        const item = NAME_ITEM.exec(this.lines[this.line] ?? '');
        if (!item || (item[1] as string).length !== col) break;
        const child = this.scalar(item[2] as string);
        const childPath = path === '' ? child : `${path}/${child}`;
        last = this.node(childPath, depth + 1, col + 2, col + 8, child, col);
      }
      // `children:` with nothing under it is null in YAML: not a shape this reads.
      if (last === null) throw DECLINE;
      node.insertAfter = span(last.start, last.end);
      node.childIndent = last.start.character;
      node.noChildren = false;
      end = last.end;
    }
    // A line deeper than this node's dash (its own keys, or items under it) not read above is a shape this does not
    // read.
    const next = this.lines[this.line];
    if (next !== undefined && indentOf(next) > at) throw DECLINE;
    node.insertAfter ??= span(start, end);
    return { start, name: nameRange, end };
  }

  /**
   * The value of the `key: value` line at column `col` if the current line is one (and moves past it); null otherwise.
   */
  private key(col: number, key: string): string | null {
    const m = KEY.exec(this.lines[this.line] ?? '');
    if (!m || m[2] !== key || (m[1] as string).length !== col) return null;
    this.line++;
    return this.scalar(m[3] as string);
  }

  /** A plain scalar the YAML schema reads as this very string (not a number, a boolean or null). */
  private scalar(s: string): string {
    let ok = this.strings.get(s);
    if (ok === undefined) this.strings.set(s, (ok = resolvePlain(s) === s));
    if (!ok) throw DECLINE;
    return s;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}
