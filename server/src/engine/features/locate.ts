// Finds what the cursor is on — a step key, a field key or value, a name reference, a class — the
// common first step of hover, definition, references, rename and Explain at the cursor.
import type { Position } from '../types';
import type { Lit } from '../literal';
import type { Workspace } from '../workspace';
import type { ClassDef } from '../model/registry';
import type { NameRef, StepEntry } from '../model/source';
import { contains } from '../text/ranges';

export type Target =
  | { kind: 'step-key'; entry: StepEntry }
  | { kind: 'field-key'; entry: StepEntry; field: string }
  | { kind: 'field-value'; entry: StepEntry; field: string; value: Lit }
  | { kind: 'name-ref'; ref: NameRef }
  | { kind: 'class'; cls: ClassDef };

export function locate(ws: Workspace, file: string, pos: Position): Target | null {
  const src = ws.source(file);
  if (src) {
    for (const entry of src.entries) {
      if (!contains(entry.range, pos)) continue;
      if (contains(entry.keyRange, pos)) return { kind: 'step-key', entry };
      for (const [field, f] of entry.fields) {
        if (contains(f.keyRange, pos)) return { kind: 'field-key', entry, field };
        if (contains(f.value.range, pos)) return { kind: 'field-value', entry, field, value: innermost(f.value, pos) };
      }
    }
    for (const ref of src.depRefs) if (contains(ref.range, pos)) return { kind: 'name-ref', ref };
    return null;
  }
  for (const cls of ws.classesOf(file)) if (contains(cls.nameRange, pos)) return { kind: 'class', cls };
  return null;
}

function innermost(v: Lit, pos: Position): Lit {
  if (v.kind === 'list') for (const i of v.items) if (contains(i.range, pos)) return innermost(i, pos);
  return v;
}

/** The context (workspace directory) a file is analysed in; null for core. */
export function wsDirFor(ws: Workspace, file: string): string | null {
  const dir = ws.wsDirOf(file);
  return dir && ws.model.workspaces.has(dir) ? dir : null;
}

/** Steps (in the file's context) whose builder or config is the given class. */
export function stepsUsingClass(ws: Workspace, cls: ClassDef): StepEntry[] {
  const dir = ws.wsDirOf(cls.file);
  const out: StepEntry[] = [];
  const scan = (entries: Iterable<StepEntry>): void => {
    for (const e of entries) {
      for (const field of ['builder_step_name', 'config_class']) {
        const v = e.fields.get(field)?.value;
        if (v?.kind === 'str' && v.value === cls.name) out.push(e);
      }
    }
  };
  if (dir) {
    const w = ws.model.workspaces.get(dir);
    if (w) { scan(w.local.values()); scan(w.overrides.values()); }
  } else {
    scan(ws.model.core.values());
  }
  return out;
}
