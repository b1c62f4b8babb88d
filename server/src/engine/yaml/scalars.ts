// How a YAML scalar becomes a literal, shared by the full reader (yamlLit.ts) and its fast path
// (fastYaml.ts), so that both type `yes`, `0o7`, `1e3` or `~` alike: the parser's own options and schema
// resolve a plain scalar, and one function turns the resolved value into a literal.
import { Document, type ScalarTag } from 'yaml';
import type { Range } from '../types';
import { bareStr, type Lit } from '../literal';

export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false, version: '1.2' } as const;

/** PyYAML (YAML 1.1) resolves a float only with a dot: `1e-5` is a string there, a number here. */
const PYYAML_STRING_EXPONENT = /^[-+]?\d[0-9_]*e/i;

/**
 * The literal of a scalar the parser resolved to `v`, a string only when it came from a plain scalar in
 * PyYAML mode. `pyyamlPlain`: the scalar's source, when it is plain and read as PyYAML's `safe_load` reads it.
 */
export function typedLit(v: unknown, range: Range, pyyamlPlain: string | null): Lit {
  if (
    typeof v === 'number' &&
    pyyamlPlain !== null &&
    PYYAML_STRING_EXPONENT.test(pyyamlPlain) &&
    !pyyamlPlain.includes('.')
  ) {
    return bareStr(pyyamlPlain, range);
  }
  if (typeof v === 'number') return { kind: 'num', value: v, int: Number.isInteger(v), range };
  if (typeof v === 'boolean') return { kind: 'bool', value: v, range };
  if (v === null || v === undefined) return { kind: 'none', range };
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a tagged value, shown as JavaScript prints it
  return { kind: 'other', text: String(v), range };
}

/**
 * The parser builds a quoted scalar character by character and folds a multi-line one line by line, by
 * concatenation, which V8 keeps as a chain of pieces (32 bytes each, and the pieces) for as long as the
 * string lives; a regular expression reads the string flat, which flattens it in place, and the chain is
 * collected. (The fast path's strings joined from lines are flattened the same way.)
 */
export function flat(s: string): string {
  ANY.test(s);
  return s;
}
const ANY = /[\s\S]/;

/** The schema and options the composer reads a document with (YAML_OPTIONS). */
const doc = new Document(null, YAML_OPTIONS);
const scalarTags = doc.schema.tags.filter(
  (t): t is ScalarTag => !t.collection && t.default === true && t.test !== undefined,
);
/** Whether any of those tags' tests matches (one test instead of eight for the common case, a string). */
const ANY_TAG = new RegExp(scalarTags.map((t) => `(?:${t.test?.source ?? '(?!)'})`).join('|'));

export const UNRESOLVED = Symbol('unresolved');

/**
 * What the composer makes of a plain scalar (the core schema has no key-only tags): the value of the
 * first default tag whose test matches (the string itself when none does), or UNRESOLVED when resolving
 * it reports a problem.
 */
export function resolvePlain(source: string): unknown {
  const tag = ANY_TAG.test(source) ? scalarTags.find((t) => t.test?.test(source)) : undefined;
  if (!tag) return source;
  let failed = false;
  const res = tag.resolve(
    source,
    () => {
      failed = true;
    },
    doc.options,
  );
  if (failed) return UNRESOLVED;
  return res !== null && typeof res === 'object' && 'value' in res ? (res as { value: unknown }).value : res;
}
