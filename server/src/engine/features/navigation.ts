// Go to definition, find references and rename of steps (SPEC §6): a step name or a meta file's
// module_id goes to the entry that wins in the file's context (a module to its class), an override
// key to the core entry it replaces, a class reference or `entry_point` to the class. References and
// renames cover registries, overrides and the module_ids of meta files.
import type { RenameResult } from '../api';
import type { Location, Position, Range, TextEdit } from '../types';
import type { Workspace } from '../workspace';
import type { StepEntry } from '../model/source';
import { layersFor, resolveName } from '../model/resolve';
import { locate, stepsUsingClass, wsDirFor } from './locate';
import { subjectCandidates } from '../pipeline/subject';

export function definition(ws: Workspace, file: string, pos: Position): Location[] {
  const t = locate(ws, file, pos);
  if (!t) return [];
  const wsDir = wsDirFor(ws, file);
  const winner = (name: string, scope = wsDir): Location[] => {
    const hit = resolveName(layersFor(ws.model, scope, ws.settings.mode), name);
    return hit ? [entryLocation(ws, hit.entry)] : [];
  };
  switch (t.kind) {
    case 'step-key': {
      const core = t.entry.layer === 'override' ? ws.model.core.get(t.entry.name) : undefined;
      return core ? [{ file: core.file, range: core.keyRange }] : winner(t.entry.name);
    }
    case 'name-ref': return winner(t.ref.name);
    case 'field-value': {
      if (t.value.kind !== 'str') return [];
      if (t.field === 'builder_step_name' || t.field === 'config_class') {
        const def = ws.model.findClass(wsDir, t.field === 'builder_step_name' ? 'builder' : 'config', t.value.value);
        return def ? [{ file: def.file, range: def.nameRange }] : [];
      }
      if (t.field === 'spec_type') return winner(t.value.value);
      return [];
    }
    case 'class': return stepsUsingClass(ws, t.cls).map((e) => ({ file: e.file, range: e.keyRange }));
    case 'meta-dep': return winner(t.dep.moduleId, ws.pipeline.scopeOf(file));
    case 'meta-entry-point': {
      const ep = t.meta.entryPoint;
      const cls = ep ? ws.classesOf(subjectCandidates(t.meta.file)[0] ?? '').find((c) => c.name === ep.cls) : undefined;
      return cls ? [{ file: cls.file, range: cls.nameRange }] : [];
    }
    case 'field-key': case 'meta-key': return [];
  }
}

/** Where an entry is defined: its registry key, or a module's class (else the start of its file). */
function entryLocation(ws: Workspace, e: StepEntry): Location {
  if (e.layer !== 'module') return { file: e.file, range: e.keyRange };
  const c = ws.pipeline.entryClassOf(e.file);
  return c ? { file: c.file, range: c.cls.nameRange } : { file: e.file, range: e.keyRange };
}

interface NameSite { file: string; range: Range; inner: Range; declaration: boolean }

/** Every place a step name occurs: definitions in every registry and string references to it. */
function sites(ws: Workspace, name: string): NameSite[] {
  const out: NameSite[] = ws.model.definitions(name).map((e) => ({ file: e.file, range: e.keyRange, inner: e.keyInner, declaration: true }));
  for (const w of ws.model.workspaces.values()) {
    for (const r of w.depRefs) if (r.name === name) out.push({ file: r.file, range: r.range, inner: r.inner, declaration: false });
  }
  for (const m of ws.pipeline.dependentsOf(name)) {
    for (const d of ws.metaDoc(m)?.deps ?? []) if (d.moduleId === name) out.push({ file: m, range: d.range, inner: d.inner, declaration: false });
  }
  return out;
}

function nameAt(ws: Workspace, file: string, pos: Position): { name: string; range: Range } | null {
  const t = locate(ws, file, pos);
  if (t?.kind === 'step-key') return { name: t.entry.name, range: t.entry.keyInner };
  if (t?.kind === 'name-ref' && ws.model.definitions(t.ref.name).length > 0) return { name: t.ref.name, range: t.ref.inner };
  if (t?.kind === 'meta-dep' && ws.model.definitions(t.dep.moduleId).some((e) => e.layer !== 'module')) return { name: t.dep.moduleId, range: t.dep.inner };
  return null;
}

export function references(ws: Workspace, file: string, pos: Position, includeDeclaration: boolean): Location[] {
  const at = nameAt(ws, file, pos);
  if (!at) return [];
  return sites(ws, at.name).filter((s) => includeDeclaration || !s.declaration).map((s) => ({ file: s.file, range: s.range }));
}

export function prepareRename(ws: Workspace, file: string, pos: Position): { range: Range; placeholder: string } | null {
  const at = nameAt(ws, file, pos);
  return at ? { range: at.range, placeholder: at.name } : null;
}

export function rename(ws: Workspace, file: string, pos: Position, newName: string): RenameResult | null {
  const at = nameAt(ws, file, pos);
  if (!at || !/^[A-Za-z0-9_-]+$/.test(newName)) return null;
  const byFile = new Map<string, TextEdit[]>();
  for (const s of sites(ws, at.name)) byFile.set(s.file, [...(byFile.get(s.file) ?? []), { range: s.inner, newText: newName }]);
  return { edits: [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([f, edits]) => ({ file: f, edits })) };
}
