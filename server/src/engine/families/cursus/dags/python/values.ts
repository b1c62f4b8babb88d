// The values a Python-built DAG is made of, as far as the source says them without running it: string
// literals (each with its range), lists and tuples of them, names bound to such values, `list(X)`,
// `tuple(X)` and `X + Y` of known lists. Anything else is `unknown`, with the expression that made it so.
import type { Node } from 'web-tree-sitter';
import { toLit } from '../../../../python/facts';
import type { NodeRef } from '../read';

export type Unknown = { kind: 'unknown'; why: string };
export type Val = { kind: 'str'; ref: NodeRef } | { kind: 'list'; items: Val[] } | Unknown;

/** Names in scope: a function's own, then the module's. */
export interface Env {
  get(name: string): Val | undefined;
}

const MAX_ITEMS = 10_000;
const MAX_DEPTH = 32;

export function unknown(n: Node): Unknown {
  const t = n.text.replace(/\s+/g, ' ');
  return { kind: 'unknown', why: `\`${t.length > 60 ? `${t.slice(0, 57)}...` : t}\`` };
}

/** The value of an expression (never evaluated: only what is written). */
export function evaluate(n: Node, env: Env, cr: string | null, depth = 0): Val {
  if (depth > MAX_DEPTH) return unknown(n);
  switch (n.type) {
    case 'string':
    case 'concatenated_string': {
      const lit = toLit(n, 0, cr);
      if (lit.kind !== 'str') return unknown(n);
      const inner = n.type === 'string' && plain(n) ? lit.inner : lit.range;
      return { kind: 'str', ref: { name: lit.value, range: lit.range, inner } };
    }
    case 'list':
    case 'tuple': {
      const items: Val[] = [];
      for (const c of n.namedChildren) {
        if (!c || c.type === 'comment') continue;
        if (c.type === 'list_splat') {
          const inner = c.firstNamedChild;
          const v = inner ? evaluate(inner, env, cr, depth + 1) : unknown(c);
          if (v.kind !== 'list') return v.kind === 'unknown' ? v : unknown(c);
          items.push(...v.items);
        } else items.push(evaluate(c, env, cr, depth + 1));
        if (items.length > MAX_ITEMS) return unknown(n);
      }
      return { kind: 'list', items };
    }
    case 'parenthesized_expression': {
      const inner = n.firstNamedChild;
      return inner ? evaluate(inner, env, cr, depth + 1) : unknown(n);
    }
    case 'identifier':
      return env.get(n.text) ?? unknown(n);
    case 'call': {
      const fn = n.childForFieldName('function');
      const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((c) => c && c.type !== 'comment');
      const only = args.length === 1 ? args[0] : null;
      if (fn?.type === 'identifier' && (fn.text === 'list' || fn.text === 'tuple') && only) {
        const v = evaluate(only, env, cr, depth + 1);
        return v.kind === 'str' ? unknown(n) : v;
      }
      return unknown(n);
    }
    case 'binary_operator': {
      const op = n.childForFieldName('operator')?.text;
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      if (op !== '+' || !l || !r) return unknown(n);
      const a = evaluate(l, env, cr, depth + 1);
      const b = evaluate(r, env, cr, depth + 1);
      if (a.kind === 'list' && b.kind === 'list' && a.items.length + b.items.length <= MAX_ITEMS)
        return { kind: 'list', items: [...a.items, ...b.items] };
      return a.kind === 'unknown' ? a : b.kind === 'unknown' ? b : unknown(n);
    }
    default:
      return unknown(n);
  }
}

/**
 * Whether a string literal's body is its value character for character (no prefix, escape or line break): only then
 * does a part of the body name a part of the value (rename replaces the step part of a node name).
 */
function plain(n: Node): boolean {
  const t = n.text;
  return (
    (t.startsWith('"') || t.startsWith("'")) &&
    !t.includes('\\') &&
    !t.includes('\n') &&
    !t.startsWith('"""') &&
    !t.startsWith("'''")
  );
}
