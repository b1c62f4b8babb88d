// Go to definition, find references and rename of steps (SPEC §6): a step name goes to the entry that
// wins in the file's context, an override key to the core entry it replaces, a class reference to the class.
import type { RenameResult } from '../api';
import type { Location, Position, Range, TextEdit } from '../types';
import type { Workspace } from '../workspace';
import { layersFor, resolveName } from '../model/resolve';
import { locate, stepsUsingClass, wsDirFor } from './locate';

export function definition(ws: Workspace, file: string, pos: Position): Location[] {
  const t = locate(ws, file, pos);
  if (!t) return [];
  const wsDir = wsDirFor(ws, file);
  const winner = (name: string): Location[] => {
    const hit = resolveName(layersFor(ws.model, wsDir, ws.settings.mode), name);
    return hit ? [{ file: hit.entry.file, range: hit.entry.keyRange }] : [];
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
    case 'field-key': return [];
  }
}

interface NameSite { file: string; range: Range; inner: Range; declaration: boolean }

/** Every place a step name occurs: definitions in every registry and string references to it. */
function sites(ws: Workspace, name: string): NameSite[] {
  const out: NameSite[] = ws.model.definitions(name).map((e) => ({ file: e.file, range: e.keyRange, inner: e.keyInner, declaration: true }));
  for (const w of ws.model.workspaces.values()) {
    for (const r of w.depRefs) if (r.name === name) out.push({ file: r.file, range: r.range, inner: r.inner, declaration: false });
  }
  return out;
}

function nameAt(ws: Workspace, file: string, pos: Position): { name: string; range: Range } | null {
  const t = locate(ws, file, pos);
  if (t?.kind === 'step-key') return { name: t.entry.name, range: t.entry.keyInner };
  if (t?.kind === 'name-ref' && ws.model.definitions(t.ref.name).length > 0) return { name: t.ref.name, range: t.ref.inner };
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
