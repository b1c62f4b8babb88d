// Maps ajv errors of a YAML document back to the node each is about, so RL020 underlines the bad key,
// item or value rather than the whole file. Shared by every schema-checked file kind (meta companions,
// step interfaces); each passes its own walk of the schema (for the keys allowed at a level) and hints.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { describeKind, dictEntry, toPlain, type Lit } from '../literal';
import type { Range } from '../types';
import { editDistance } from '../util/editDistance';

export interface SchemaProblem {
  range: Range;
  message: string;
  /** A replacement for an unknown key that is close to a known one. */
  rename?: { range: Range; newText: string };
  /** The mapping has the key `rename` names already: renaming would make a duplicate key, so no fix. */
  taken?: boolean;
}

export interface ProblemOptions {
  /** What an `additionalProperties: false` violation means (null: not reported). */
  unknownKey?(name: string, segments: string[], key: Lit): SchemaProblem | null;
  /** What a field's `pattern` means, by field name. */
  patternHints?: Record<string, string>;
  /**
   * Keep the plain values ajv validated, by node, for the next read of the same document (see `plains`):
   * for large documents read again in splices. A small file is converted whole in less time than the
   * copy costs to keep (a large org's 10,000 meta files kept ~40,000 plain objects for the session).
   */
  keepPlain?: boolean;
}

/** Schema errors of a document's root value, each at its node (one per node and message). */
export function schemaProblems(validate: ValidateFunction, root: Lit, opts: ProblemOptions): SchemaProblem[] {
  if (validate(toPlain(root, opts.keepPlain ? plains : undefined))) return [];
  const errors = (validate.errors ?? []).filter((e) => !isBranchNoise(e));
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const p = problem(root, e, opts);
    if (!p) continue;
    const key = `${p.range.start.line}:${p.range.start.character}|${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/**
 * The plain values ajv validated (it never changes its data: no defaults, coercion or removal), by node:
 * the nodes a spliced read kept (yaml/splice.ts) are the same objects, so only what an edit changed is
 * converted again (a 500 KB ONEX registry is otherwise converted whole on every edit).
 */
const plains = new WeakMap<Lit, unknown>();

/**
 * `anyOf: [null, X]`, `allOf` and `if`/`then` report their branches: keep only the errors of the branch that applies.
 */
function isBranchNoise(e: ErrorObject): boolean {
  if (e.keyword === 'anyOf' || e.keyword === 'allOf' || e.keyword === 'if') return true;
  return e.keyword === 'type' && (e.params as { type?: string }).type === 'null';
}

/** A node's value as a message quotes it: a scalar's text, a list's or dict's kind. */
function shown(node: Lit): string {
  return node.kind === 'dict' || node.kind === 'list' ? describeKind(node) : String(toPlain(node));
}

export function segmentsOf(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function nodeAt(root: Lit, segments: string[]): Lit | null {
  let n: Lit | undefined = root;
  for (const seg of segments) {
    if (!n) return null;
    if (n.kind === 'dict') n = dictEntry(n, seg)?.value;
    else if (n.kind === 'list') n = n.items[Number(seg)];
    else return null;
  }
  return n ?? null;
}

/** A path as messages name it: `'spec.dependencies.data'`, `'tags[0]'`. */
export function pathLabel(segments: string[]): string {
  if (segments.length === 0) return 'The document';
  return `'${segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')}'`;
}

const KIND_NAMES: Record<Lit['kind'], string> = {
  str: 'a string',
  num: 'a number',
  bool: 'a boolean',
  none: 'empty (null)',
  list: 'a list',
  dict: 'a mapping',
  other: 'an unreadable value',
};
const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  number: 'a number',
  integer: 'an integer',
  null: 'empty',
};

function problem(root: Lit, e: ErrorObject, opts: ProblemOptions): SchemaProblem | null {
  const segments = segmentsOf(e.instancePath);
  const node = nodeAt(root, segments);
  if (!node) return null;
  const at = pathLabel(segments);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const key = dictEntry(node, name)?.key;
      const p = key && opts.unknownKey ? opts.unknownKey(name, segments, key) : null;
      return p?.rename && dictEntry(node, p.rename.newText) ? { ...p, taken: true } : p;
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return { range: node.range, message: `${at} is missing the required key '${missing}'` };
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const want = (Array.isArray(t) ? t : [t]).map((x) => TYPE_NAMES[x] ?? x).join(' or ');
      const scalar = node.kind === 'num' || node.kind === 'bool';
      const hint = want === 'a string' && scalar ? ` (quote it: "${shown(node)}")` : '';
      return { range: node.range, message: `${at} must be ${want}, not ${KIND_NAMES[node.kind]}${hint}` };
    }
    case 'pattern': {
      const field = segments.find((s) => !/^\d+$/.test(s)) ?? '';
      const value = shown(node);
      const hint = opts.patternHints?.[field];
      return {
        range: node.range,
        message:
          `${at} is '${value}', ` +
          `which is not ${hint ?? `matching ${String((e.params as { pattern: string }).pattern)}`}`,
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `'${String(v)}'`).join(', ');
      return { range: node.range, message: `${at} is '${shown(node)}', which is not one of ${allowed}` };
    }
    case 'minLength':
      return { range: node.range, message: `${at} must not be empty` };
    default:
      return { range: node.range, message: `${at} ${e.message ?? 'is invalid'}` };
  }
}

/** How far an unknown key may be from a known one to be reported as a typo (RL016). */
export const NEAR_MISS_DISTANCE = 2;

/**
 * An unknown key `node` (named `key`, at `segments`) that likely misspells one of `known`: `tool` ignores it, so its
 * value is lost, and the rename to the known key fixes it; null for any other key.
 */
export function misspeltKey(
  tool: string,
  key: string,
  known: readonly string[],
  segments: string[],
  node: Lit,
): SchemaProblem | null {
  const near = nearMiss(key, known);
  if (!near || node.kind !== 'str') return null;
  const at = segments.length ? ` in ${pathLabel(segments)}` : '';
  return {
    range: node.range,
    message: `Unknown key '${key}'${at}: ${tool} ignores it, so its value is lost. Did you mean '${near}'?`,
    rename: { range: node.inner, newText: near },
  };
}

/** The known key an unknown one most likely misspells (distance ≤ 2, ties by name), or null. */
export function nearMiss(name: string, known: readonly string[]): string | null {
  let best: { k: string; d: number } | null = null;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k, NEAR_MISS_DISTANCE);
    if (d <= NEAR_MISS_DISTANCE && (!best || d < best.d || (d === best.d && k < best.k))) best = { k, d };
  }
  return best?.k ?? null;
}
