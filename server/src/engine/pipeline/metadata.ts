// Stage 3 of the discovery pipeline (seed 003 `load_metadata`, `parse_dependencies`): reads one
// `*_meta.yaml` into a MetaDoc — syntax errors (RL030) without losing the rest, duplicate keys
// (RL001), schema violations at their node (RL020) — and extracts the fields later stages use.
import semver from 'semver';
import type { Diagnostic } from '../types';
import { dictEntry, type Lit } from '../literal';
import { diag } from '../codes';
import { duplicateKeys, pushAll } from '../model/source';
import { outsideErrorZones, parseYamlLit, type YamlFacts } from '../yaml/yamlLit';
import { dirOf, joinRel } from '../util/paths';
import { checkMetaSchema } from './metaSchema';
import type { MetaDep, MetaDoc, MetaEntryPoint } from './types';

export const META_SUFFIX = '_meta.yaml';

export function isMetaFile(path: string): boolean {
  return path.endsWith(META_SUFFIX) && !path.endsWith(`/${META_SUFFIX}`) && path !== META_SUFFIX;
}

const ENTRY_POINT = /^(.+\.(?:py|ts|js)):([A-Za-z_][A-Za-z0-9_]*)$/;

export function loadMeta(file: string, text: string): MetaDoc {
  const facts = parseYamlLit(text);
  const out = read(file, facts);
  out.diagnostics = outsideErrorZones(out.diagnostics, facts.errorZones);
  return out;
}

function read(file: string, facts: YamlFacts): MetaDoc {
  const doc: MetaDoc = { file, root: facts.value, fields: new Map(), deps: [], entryPoint: null, version: null, description: null, diagnostics: [] };
  for (const e of facts.errors) doc.diagnostics.push(diag(file, e.range, 'RL030', `${e.message}; the rest of the file is still analysed`));
  for (const w of facts.tagWarnings) doc.diagnostics.push(diag(file, w.range, 'RL030', w.message, { severity: 'warning' }));
  const root = facts.value;
  if (!root || root.kind === 'none') return doc;
  pushAll(doc.diagnostics, duplicateKeys(file, root, 'YAML'));
  for (const p of checkMetaSchema(root)) {
    doc.diagnostics.push(diag(file, p.range, 'RL020', p.message, {
      fixes: p.rename ? [{ title: `Rename to '${p.rename.newText}'`, preferred: true, edits: [{ file, edits: [p.rename] }] }] : [],
    }));
  }
  if (root.kind !== 'dict') return doc;
  for (const e of root.entries) if (e.key.kind === 'str') doc.fields.set(e.key.value, { keyRange: e.key.range, value: e.value });
  const str = (key: string): Extract<Lit, { kind: 'str' }> | null => {
    const v = doc.fields.get(key)?.value;
    return v?.kind === 'str' ? v : null;
  };
  const version = str('version');
  if (version && semver.valid(version.value) !== null) doc.version = version.value;
  doc.description = str('description')?.value ?? null;
  const ep = str('entry_point');
  const m = ep ? ENTRY_POINT.exec(ep.value) : null;
  if (ep && m?.[1] && m[2]) doc.entryPoint = { file: joinRel(dirOf(file), m[1]), cls: m[2], range: ep.range } satisfies MetaEntryPoint;
  const deps = doc.fields.get('dependencies')?.value;
  if (deps?.kind === 'list') for (const item of deps.items) readDep(doc, item);
  return doc;
}

function readDep(doc: MetaDoc, item: Lit): void {
  if (item.kind !== 'dict') return;
  const get = (k: string): Lit | undefined => dictEntry(item, k)?.value;
  const id = get('module_id');
  if (id?.kind !== 'str' || id.value === '') return;
  const v = get('version');
  let version: MetaDep['version'] = null;
  if (v?.kind === 'str') {
    if (semver.validRange(v.value) === null) doc.diagnostics.push(badRange(doc.file, v));
    else version = { value: v.value, range: v.range };
  }
  const optional = get('optional');
  doc.deps.push({ moduleId: id.value, range: id.range, inner: id.inner, item: item.range, version, optional: optional?.kind === 'bool' && optional.value });
}

function badRange(file: string, v: Extract<Lit, { kind: 'str' }>): Diagnostic {
  return diag(file, v.range, 'RL020', `'${v.value}' is not a valid semantic-version range (e.g. >=1.2.0, ^2.0.0, 1.x)`);
}
