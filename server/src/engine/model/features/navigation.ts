// Go to definition, find references and rename of steps (SPEC §6): a step name or a meta file's
// module_id goes to the entry that wins in the file's context (a module to its class), an override
// key to the core entry it replaces, a class reference or `entry_point` to the class. References and
// renames cover registries, overrides, the name references of every source (workspace dependencies,
// interface `compatible_sources`) and the module_ids of meta files.
import type { RenameResult } from '../../api';
import type { Location, Position, Range, TextEdit } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import type { StepEntry } from '../entries/source';
import { layersFor, resolveName } from '../entries/resolve';
import { locate, stepsUsingClass, wsDirFor } from './locate';
import { subjectCandidates } from '../discovery/subject';
import { builderOf, rowClass } from '../entries/rowClasses';

export function definition(ws: StepWorkspace, file: string, pos: Position): Location[] {
  const t = locate(ws, file, pos);
  if (!t) return [];
  const wsDir = wsDirFor(ws, file);
  const winner = (name: string, scope = wsDir): Location[] => {
    const hit = resolveName(layersFor(ws.model, scope, ws.stepSettings.mode), name);
    return hit ? [entryLocation(ws, hit.entry)] : [];
  };
  switch (t.kind) {
    case 'step-key': {
      const core = t.entry.layer === 'override' ? ws.model.core.get(t.entry.name) : undefined;
      return core ? [{ file: core.file, range: core.keyRange }] : winner(t.entry.name);
    }
    case 'name-ref':
      return winner(t.ref.name);
    case 'field-value': {
      if (t.value.kind !== 'str') return [];
      if (t.field === 'builder_step_name') {
        const built = builderOf(ws.model, t.entry, ws.settings);
        if (!built) return [];
        return [
          built.synthesized
            ? { file: built.iface.file, range: built.iface.keyRange }
            : { file: built.def.file, range: built.def.nameRange },
        ];
      }
      if (t.field === 'config_class') {
        const def = rowClass(ws.model, t.entry, 'config', ws.settings);
        return def ? [{ file: def.file, range: def.nameRange }] : [];
      }
      if (t.field === 'spec_type') return winner(t.value.value);
      return [];
    }
    case 'class':
      return stepsUsingClass(ws, t.cls).map((e) => ({ file: e.file, range: e.keyRange }));
    case 'meta-dep':
      return winner(t.dep.moduleId, ws.pipeline.scopeOf(file));
    case 'meta-entry-point': {
      const ep = t.meta.entryPoint;
      const cls = ep ? ws.classesOf(subjectCandidates(t.meta.file)[0] ?? '').find((c) => c.name === ep.cls) : undefined;
      return cls ? [{ file: cls.file, range: cls.nameRange }] : [];
    }
    case 'field-key':
    case 'meta-key':
      return [];
  }
}

/** Where an entry is defined: its registry key, or a module's class (else the start of its file). */
export function entryLocation(ws: StepWorkspace, e: StepEntry): Location {
  if (e.layer !== 'module') return { file: e.file, range: e.keyRange };
  const c = ws.pipeline.entryClassOf(e.file);
  return c ? { file: c.file, range: c.cls.nameRange } : { file: e.file, range: e.keyRange };
}

interface NameSite {
  file: string;
  range: Range;
  inner: Range;
  declaration: boolean;
}

/** Every place a step name occurs: definitions in every registry and string references to it. */
function sites(ws: StepWorkspace, name: string): NameSite[] {
  const out: NameSite[] = ws.model.definitions(name).map((e) => {
    const at = entryLocation(ws, e);
    return { file: at.file, range: at.range, inner: e.layer === 'module' ? at.range : e.keyInner, declaration: true };
  });
  const refs = [
    ...[...ws.model.coreSources.values()].flatMap((s) => s.depRefs),
    ...[...ws.model.workspaces.values()].flatMap((w) => [...w.depRefs, ...w.extraSources.flatMap((s) => s.depRefs)]),
  ];
  for (const r of refs)
    if (r.name === name) out.push({ file: r.file, range: r.range, inner: r.inner, declaration: false });
  for (const m of ws.pipeline.dependentsOf(name)) {
    for (const d of ws.metaDoc(m)?.deps ?? [])
      if (d.moduleId === name) out.push({ file: m, range: d.range, inner: d.inner, declaration: false });
  }
  for (const { features, q } of ws.allFeatures()) {
    for (const s of features.stepSites?.(name, q) ?? []) out.push({ ...s, declaration: false });
  }
  return out;
}

/**
 * The entry name under the cursor: a registry key, a name reference, a module_id, or a
 * module's class. A module's id comes from its path or the id map, so it is found but not renamed.
 */
function nameAt(
  ws: StepWorkspace,
  file: string,
  pos: Position,
  forRename = false,
): { name: string; range: Range } | null {
  const t = locate(ws, file, pos);
  const defs = (name: string): boolean => ws.model.definitions(name).some((e) => !forRename || e.layer !== 'module');
  if (t?.kind === 'step-key') return { name: t.entry.name, range: t.entry.keyInner };
  if (t?.kind === 'name-ref' && defs(t.ref.name)) return { name: t.ref.name, range: t.ref.inner };
  if (t?.kind === 'meta-dep' && defs(t.dep.moduleId)) return { name: t.dep.moduleId, range: t.dep.inner };
  if (t?.kind === 'class' && !forRename) {
    const mod = ws.scan.moduleOf(t.cls.file);
    if (mod && ws.pipeline.entryClassOf(t.cls.file)?.cls.name === t.cls.name)
      return { name: mod.id, range: t.cls.nameRange };
  }
  if (t) return null;
  // A family's own reference to a step (a pipeline DAG's node).
  const seer = ws.seerOf(file);
  const own = ws.featuresOf(file);
  const ref = seer?.features.stepRefAt?.(file, pos, seer.q) ?? own?.features.stepRefAt?.(file, pos, own.q) ?? null;
  return ref && defs(ref.name) ? ref : null;
}

export function references(ws: StepWorkspace, file: string, pos: Position, includeDeclaration: boolean): Location[] {
  const at = nameAt(ws, file, pos);
  if (!at) return [];
  return sites(ws, at.name)
    .filter((s) => includeDeclaration || !s.declaration)
    .map((s) => ({ file: s.file, range: s.range }));
}

export function prepareRename(
  ws: StepWorkspace,
  file: string,
  pos: Position,
): { range: Range; placeholder: string } | null {
  const at = nameAt(ws, file, pos, true);
  return at ? { range: at.range, placeholder: at.name } : null;
}

export function rename(ws: StepWorkspace, file: string, pos: Position, newName: string): RenameResult | null {
  const at = nameAt(ws, file, pos, true);
  if (!at || !/^[\w-]+$/.test(newName)) return null;
  const byFile = new Map<string, TextEdit[]>();
  for (const s of sites(ws, at.name))
    byFile.set(s.file, [...(byFile.get(s.file) ?? []), { range: s.inner, newText: newName }]);
  return { edits: [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([f, edits]) => ({ file: f, edits })) };
}
