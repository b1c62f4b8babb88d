// Stage 2 of the discovery pipeline (apcore-python `registry/metadata.py` `load_id_map` and
// `Registry._apply_id_map_overrides`): applies the id map (`mappings: [{file, id?, class?}]`, read by the
// apcore family's apcore/idMapFile.ts) to the scanned modules. apcore keys the map by the file's path relative
// to its extension root; a path relative to the map's own directory is accepted too. `id` replaces the module id
// (no namespace prefix); without `id`, load_id_map makes the file path itself the id (`entry.get("id",
// file_path)`), which RL009 then reports. `class` is read only then: apcore-python looks it up by the
// new canonical id, which is the file path only when `id` is absent, and apcore-typescript never reads
// it — a `class` beside an `id` is ignored (stage 4 warns when that changes the entry point). RL029
// also: an item whose file does not exist or is not a module under an extension root, or that maps a
// file twice (warning: the item does nothing).
import type { Diagnostic, Range } from '../../types';
import type { DocumentLinkResult } from '../../api';
import { diag } from '../../model/codes';
import { dirOf, joinRel } from '../../util/paths';
import type { ApModule, ApRoot } from './roots';
import { relToRoot } from './scan';

export interface IdMapItem {
  range: Range;
  /** `file` as written, and resolved against the map's directory (null when that leaves the workspace folder). */
  file: { value: string; fromMap: string | null; range: Range; inner: Range } | null;
  id: { value: string; range: Range } | null;
  cls: { value: string; range: Range } | null;
}

export interface IdMapDoc {
  file: string;
  items: IdMapItem[];
  diagnostics: Diagnostic[];
}

/** A module found by the scan, before the id map. */
export interface Found {
  file: string;
  root: ApRoot;
  pathId: string;
}

/**
 * Applies the id map to the scanned modules. An item names the modules whose path relative to their
 * root is its `file` (as apcore matches it; with several roots one item may name a file in each), else
 * the module at `file` relative to the map's directory. `exists` answers from the engine's file set: a
 * named file the scan did not find either does not exist or is not a module of any extension root.
 * `watched` lists every path an item may name, so their appearance re-runs the stage; `links`, each
 * item's `file` and the (first) module it names, for the editor's document links.
 */
export function applyIdMap(
  found: readonly Found[],
  roots: readonly ApRoot[],
  doc: IdMapDoc | null,
  exists: (path: string) => boolean,
): { modules: ApModule[]; watched: string[]; diagnostics: Diagnostic[]; links: DocumentLinkResult[] } {
  const diagnostics: Diagnostic[] = [];
  const links: DocumentLinkResult[] = [];
  const byFile = new Map<string, IdMapItem>();
  const byPath = new Map(found.map((m) => [m.file, m]));
  const watched = new Set<string>();
  for (const item of doc?.items ?? []) {
    const f = item.file;
    if (!doc || !f) continue;
    const warn = (message: string): void => {
      diagnostics.push(diag(doc.file, f.range, 'RL029', message, { severity: 'warning' }));
    };
    const inRoots = roots.flatMap((r) => {
      const p = joinRel(r.path, f.value);
      return p === null ? [] : [p];
    });
    for (const p of [...inRoots, ...(f.fromMap === null ? [] : [f.fromMap])]) watched.add(p);
    let named = found.filter((m) => joinRel(m.root.path, f.value) === m.file && relToRoot(m.file, m.root) !== '');
    if (named.length === 0 && f.fromMap !== null && byPath.has(f.fromMap)) named = [byPath.get(f.fromMap) as Found];
    if (named.length === 0) {
      const any = [...inRoots, f.fromMap].some((p) => p !== null && exists(p));
      const inRootsText =
        roots.length === 0
          ? ''
          : `${roots.length === 1 ? 'the extension root' : 'an extension root'} ` +
            `(${roots.map((r) => `${r.path || '.'}/`).join(', ')}) or `;
      const where = `${inRootsText}the id map's directory (${dirOf(doc.file) || '.'}/)`;
      warn(
        any
          ? `'${f.value}' is not a module of any extension root; this mapping is ignored`
          : `'${f.value}' does not exist relative to ${where}; this mapping is ignored`,
      );
      continue;
    }
    links.push({ range: f.inner, target: (named[0] as Found).file });
    if (named.every((m) => byFile.has(m.file))) {
      warn(`'${f.value}' is already mapped above; this mapping is ignored`);
      continue;
    }
    for (const m of named) if (!byFile.has(m.file)) byFile.set(m.file, item);
  }
  const modules = found.map((m): ApModule => {
    const item = byFile.get(m.file);
    if (!item || !doc || !item.file)
      return { file: m.file, root: m.root, id: m.pathId, idOrigin: null, mappedClass: null };
    return {
      file: m.file,
      root: m.root,
      id: item.id?.value ?? item.file.value,
      idOrigin: item.id
        ? { file: doc.file, range: item.id.range }
        : {
            file: doc.file,
            range: item.file.range,
            note: "the mapping has no 'id', so apcore uses its file path as the id",
          },
      mappedClass: item.cls
        ? { name: item.cls.value, file: doc.file, range: item.cls.range, ignored: item.id !== null }
        : null,
    };
  });
  return { modules, watched: [...watched].sort(), diagnostics, links };
}
