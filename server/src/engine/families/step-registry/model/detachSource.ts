// A registry source whose strings are no views into the text it was read from (util/detachStrings.ts),
// for a file whose text the engine lets go once read (a workspace registry: the cursus family's
// `textFree`). Walks what a source holds: entries, variables' literals, metadata, references and
// diagnostics with their fixes.
import type { Diagnostic } from '../../../types';
import { detachLit } from '../../../literal';
import { stringCopier } from '../../../util/detachStrings';
import type { RegistrySource } from './source';

/** Rewrites, in place, every string of `src` read from its text; returns `src`. */
export function detachSource(src: RegistrySource): RegistrySource {
  const copy = stringCopier();
  // Entries' values are the variables' dicts' values: walked with the variables.
  for (const e of src.entries) { e.name = copy(e.name); e.variable = copy(e.variable); }
  for (const v of src.vars) { v.name = copy(v.name); detachLit(v.value, copy); }
  if (src.metadata) detachLit(src.metadata, copy);
  if (src.developerId) src.developerId.value = copy(src.developerId.value);
  for (const r of src.depRefs) r.name = copy(r.name);
  detachDiagnostics(src.diagnostics, copy);
  return src;
}

function detachDiagnostics(ds: Diagnostic[], copy: (s: string) => string): void {
  for (const d of ds) {
    d.message = copy(d.message);
    for (const r of d.related) r.message = copy(r.message);
    for (const f of d.fixes) {
      f.title = copy(f.title);
      for (const fe of f.edits) for (const t of fe.edits) t.newText = copy(t.newText);
      for (const c of f.createFiles ?? []) c.text = copy(c.text);
    }
  }
}
