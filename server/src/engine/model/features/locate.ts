// Finds what the cursor is on — a step key, a field key or value, a name reference, a class, or in a
// meta file a dependency's module_id, the entry_point or a key — the common first step of hover,
// definition, references, rename and Explain at the cursor.
import type { Position, Range } from '../../types';
import type { Lit } from '../../literal';
import type { StepWorkspace } from '../stepWorkspace';
import type { ClassDef } from '../entries/registry';
import type { NameRef, StepEntry } from '../entries/source';
import type { MetaDep, MetaDoc } from '../discovery/types';
import { contains } from '../../text/ranges';

export type Target =
  | { kind: 'step-key'; entry: StepEntry }
  | { kind: 'field-key'; entry: StepEntry; field: string }
  | { kind: 'field-value'; entry: StepEntry; field: string; value: Lit }
  | { kind: 'name-ref'; ref: NameRef }
  | { kind: 'class'; cls: ClassDef }
  | { kind: 'meta-dep'; meta: MetaDoc; dep: MetaDep }
  | { kind: 'meta-entry-point'; meta: MetaDoc }
  | { kind: 'meta-key'; meta: MetaDoc; key: string; path: string[]; range: Range };

export function locate(ws: StepWorkspace, file: string, pos: Position): Target | null {
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
  const meta = ws.metaDoc(file);
  if (meta) return locateInMeta(meta, pos);
  for (const cls of ws.classesOf(file)) if (contains(cls.nameRange, pos)) return { kind: 'class', cls };
  return null;
}

function locateInMeta(meta: MetaDoc, pos: Position): Target | null {
  for (const dep of meta.deps) if (contains(dep.range, pos)) return { kind: 'meta-dep', meta, dep };
  if (meta.entryPoint && contains(meta.entryPoint.range, pos)) return { kind: 'meta-entry-point', meta };
  const keyAt = (v: Lit, path: string[]): Target | null => {
    if (v.kind === 'list')
      for (const i of v.items) {
        const t = keyAt(i, [...path, '0']);
        if (t) return t;
      }
    if (v.kind !== 'dict') return null;
    for (const e of v.entries) {
      if (e.key.kind !== 'str') continue;
      if (contains(e.key.range, pos))
        return { kind: 'meta-key', meta, key: e.key.value, path: [...path, e.key.value], range: e.key.range };
      if (contains(e.value.range, pos)) return keyAt(e.value, [...path, e.key.value]);
    }
    return null;
  };
  return meta.root ? keyAt(meta.root, []) : null;
}

function innermost(v: Lit, pos: Position): Lit {
  if (v.kind === 'list') for (const i of v.items) if (contains(i.range, pos)) return innermost(i, pos);
  return v;
}

/** The context (workspace directory) a file is analysed in; null for core. */
export function wsDirFor(ws: StepWorkspace, file: string): string | null {
  const dir = ws.wsDirOf(file);
  return dir && ws.model.workspaces.has(dir) ? dir : null;
}

/** Steps (in the file's context) whose builder or config is the given class. */
export function stepsUsingClass(ws: StepWorkspace, cls: ClassDef): StepEntry[] {
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
    if (w) {
      scan(w.local.values());
      scan(w.overrides.values());
    }
  } else {
    scan(ws.model.core.values());
  }
  return out;
}
