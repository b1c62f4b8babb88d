// Checks a parsed `*_meta.yaml` against schemas/meta.schema.json (JSON Schema 2020-12) with ajv,
// compiled once per process, and maps every error back to the YAML node it is about, so RL020
// underlines the wrong tag item or the bad version rather than the whole file. apcore reads the keys
// it knows with `meta.get(...)` and ignores the others, so an unknown key is a problem only when it
// is within edit distance 2 of a known one (a likely typo whose value apcore silently drops).
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../../../schemas/meta.schema.json';
import { dictEntry, toPlain, type Lit } from '../literal';
import type { Range } from '../types';
import { editDistance } from '../util/editDistance';

/** How far an unknown key may be from a known one to be reported as a typo. */
export const NEAR_MISS_DISTANCE = 2;

export interface SchemaNode {
  description?: string;
  type?: string;
  default?: unknown;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
}

export const META_SCHEMA = schemaJson as SchemaNode;

export interface SchemaProblem {
  range: Range;
  message: string;
  /** A replacement for an unknown key that is close to a known one (reported as RL016). */
  rename?: { range: Range; newText: string };
}

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: true }).compile(schemaJson);
  return compiled;
}

/** Schema errors of a meta document's root value, each at its node. */
export function checkMetaSchema(root: Lit): SchemaProblem[] {
  const validate = validator();
  if (validate(toPlain(root))) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const p = problem(root, e);
    if (!p) continue;
    const key = `${p.range.start.line}:${p.range.start.character}|${p.message}`;
    if (!seen.has(key)) { seen.add(key); out.push(p); }
  }
  return out;
}

/** The schema of the value at a JSON pointer (`/dependencies/0`), for messages and completion. */
export function schemaAt(segments: readonly string[]): SchemaNode | null {
  let s: SchemaNode | undefined = META_SCHEMA;
  for (const seg of segments) {
    if (!s) return null;
    s = /^\d+$/.test(seg) && s.items ? s.items : s.properties?.[seg];
  }
  return s ?? null;
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function nodeAt(root: Lit, segments: string[]): Lit | null {
  let n: Lit | undefined = root;
  for (const seg of segments) {
    if (!n) return null;
    if (n.kind === 'dict') n = dictEntry(n, seg)?.value;
    else if (n.kind === 'list') n = n.items[Number(seg)];
    else return null;
  }
  return n ?? null;
}

function where(segments: string[]): string {
  if (segments.length === 0) return 'The document';
  return `'${segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')}'`;
}

const KIND_NAMES: Record<Lit['kind'], string> = {
  str: 'a string', num: 'a number', bool: 'a boolean', none: 'empty (null)', list: 'a list', dict: 'a mapping', other: 'an unreadable value',
};
const TYPE_NAMES: Record<string, string> = {
  string: 'a string', object: 'a mapping', array: 'a list', boolean: 'true or false', number: 'a number', integer: 'an integer',
};

const PATTERN_HINTS: Record<string, string> = {
  tags: 'lower-case letters, digits, \'_\' and \'-\', starting with a letter',
  version: 'a version apcore can read (it starts with digits, MAJOR[.MINOR[.PATCH]]; otherwise apcore compares it as 0.0.0)',
  entry_point: '\'module:ClassName\' (apcore uses the class name after the last \':\')',
  sunset_date: 'a date YYYY-MM-DD',
};

/** The known key an unknown one most likely misspells (distance ≤ 2, ties by name), or null. */
function nearMiss(name: string, known: readonly string[]): string | null {
  let best: { k: string; d: number } | null = null;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k, NEAR_MISS_DISTANCE);
    if (d <= NEAR_MISS_DISTANCE && (!best || d < best.d || (d === best.d && k < best.k))) best = { k, d };
  }
  return best?.k ?? null;
}

function problem(root: Lit, e: ErrorObject): SchemaProblem | null {
  const segments = segmentsOf(e.instancePath);
  const node = nodeAt(root, segments);
  if (!node) return null;
  const at = where(segments);
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String((e.params as { additionalProperty: string }).additionalProperty);
      const entry = dictEntry(node, name);
      const allowed = Object.keys(schemaAt(segments)?.properties ?? {});
      const near = nearMiss(name, allowed);
      const key = entry?.key;
      if (!near || key?.kind !== 'str') return null;
      const message = `Unknown key '${name}'${segments.length ? ` in ${at}` : ''}: apcore ignores it, so its value is lost. Did you mean '${near}'?`;
      return { range: key.range, message, rename: { range: key.inner, newText: near } };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return { range: node.range, message: `${at} is missing the required key '${missing}'` };
    }
    case 'type': {
      const want = TYPE_NAMES[String((e.params as { type: string }).type)] ?? String((e.params as { type: string }).type);
      const hint = want === 'a string' && (node.kind === 'num' || node.kind === 'bool') ? ` (quote it: "${String(toPlain(node))}")` : '';
      return { range: node.range, message: `${at} must be ${want}, not ${KIND_NAMES[node.kind]}${hint}` };
    }
    case 'pattern': {
      const field = segments.find((s) => !/^\d+$/.test(s)) ?? '';
      const value = String(toPlain(node));
      return { range: node.range, message: `${at} is '${value}', which is not ${PATTERN_HINTS[field] ?? `matching ${String((e.params as { pattern: string }).pattern)}`}` };
    }
    case 'minLength':
      return { range: node.range, message: `${at} must not be empty` };
    default:
      return { range: node.range, message: `${at} ${e.message ?? 'is invalid'}` };
  }
}
