// Stage 2 of the discovery pipeline (seed 003 `load_id_map` and the id map override): reads the id
// map (`mappings: [{file, id?, class?}]`, files relative to the map's directory) and applies it to
// the scanned modules — `id` replaces the module id (no namespace prefix), `class` picks the entry
// point. RL029: no `mappings` list (error); an item without `file`, whose file does not exist or is
// not a module under an extension root, or that maps a file twice (warning).
import type { Diagnostic, Range } from '../types';
import { dictEntry, type Lit } from '../literal';
import { diag } from '../codes';
import { ZERO_RANGE } from '../text/ranges';
import { outsideErrorZones, parseYamlLit, type YamlFacts } from '../yaml/yamlLit';
import { dirOf, joinRel } from '../util/paths';
import type { ApRoot, ScannedModule } from './types';

export interface IdMapItem {
  range: Range;
  /** `file`, resolved to a root-relative path (null when it leaves the root). */
  file: { value: string; path: string | null; range: Range } | null;
  id: { value: string; range: Range } | null;
  cls: { value: string; range: Range } | null;
}

export interface IdMapDoc { file: string; items: IdMapItem[]; diagnostics: Diagnostic[] }

export function readIdMap(file: string, text: string): IdMapDoc {
  const facts = parseYamlLit(text);
  const out = read(file, facts);
  out.diagnostics = outsideErrorZones(out.diagnostics, facts.errorZones);
  return out;
}

function read(file: string, facts: YamlFacts): IdMapDoc {
  const doc: IdMapDoc = { file, items: [], diagnostics: [] };
  for (const e of facts.errors) doc.diagnostics.push(diag(file, e.range, 'RL030', `${e.message}; the rest of the file is still analysed`));
  const root = facts.value;
  const entry = dictEntry(root, 'mappings');
  if (!entry || entry.value.kind !== 'list') {
    const first = root?.kind === 'dict' ? root.entries[0]?.key.range : undefined;
    const range = entry ? entry.value.range : first ?? root?.range ?? ZERO_RANGE;
    doc.diagnostics.push(diag(file, range, 'RL029', entry ? '\'mappings\' must be a list of {file, id?, class?}' : 'The id map has no \'mappings\' list, so it maps nothing'));
    return doc;
  }
  for (const item of entry.value.items) {
    const str = (k: string): { value: string; range: Range } | null => {
      const v = dictEntry(item, k)?.value;
      return v?.kind === 'str' && v.value.trim() !== '' ? { value: v.value.trim(), range: v.range } : null;
    };
    const f = str('file');
    const mapped: IdMapItem = { range: item.range, file: f ? { ...f, path: joinRel(dirOf(file), f.value) } : null, id: str('id'), cls: str('class') };
    doc.items.push(mapped);
    if (!f) doc.diagnostics.push(diag(file, item.range, 'RL029', `This mapping has no 'file'${item.kind === 'dict' ? '' : ` (it is ${describe(item)}, not {file, id?, class?})`}, so it is ignored`, { severity: 'warning' }));
  }
  return doc;
}

function describe(v: Lit): string {
  return v.kind === 'str' ? `the string '${v.value}'` : v.kind === 'list' ? 'a list' : `a ${v.kind}`;
}

/** A module found by the scan, before the id map. */
export interface Found { file: string; root: ApRoot; pathId: string }

/**
 * Applies the id map to the scanned modules. `exists` answers from the engine's file set: a mapped
 * file the scan did not find either does not exist or is not a module of any extension root.
 */
export function applyIdMap(found: readonly Found[], doc: IdMapDoc | null, exists: (path: string) => boolean): { modules: ScannedModule[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byFile = new Map<string, IdMapItem>();
  const scanned = new Set(found.map((m) => m.file));
  for (const item of doc?.items ?? []) {
    const f = item.file;
    if (!doc || !f) continue;
    const warn = (message: string): void => { diagnostics.push(diag(doc.file, f.range, 'RL029', message, { severity: 'warning' })); };
    if (f.path === null) warn(`'${f.value}' leaves the workspace folder; this mapping is ignored`);
    else if (byFile.has(f.path)) warn(`'${f.value}' is already mapped above; this mapping is ignored`);
    else if (!scanned.has(f.path)) warn(exists(f.path) ? `'${f.value}' is not a module of any extension root; this mapping is ignored` : `'${f.value}' does not exist (relative to ${dirOf(doc.file) || 'the workspace folder'}); this mapping is ignored`);
    else byFile.set(f.path, item);
  }
  const modules = found.map((m): ScannedModule => {
    const item = byFile.get(m.file);
    return {
      file: m.file,
      root: m.root,
      id: item?.id?.value ?? m.pathId,
      idOrigin: item?.id && doc ? { file: doc.file, range: item.id.range } : null,
      mappedClass: item?.cls && doc ? { name: item.cls.value, file: doc.file, range: item.cls.range } : null,
    };
  });
  return { modules, diagnostics };
}
