// Stage 8's merge of a module's code attributes with its `*_meta.yaml`, field by field as each SDK does
// it, so Explain can say what the registered module carries and where each value came from:
// apcore-python 0.19.0 `merge_module_metadata` (registry/metadata.py:89-139, schema/annotations.py:14-51)
// and apcore-typescript 0.25.0 `mergeModuleMetadata` (registry/metadata-pure.ts:34-79,
// schema/annotations.ts:8-64). They differ in truthiness, in the annotation field names (snake_case in
// Python, camelCase in TypeScript) and in a partial code annotations object (Python fills defaults,
// TypeScript leaves the missing fields undefined). A code value that is no literal is not judged.
import { keyText, toPlain, type Lit } from '../../../literal';
import type { Range } from '../../../types';
import { bareObject } from '../../../util/configData';
import type { MetaDoc } from '../../../model/discovery/types';
import { MERGED_KEYS } from '../../../model/discovery/mergedFields';
import { ANNOTATION_DEFAULTS, MODULE_DEFAULTS as DEFAULTS, SDK_NAME, type ApcoreSdk } from '../framework';

export interface Site {
  file: string;
  range: Range;
}

/** A code attribute: its value as JSON, or the expression it is computed from (`computed`), and where it is set. */
export interface CodeValue {
  plain: unknown;
  computed: string | null;
  at: Site;
  subAt: (key: string) => Site;
}

/** One line of the merged result: a field (or a field's key, `annotations.readonly`), its value and origin. */
export interface MergeRow {
  label: string;
  value: unknown;
  from: 'YAML' | 'code' | 'default' | 'computed' | 'merged' | 'ignored';
  at: Site | null;
  note?: string;
}

export interface ModuleMerge {
  sdk: ApcoreSdk;
  rows: MergeRow[];
  fields: Record<string, unknown>;
  fromMeta: string[];
}

/** The merged fields of a module: `code` its attributes by name, `meta` its primary companion. */
export function mergeModule(sdk: ApcoreSdk, code: ReadonlyMap<string, CodeValue>, meta: MetaDoc | null): ModuleMerge {
  const out: ModuleMerge = { sdk, rows: [], fields: {}, fromMeta: [] };
  const yamlNode = (k: string): Lit | undefined =>
    meta?.root?.kind === 'dict' ? meta.fields.get(k)?.value : undefined;
  const site = (n: Lit): Site | null => (meta ? { file: meta.file, range: n.range } : null);
  // The keys both SDKs merge, in their order (metadata.py:128-139, metadata-pure.ts:66-78).
  for (const key of MERGED_KEYS) {
    const y = yamlNode(key);
    const yv = y === undefined ? undefined : toPlain(y);
    const c = code.get(key);
    if (key === 'annotations') {
      annotations(out, sdk, y, c, site);
      continue;
    }
    if (key === 'metadata') {
      metadata(out, y, c, site);
      continue;
    }
    const yamlWins = key === 'tags' || key === 'examples' ? yv !== undefined && yv !== null : truthy(sdk, yv);
    if (yamlWins && y) {
      const value = key === 'examples' ? examples(sdk, yv) : yv;
      const over = c
        ? `over the code's ${c.computed ?? JSON.stringify(c.plain)} (line ${c.at.range.start.line + 1})`
        : undefined;
      const note = [over, key === 'examples' ? missingTitle(sdk, yv) : undefined]
        .filter((n) => n !== undefined)
        .join('; ');
      push(out, { label: key, value, from: 'YAML', at: site(y), note: note || undefined }, true);
      continue;
    }
    const fallback =
      y !== undefined && yv !== null
        ? `YAML's ${JSON.stringify(yv)} is ${sdk === 'python' ? 'falsy' : 'falsy in JavaScript'}: the code's ` +
          'value is used'
        : undefined;
    if (!c) {
      push(out, { label: key, value: DEFAULTS[key], from: 'default', at: null, note: fallback }, false);
      continue;
    }
    if (c.computed !== null) {
      push(out, { label: key, value: null, from: 'computed', at: c.at, note: computedNote(c) }, false);
      continue;
    }
    const kept = codeValue(sdk, key, c.plain);
    push(
      out,
      {
        label: key,
        value: kept.value,
        from: kept.used ? 'code' : 'default',
        at: c.at,
        note: kept.used ? fallback : kept.why,
      },
      false,
    );
  }
  if (sdk === 'python' && meta?.root?.kind === 'dict' && meta.root.entries.length > 0)
    definitionMetadata(out, code.get('version'), meta);
  return out;
}

/**
 * apcore-python's `get_definition` (registry.py:950-955) adds the companion, every top-level key of it,
 * to the descriptor's `metadata` when the instance's `version` (or 1.0.0) is the version the module was
 * registered under (`_effective_version`, registry.py:703-710: YAML's, else the code's, else 1.0.0).
 * Only for string versions (a number is `str()`ed on one side and not the other).
 */
function definitionMetadata(out: ModuleMerge, c: CodeValue | undefined, meta: MetaDoc): void {
  if (c?.computed) return;
  const yamlVersion = meta.fields.get('version')?.value;
  const yv = yamlVersion === undefined ? undefined : toPlain(yamlVersion);
  if ((yv !== undefined && typeof yv !== 'string') || (c && c.plain !== null && typeof c.plain !== 'string')) return;
  const own = typeof c?.plain === 'string' && c.plain !== '' ? c.plain : '1.0.0';
  const registered = typeof yv === 'string' && yv !== '' ? yv : own;
  if (own !== registered) return;
  const merged = out.fields['metadata'] ?? {};
  const value = { ...(merged as object), ...(toPlain(meta.root as Lit) as object) };
  out.rows.push({
    label: 'metadata (get_definition)',
    value,
    from: 'merged',
    at: { file: meta.file, range: (meta.root as Lit).range },
    // apcore-python 0.19.0 registry.py:950-955 (docs/cli.md cites it: the notes shown name no upstream line).
    note:
      `the module's version ${own} is the one it registered under, so get_definition adds every key of the ` +
      'companion to its metadata',
  });
}

function push(out: ModuleMerge, row: MergeRow, fromMeta: boolean): void {
  out.rows.push(row);
  // The fields given by either side (defaults are the section's to show).
  if (row.from !== 'computed' && row.from !== 'ignored' && row.from !== 'default' && !row.label.includes('.'))
    out.fields[row.label] = row.value;
  if (fromMeta && !out.fromMeta.includes(row.label.split('.')[0] as string))
    out.fromMeta.push(row.label.split('.')[0] as string);
}

function computedNote(c: CodeValue): string {
  return `${c.computed}; not judged`;
}

/**
 * The code's value as the merge keeps it: apcore-python checks its type (`isinstance`, metadata.py:129-138),
 * apcore-typescript takes it as it is unless null or undefined (`?? default`, `tags: codeTags || []`).
 */
function codeValue(sdk: ApcoreSdk, key: string, v: unknown): { value: unknown; used: boolean; why?: string } {
  const fallback = DEFAULTS[key];
  if (sdk === 'typescript') {
    if (v === null || v === undefined || (key === 'tags' && !truthy(sdk, v)))
      return { value: fallback, used: false, why: `the code's ${JSON.stringify(v)} falls back to the default` };
    return { value: v, used: true };
  }
  const ok =
    key === 'tags' || key === 'examples' ? Array.isArray(v) : typeof v === 'string' || (key === 'name' && v === null);
  return ok
    ? { value: v, used: true }
    : {
        value: fallback,
        used: false,
        why:
          `the code's ${JSON.stringify(v)} is not a ${key === 'tags' || key === 'examples' ? 'list' : 'str'}: ` +
          'apcore-python uses the default',
      };
}

/** JavaScript's `||` or Python's `or` on a JSON value. */
function truthy(sdk: ApcoreSdk, v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (sdk === 'typescript') return true;
  return Array.isArray(v) ? v.length > 0 : typeof v === 'object' ? Object.keys(v as object).length > 0 : true;
}

/**
 * `merge_examples` / `mergeExamples`: YAML's list, each item read as an example (annotations.py:40-48,
 * annotations.ts:55-60).
 */
function examples(sdk: ApcoreSdk, v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  return v.map((d: unknown) => {
    if (d === null || typeof d !== 'object' || Array.isArray(d)) return d;
    const o = d as Record<string, unknown>;
    const read = {
      title: o['title'],
      inputs: o['inputs'] ?? {},
      output: o['output'] ?? {},
      description: o['description'],
    };
    return sdk === 'python' ? { ...read, description: o['description'] ?? null } : read;
  });
}

function missingTitle(sdk: ApcoreSdk, v: unknown): string | undefined {
  if (!Array.isArray(v) || !v.some((d) => d !== null && typeof d === 'object' && !Array.isArray(d) && !('title' in d)))
    return undefined;
  // apcore-python 0.19.0 schema/annotations.py:42 `d["title"]`; apcore-typescript 0.25.0 schema/annotations.ts:56.
  return sdk === 'python'
    ? "an example without 'title': apcore-python's merge_examples raises KeyError"
    : "an example without 'title': apcore-typescript keeps it with title undefined";
}

/** `{**code, **yaml}`: a shallow merge, YAML's keys over the code's (metadata.py:114-115, metadata-pure.ts:49-50). */
function metadata(out: ModuleMerge, y: Lit | undefined, c: CodeValue | undefined, site: (n: Lit) => Site | null): void {
  const rows: MergeRow[] = [];
  const merged = bareObject<unknown>();
  if (c && c.computed === null && isObject(c.plain)) {
    for (const [k, v] of Object.entries(c.plain)) {
      merged[k] = v;
      rows.push({ label: `metadata.${k}`, value: v, from: 'code', at: c.subAt(k) });
    }
  }
  let fromYaml = false;
  if (y?.kind === 'dict') {
    for (const e of y.entries) {
      const k = keyText(e);
      if (k === undefined) continue;
      fromYaml = true;
      merged[k] = toPlain(e.value);
      const i = rows.findIndex((r) => r.label === `metadata.${k}`);
      if (i >= 0) rows.splice(i, 1);
      rows.push({
        label: `metadata.${k}`,
        value: merged[k],
        from: 'YAML',
        at: site(e.key),
        note: i >= 0 ? "over the code's value" : undefined,
      });
    }
  }
  if (c?.computed) {
    out.rows.push({
      label: 'metadata',
      value: null,
      from: 'computed',
      at: c.at,
      note: `${computedNote(c)}; YAML's keys are set over it`,
    });
  } else {
    const from = fromYaml ? (rows.some((r) => r.from === 'code') ? 'merged' : 'YAML') : c ? 'code' : 'default';
    push(out, { label: 'metadata', value: merged, from, at: from === 'YAML' && y ? site(y) : (c?.at ?? null) }, false);
  }
  if (fromYaml) out.fromMeta.push('metadata');
  out.rows.push(...rows);
}

/**
 * `merge_annotations` / `mergeAnnotations`: null when neither side has annotations; else the defaults,
 * then the code's fields, then YAML's keys that are fields of this SDK's ModuleAnnotations (others are dropped).
 */
function annotations(
  out: ModuleMerge,
  sdk: ApcoreSdk,
  y: Lit | undefined,
  c: CodeValue | undefined,
  site: (n: Lit) => Site | null,
): void {
  const defaults = ANNOTATION_DEFAULTS[sdk];
  const fields = Object.keys(defaults);
  const yaml = y && y.kind !== 'none' ? y : undefined;
  // apcore-python keeps a dict (or a ModuleAnnotations) and drops anything else (_coerce_code_annotations,
  // metadata.py:69-86).
  const codeObj = c && c.computed === null && isObject(c.plain) ? c.plain : null;
  const codeGiven =
    c !== undefined && c.computed === null && (sdk === 'typescript' ? c.plain !== null : codeObj !== null);
  if (!yaml && !codeGiven && !c?.computed) {
    push(out, { label: 'annotations', value: null, from: 'default', at: null }, false);
    return;
  }
  const merged: Record<string, unknown> = { ...defaults };
  const rows: MergeRow[] = [];
  // metadata-pure.ts:42 passes the code's object as it is and annotations.ts:33-37 copies every field
  // from it: a field it lacks is undefined, not the default.
  const lacking: string[] = [];
  if (codeGiven) {
    const obj = codeObj ?? {};
    for (const f of fields) {
      if (f in obj) {
        merged[f] = obj[f];
        rows.push({ label: `annotations.${f}`, value: obj[f], from: 'code', at: (c as CodeValue).subAt(f) });
      } else if (sdk === 'typescript') {
        merged[f] = undefined;
        lacking.push(f);
      }
    }
    for (const k of Object.keys(obj))
      if (!fields.includes(k))
        rows.push({
          label: `annotations.${k}`,
          value: obj[k],
          from: 'ignored',
          at: (c as CodeValue).subAt(k),
          note: notAField(sdk, k, fields),
        });
  }
  if (yaml?.kind === 'dict') {
    for (const e of yaml.entries) {
      const k = keyText(e);
      if (k === undefined) continue;
      const v = toPlain(e.value);
      if (!fields.includes(k)) {
        rows.push({
          label: `annotations.${k}`,
          value: v,
          from: 'ignored',
          at: site(e.key),
          note: notAField(sdk, k, fields),
        });
        continue;
      }
      merged[k] = v;
      const i = rows.findIndex((r) => r.label === `annotations.${k}`);
      if (i >= 0) rows.splice(i, 1);
      const was = lacking.indexOf(k);
      if (was >= 0) lacking.splice(was, 1);
      rows.push({
        label: `annotations.${k}`,
        value: v,
        from: 'YAML',
        at: site(e.key),
        note: i >= 0 ? "over the code's value" : undefined,
      });
    }
  }
  if (lacking.length > 0) {
    rows.push({
      label: 'annotations.*',
      value: undefined,
      from: 'code',
      at: (c as CodeValue).at,
      // apcore-typescript 0.25.0 schema/annotations.ts:33-37.
      note: `${lacking.join(', ')}: missing from the code's object, so undefined, not the default`,
    });
  }
  const set =
    rows.filter((r) => (r.from === 'code' || r.from === 'YAML') && r.label !== 'annotations.*').length + lacking.length;
  const note =
    set === 0
      ? "every field is ModuleAnnotations' default"
      : set < fields.length
        ? `the other ${fields.length - set} fields are ModuleAnnotations' defaults`
        : undefined;
  if (c?.computed) {
    out.rows.push({
      label: 'annotations',
      value: null,
      from: 'computed',
      at: c.at,
      note: `${computedNote(c)}; YAML's fields are set over it`,
    });
  } else {
    const fromYaml = rows.some((r) => r.from === 'YAML');
    const from = fromYaml ? (rows.some((r) => r.from === 'code') ? 'merged' : 'YAML') : codeGiven ? 'code' : 'YAML';
    push(
      out,
      {
        label: 'annotations',
        value: merged,
        from,
        at: from === 'YAML' && yaml ? site(yaml) : (c?.at ?? (yaml ? site(yaml) : null)),
        note,
      },
      false,
    );
  }
  if (rows.some((r) => r.from === 'YAML') || (yaml && !codeGiven)) out.fromMeta.push('annotations');
  out.rows.push(...rows);
}

function notAField(sdk: ApcoreSdk, k: string, fields: readonly string[]): string {
  const other =
    sdk === 'python'
      ? k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)
      : k.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());
  const hint = other !== k && fields.includes(other) ? ` (it reads '${other}')` : '';
  return `not a field of ${SDK_NAME[sdk]}'s ModuleAnnotations: dropped${hint}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
