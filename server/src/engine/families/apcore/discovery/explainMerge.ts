// Explain's view of an apcore module's registered metadata: its code attributes (a Python class's
// literals, read from its text on request; a TypeScript or JavaScript export's literal fields) merged
// with its companion as the module's SDK merges them (moduleMerge.ts), each field with the
// place it came from.
import type { ExplainSection } from '../../../api';
import { toPlain, keyText, type Lit } from '../../../literal';
import type { PyClass } from '../../../python/facts';
import { classAttrValues } from '../../../python/classAttrs';
import { LineIndex, normalizeLoneCr } from '../../../text/lineIndex';
import type { MetaDoc } from '../../../model/discovery/types';
import { MERGED_KEYS } from '../../../model/discovery/mergedFields';
import { mergeModule, type CodeValue, type MergeRow, type ModuleMerge, type Site } from './moduleMerge';
import { SDK_NAME } from '../framework';
import { SCHEMAS } from '../jsValues';

/**
 * Bases that give a module none of the merged attributes (apcore's `Module` is a Protocol of annotations only,
 * module.py:28-44).
 */
const PLAIN_BASES = new Set(['object', 'Module', 'Protocol', 'ABC', 'apcore.Module', 'apcore.module.Module']);
const MAX_VALUE = 160;
/** Rows per field's keys: a hostile companion's thousands of metadata keys stay one screen. */
const MAX_KEYS = 50;
const PY_SCHEMAS = ['input_schema', 'output_schema'];
/** apcore's dataclasses a module's attributes are built with, read by field name (module.py:63-145). */
const DATACLASSES: ReadonlySet<string> = new Set(['ModuleAnnotations', 'ModuleExample']);
const EXAMPLE_CALL = /^(?:[A-Za-z_][\w.]*\.)?ModuleExample\s*\(/;

export interface MergedModule {
  merge: ModuleMerge;
  section: ExplainSection;
}

/**
 * The merge of a module entry's code (its class or export in `file`, `code` for a TypeScript or JavaScript one) and
 * companion.
 */
export function mergedModule(
  read: (path: string) => string | undefined,
  file: string,
  cls: PyClass,
  code: Record<string, unknown> | null,
  meta: MetaDoc | null,
): MergedModule {
  const python = file.endsWith('.py');
  const values = python ? pythonValues(read, file, cls) : jsValues(file, cls, code ?? {});
  const merge = mergeModule(python ? 'python' : 'typescript', values ?? new Map(), meta);
  const rows = bounded(merge.rows).map(row);
  // The schemas are not merged: the definition takes them from the module (registry.py:959-977,
  // apcore-typescript registry.ts getDefinition); shown as the code writes them.
  for (const k of python ? PY_SCHEMAS : SCHEMAS) {
    const v = values?.get(k);
    const text = !v ? undefined : (v.computed ?? (typeof v.plain === 'string' ? v.plain : JSON.stringify(v.plain)));
    if (!v || text === undefined) continue;
    merge.fields[k] = text;
    rows.push({
      label: k,
      text: `${text}  (code: not merged, the definition reads it from the module)`,
      file: v.at.file,
      range: v.at.range,
    });
  }
  if (python && values === null)
    rows.unshift({ label: 'code', text: `class ${cls.name} could not be read: only the companion's fields are known` });
  const bases = python ? cls.bases.filter((b) => !PLAIN_BASES.has(b)) : [];
  if (bases.length > 0)
    rows.push({
      label: 'bases',
      text: `${bases.join(', ')}: an attribute ${cls.name} does not set may come from a base class (not read)`,
      file,
      range: cls.nameRange,
    });
  const fn = python ? 'merge_module_metadata' : 'mergeModuleMetadata';
  return { merge, section: { title: `Registered metadata (${SDK_NAME[merge.sdk]} ${fn}: YAML over code)`, rows } };
}

/** At most MAX_KEYS rows of one field's keys (`metadata.*`, `annotations.*`), then how many were left out. */
function bounded(rows: readonly MergeRow[]): MergeRow[] {
  const seen = new Map<string, number>();
  const out: MergeRow[] = [];
  for (const r of rows) {
    const dot = r.label.indexOf('.');
    const field = dot < 0 ? null : r.label.slice(0, dot);
    const n = field === null ? 0 : (seen.get(field) ?? 0) + 1;
    if (field !== null) seen.set(field, n);
    if (n <= MAX_KEYS) out.push(r);
  }
  for (const [field, n] of seen) {
    if (n > MAX_KEYS)
      out.push({
        label: `${field}.…`,
        value: n - MAX_KEYS,
        from: 'merged',
        at: null,
        note: `${n - MAX_KEYS} more keys not listed`,
      });
  }
  return out;
}

function row(r: MergeRow): ExplainSection['rows'][number] {
  const from = r.from === 'computed' ? 'computed at import' : r.from;
  const text = `${r.from === 'computed' ? '?' : show(r.value)}  (${from}${r.note ? `: ${r.note}` : ''})`;
  return r.at ? { label: r.label, text, file: r.at.file, range: r.at.range } : { label: r.label, text };
}

function show(v: unknown): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/** The class's attributes from its text: null when the text or the class cannot be read. */
function pythonValues(
  read: (path: string) => string | undefined,
  file: string,
  cls: PyClass,
): Map<string, CodeValue> | null {
  const text = read(file);
  const attrs =
    text === undefined ? null : classAttrValues(text, cls.name, [...MERGED_KEYS, ...PY_SCHEMAS], DATACLASSES);
  if (!attrs) return null;
  const out = new Map<string, CodeValue>();
  for (const [k, a] of attrs) {
    const at: Site = { file, range: a.nameRange };
    const other = firstOther(a.value);
    out.set(k, {
      plain: other ? null : k === 'examples' ? examplesOf(a.value, text as string) : toPlain(a.value),
      computed: other
        ? (other === a.value ? other.text : `a value with a non-literal part, ${other.text}`) +
          (a.conditional ? ', set under a condition in __init__' : a.inInit ? ', set in __init__' : '')
        : null,
      at,
      subAt: (key) => {
        const e = a.value.kind === 'dict' ? a.value.entries.find((x) => keyText(x) === key) : undefined;
        return e ? { file, range: e.key.range } : at;
      },
    });
  }
  return out;
}

/** An export's literal fields; a merged member it has that is no literal is computed. */
function jsValues(file: string, cls: PyClass, code: Record<string, unknown>): Map<string, CodeValue> {
  const at: Site = { file, range: cls.nameRange };
  const out = new Map<string, CodeValue>();
  for (const k of [...MERGED_KEYS, ...SCHEMAS]) {
    if (k in code) out.set(k, { plain: code[k], computed: null, at, subAt: () => at });
    else if (cls.attributes.includes(k)) out.set(k, { plain: null, computed: 'not a literal', at, subAt: () => at });
  }
  return out;
}

/**
 * The code's examples as merge_module_metadata keeps them: a dict stays as written, a `ModuleExample(…)`
 * is the dataclass with its defaults (inputs {}, output {}, description None; module.py:130-145).
 */
function examplesOf(v: Lit, text: string): unknown {
  const plain = toPlain(v);
  if (v.kind !== 'list' || !Array.isArray(plain)) return plain;
  const norm = normalizeLoneCr(text);
  const lines = new LineIndex(norm);
  return plain.map((item: unknown, i) => {
    const lit = v.items[i];
    if (
      !lit ||
      lit.kind !== 'dict' ||
      !EXAMPLE_CALL.test(norm.slice(lines.offset(lit.range.start), lines.offset(lit.range.start) + 200))
    )
      return item;
    const o = item as Record<string, unknown>;
    return {
      title: o['title'],
      inputs: o['inputs'] ?? {},
      output: o['output'] ?? {},
      description: o['description'] ?? null,
    };
  });
}

function firstOther(v: Lit): Extract<Lit, { kind: 'other' }> | null {
  if (v.kind === 'other') return v;
  if (v.kind === 'list') {
    for (const i of v.items) {
      const o = firstOther(i);
      if (o) return o;
    }
  }
  if (v.kind === 'dict') {
    for (const e of v.entries) {
      const o = firstOther(e.key) ?? firstOther(e.value);
      if (o) return o;
    }
  }
  return null;
}
