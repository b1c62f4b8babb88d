// The file a path expression of a module names, as far as its text says it without running it: string
// literals, `__file__`, `Path(…)`, `.parent`, `/`, `joinpath()`, `os.path.join()` and `dirname()`, and the
// calls that leave a path's file alone (`str()`, `.resolve()`, `abspath()`), through names bound to them.
// A string is relative to the working directory: taken as the module's folder, where a notebook runs.
import type { Node } from 'web-tree-sitter';
import { toLit } from '../../../../python/facts';

/** A path as segments below the module's folder; `FILE` is the module itself (`__file__`). */
export interface PathVal {
  segs: readonly string[];
}
export const FILE = '\0file';

/** Names bound to paths (a function's own, then the module's), or to strings. */
export interface PathEnv {
  path(name: string): PathVal | undefined;
}

const SAME = new Set(['str', 'Path', 'PurePath', 'abspath', 'realpath', 'normpath', 'fspath', 'expanduser']);
const SAME_METHODS = new Set(['resolve', 'absolute', 'expanduser']);
const MAX_DEPTH = 32;

export function evaluatePath(n: Node, env: PathEnv, cr: string | null, depth = 0): PathVal | null {
  if (depth > MAX_DEPTH) return null;
  const sub = (x: Node | null | undefined): PathVal | null => (x ? evaluatePath(x, env, cr, depth + 1) : null);
  switch (n.type) {
    case 'string':
    case 'concatenated_string': {
      const lit = toLit(n, 0, cr);
      return lit.kind === 'str' ? join({ segs: [] }, lit.value) : null;
    }
    case 'parenthesized_expression':
      return sub(n.firstNamedChild);
    case 'identifier':
      return n.text === '__file__' ? { segs: [FILE] } : (env.path(n.text) ?? null);
    case 'attribute': {
      const obj = sub(n.childForFieldName('object'));
      return obj && n.childForFieldName('attribute')?.text === 'parent' ? parent(obj) : null;
    }
    case 'binary_operator': {
      if (n.childForFieldName('operator')?.text !== '/') return null;
      const left = sub(n.childForFieldName('left'));
      const right = sub(n.childForFieldName('right'));
      return left && right ? joinVal(left, right) : null;
    }
    case 'call': {
      const fn = n.childForFieldName('function');
      const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter(
        (c): c is Node => !!c && c.type !== 'comment' && c.type !== 'keyword_argument',
      );
      const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      // a method of a path (`p.resolve()`, `p.joinpath("a")`); else a function of its arguments (`os.path.join(a, b)`)
      const self = obj && !/^(?:os\.path|os|pathlib)$/.test(obj.text) ? sub(obj) : null;
      if (self) {
        if (name && SAME_METHODS.has(name) && args.length === 0) return self;
        if (name === 'joinpath') return args.reduce<PathVal | null>((p, a) => (p ? joinOf(p, sub(a)) : null), self);
        return null;
      }
      if (name === 'cwd' && args.length === 0) return { segs: [] };
      const first = sub(args[0]);
      if (!first) return null;
      if (name === 'dirname' && args.length === 1) return parent(first);
      if (name === 'join') return args.slice(1).reduce<PathVal | null>((p, a) => (p ? joinOf(p, sub(a)) : null), first);
      return name && SAME.has(name) && args.length === 1 ? first : null;
    }
    default:
      return null;
  }
}

function parent(p: PathVal): PathVal {
  const last = p.segs[p.segs.length - 1];
  return last === undefined || last === '..' ? { segs: [...p.segs, '..'] } : { segs: p.segs.slice(0, -1) };
}

function joinOf(p: PathVal, q: PathVal | null): PathVal | null {
  return q ? joinVal(p, q) : null;
}

/** `p / q`: a `q` written as a string is its segments (an absolute one names no file of the folder). */
function joinVal(p: PathVal, q: PathVal): PathVal | null {
  return q.segs[0] === '/' ? null : { segs: [...p.segs, ...q.segs] };
}

function join(p: PathVal, s: string): PathVal {
  if (s.startsWith('/')) return { segs: ['/'] };
  return { segs: [...p.segs, ...s.split('/').filter((x) => x !== '' && x !== '.')] };
}

/** The root-relative file a path names from the module `file`'s folder (null: it leaves the root or names none). */
export function pathFrom(dir: string, p: PathVal): string | null {
  if (p.segs[0] === '/' || p.segs.includes(FILE)) return null;
  const out = dir === '' ? [] : dir.split('/');
  for (const s of p.segs) {
    if (s !== '..') out.push(s);
    else if (out.pop() === undefined) return null;
  }
  return out.length ? out.join('/') : null;
}
